// Transfer cases: what moving data across the boundary costs, by kind and by size. A row
// with `sizes` (and the `unit` they are counted in) is a sweep: one row per size, its
// `args` built for that size; its cases' ids end in `@<size>`. Row fields are described in
// call-overhead.js.
'use strict';

const { floats, constant, strings, byteArrays, float64Arrays, points, wides } = require('./inputs.js');

const STRING_BYTES = [8, 64, 1024, 65536];
const BYTE_LENGTHS = [16, 256, 4096, 65536, 1048576];
const FLOAT_COUNTS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

module.exports = {
  strings: [
    { id: 'utf8Length.ascii', name: 'utf8Length(ASCII)',     uses: ['utf8Length'], sizes: STRING_BYTES, unit: 'B', args: ({ size }) => [strings(size, 'ascii')], call: (impl, s) => impl.utf8Length(s) },
    { id: 'utf8Length.utf8', name: 'utf8Length(non-ASCII)', uses: ['utf8Length'], sizes: STRING_BYTES, unit: 'B', args: ({ size }) => [strings(size, 'utf8')],  call: (impl, s) => impl.utf8Length(s) },
    { id: 'echoString.ascii', name: 'echoString(ASCII)',     uses: ['echoString'], sizes: STRING_BYTES, unit: 'B', args: ({ size }) => [strings(size, 'ascii')], call: (impl, s) => impl.echoString(s) },
    { id: 'echoString.utf8', name: 'echoString(non-ASCII)', uses: ['echoString'], sizes: STRING_BYTES, unit: 'B', args: ({ size }) => [strings(size, 'utf8')],  call: (impl, s) => impl.echoString(s) },
  ],
  bytes: [
    { id: 'sumBytes', name: 'sumBytes(Uint8Array)',       uses: ['sumBytes'],       sizes: BYTE_LENGTHS, unit: 'B', args: ({ size }) => [byteArrays(size)], call: (impl, u8) => impl.sumBytes(u8) },
    { id: 'sumBytesCopied', name: 'sumBytesCopied(Uint8Array)', uses: ['sumBytesCopied'], sizes: BYTE_LENGTHS, unit: 'B', args: ({ size }) => [byteArrays(size)], call: (impl, u8) => impl.sumBytesCopied(u8) },
    { id: 'makeBytes', name: 'makeBytes(length)',          uses: ['makeBytes'],      sizes: BYTE_LENGTHS, unit: 'B', args: ({ size }) => [constant(size)],   call: (impl, n) => impl.makeBytes(n), resultBytes: ({ size }) => size },
  ],
  floats: [
    { id: 'sum', name: 'sum(Float64Array)', uses: ['sum'], sizes: FLOAT_COUNTS, unit: 'elements', args: ({ size }) => [float64Arrays(size)], call: (impl, values) => impl.sum(values) },
  ],
  objects: [
    { id: 'pointSum', name: 'pointSum({x, y})',    uses: ['pointSum'],   args: [points()],           call: (impl, p) => impl.pointSum(p) },
    { id: 'makePoint', name: 'makePoint(x, y)',     uses: ['makePoint'],  args: [floats(), floats()], call: (impl, x, y) => impl.makePoint(x, y) },
    { id: 'wideSum', name: 'wideSum({f0..f19})',  uses: ['wideSum'],    args: [wides()],            call: (impl, w) => impl.wideSum(w) },
    { id: 'makeWide', name: 'makeWide(seed)',      uses: ['makeWide'],   args: [floats()],           call: (impl, seed) => impl.makeWide(seed) },
    { id: 'makePoints', name: 'makePoints(100)',     uses: ['makePoints'], args: [constant(100)],      call: (impl, n) => impl.makePoints(n) },
  ],
};
