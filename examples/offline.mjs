// Offline analysis of two .heapsnapshot files: memwatch's diff, and one snapshot's classes.
// Run: node offline.mjs BEFORE.heapsnapshot AFTER.heapsnapshot
import { diffSnapshots, parseSnapshot } from '@bindlab/napi'; // or '@bindlab/wasm'

const [before, after] = process.argv.slice(2);
const diff = diffSnapshots(before, after);
for (const row of diff.change.details.slice(0, 3)) console.log(row.what, row['+'], row['-'], row.size);

const snapshot = parseSnapshot(after);
try {
  console.log(`${snapshot.nodeCount} nodes; largest class: ${snapshot.topClasses(1)[0].name}`);
} finally {
  snapshot.free();
}
