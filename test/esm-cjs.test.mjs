// Every value the types declare is a named ESM export and a CommonJS property, the same
// object both ways, on both packages. The declared names come from TypeScript itself
// (the compiler API over each package's index.d.ts), not from a list kept here.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import * as napiNamed from '@bindlab/napi';
import * as wasmNamed from '@bindlab/wasm';

const require = createRequire(import.meta.url);

/** The value (not type-only) exports that `index.d.ts` of package `name` declares. */
function declaredValues(name) {
  const entry = require.resolve(`${name}/package.json`).replace(/package\.json$/, 'index.d.ts');
  const program = ts.createProgram([entry], { noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry));
  return checker.getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}

for (const [name, named] of [['@bindlab/napi', napiNamed], ['@bindlab/wasm', wasmNamed]]) {
  test(`${name}: every declared value is a named ESM export and a CommonJS property, the same object`, () => {
    const required = require(name);
    const names = declaredValues(name);
    assert.ok(names.length > 20 && names.includes('HeapDiff') && names.includes('diffSnapshots'), names.join(', '));
    for (const value of names) {
      assert.ok(value in named, `import { ${value} } from '${name}'`);
      assert.ok(value in required, `require('${name}').${value}`);
      assert.equal(named[value], required[value], value);
    }
    assert.equal(named.default, required);
  });
}

test('a separate process can import the front by name in ESM (the way a user does)', async () => {
  const { spawnSync } = await import('node:child_process');
  for (const name of ['@bindlab/napi', '@bindlab/wasm']) {
    const script = `import { HeapDiff, diffSnapshots, on, gc } from '${name}'; console.log([HeapDiff, diffSnapshots, on, gc].map((f) => typeof f).join())`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: path.dirname(require.resolve(`${name}/package.json`)) });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'function,function,function,function\n');
  }
});
