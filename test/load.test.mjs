// Both packages load with ESM `import` (named and default) as well as `require`.
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
    for (const probe of ['noop', 'add', 'sum']) {
      assert.equal(typeof named[probe], 'function', `import { ${probe} } from '${name}'`);
      assert.equal(named[probe], required[probe]);
    }
    assert.equal(named.default, required);
  });
}

test('both packages export objects with fast properties (a dictionary-mode object costs 3-4 ns a call)', () => {
  const script = `for (const name of ['@bindlab/napi', '@bindlab/wasm']) console.log(name, %HasFastProperties(require(name)));`;
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '@bindlab/napi true\n@bindlab/wasm true\n');
});
