// The memwatch drop-in: GC statistics, leak events and a HeapDiff around some work.
// Run: node memwatch.cjs
'use strict';

const memwatch = require('@bindlab/napi'); // or '@bindlab/wasm'

memwatch.on('leak', (info) => console.log('leak:', info.reason));
memwatch.on('stats', (stats) => console.log('stats: full GCs so far', stats.num_full_gc));

const hd = new memwatch.HeapDiff();
const kept = Array.from({ length: 5000 }, (_, i) => ({ id: i, label: `item ${i}` }));
const diff = hd.end();
memwatch.gc();

const grown = diff.change.details.filter((row) => row['+'] >= kept.length);
console.log(`allocated ${diff.change.allocated_nodes} nodes; grown classes: ${grown.map((row) => row.what).join(', ')}`);
