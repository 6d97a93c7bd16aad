// Both packages load with ESM `import` (named and default) as well as `require`, and
// their lab namespaces, where the probes live, have fast properties too.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as napiNamed from '@bindlab/napi';
import * as wasmNamed from '@bindlab/wasm';

const require = createRequire(import.meta.url);

for (const [name, named] of [['@bindlab/napi', napiNamed], ['@bindlab/wasm', wasmNamed]]) {
  test(`${name}: named ESM imports are the CommonJS exports`, () => {
    const required = require(name);
    for (const product of ['HeapDiff', 'diffSnapshots', 'on', 'gc', 'lab']) {
      assert.equal(named[product], required[product], `import { ${product} } from '${name}'`);
    }
    for (const probe of ['noop', 'add', 'sum']) {
      assert.equal(typeof named.lab[probe], 'function', `import { lab } from '${name}'; lab.${probe}`);
      assert.equal(named.lab[probe], required.lab[probe]);
    }
    assert.equal(named.default, required);
  });
}

test('both packages and their lab namespaces have fast properties (a dictionary-mode object costs 3-4 ns a call)', () => {
  const script = `for (const name of ['@bindlab/napi', '@bindlab/wasm']) console.log(name, %HasFastProperties(require(name)), %HasFastProperties(require(name).lab));`;
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '@bindlab/napi true true\n@bindlab/wasm true true\n');
});
