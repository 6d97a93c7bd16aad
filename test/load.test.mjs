// Both packages load with ESM `import` (named and default) as well as `require`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
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
