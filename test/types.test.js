// The two packages' TypeScript declarations describe one public surface: what napi-rs
// generates (napi-binding/binding.d.ts) and what wasm-bindgen generates
// (wasm-binding/pkg/bindlab_wasm.d.ts) declare the same functions, classes, members
// and parameters, and each package's declarations (index.d.ts: the product at the top
// level, front.d.ts included, and `lab`) match what it exports at run time, as the
// TypeScript compiler reads them.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { BINDINGS } = require('./bindings.js');

const ROOT = path.join(__dirname, '..');
const GENERATED = {
  napi: path.join(ROOT, 'napi-binding', 'binding.d.ts'),
  wasm: path.join(ROOT, 'wasm-binding', 'pkg', 'bindlab_wasm.d.ts'),
};
const FRONT = path.join(ROOT, 'api', 'front.d.ts');

/** Exports only one binding has, on purpose, each with its reason. */
const ONLY_IN = {
  napi: {
    referenceCounters: 'counts Node-API reference calls (the two-phase reference)',
    reportedExternalMemory: 'reads napi_adjust_external_memory; wasm has no such knob',
    __napiBindingTarget: 'napi-rs loader constant',
  },
  wasm: {
    rawExports: "the wasm instance's own exports, the floor",
    heapLiveCount: "wasm-bindgen's live heap slots; Node-API has no such table",
    install_panic_hook: 'the start function; removed from the exports at load',
  },
};

/** Class members only one binding has: wasm-bindgen gives every class `free()`; napi-rs
 * classes are freed by the GC, and get `free()` only where they own big memory. */
const MEMBERS_ONLY_IN = {
  wasm: { Counter: ['free'], GcMonitor: ['free'], Tracked: ['free'], JsHolder: ['free'] },
  napi: { JsHolder: ['unrefOnly'] }, // the seed-003 'unref without delete' step, Node-API only
};

/** The text from an opening parenthesis at `at` to its match, exclusive. */
function balanced(text, at) {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(at + 1, i);
  }
  throw new Error(`unbalanced parenthesis at ${at}`);
}

/** Parameter names from a parameter list, in camelCase without leading underscores. */
function parameterNames(list) {
  const names = [];
  let depth = 0;
  let current = '';
  let previous = '';
  for (const ch of `${list},`) {
    if ('(<{['.includes(ch)) depth++;
    if (')}]'.includes(ch) || (ch === '>' && previous !== '=')) depth--;
    previous = ch;
    if (ch === ',' && depth === 0) {
      const name = current.trim().split(/[?:]/)[0].trim();
      if (name) names.push(name.replace(/^_+/, '').replace(/_([a-z])/g, (_, c) => c.toUpperCase()));
      current = '';
    } else current += ch;
  }
  return names.join(', ');
}

/** Declared functions, constants and classes (member -> parameters) of a .d.ts. */
function declarations(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const functions = new Map();
  for (const m of text.matchAll(/^export (?:declare )?function (\w+)\s*\(/gm)) {
    functions.set(m[1], parameterNames(balanced(text, m.index + m[0].length - 1)));
  }
  const constants = new Set([...text.matchAll(/^export (?:declare )?const (\w+)/gm)].map((m) => m[1]));
  const classes = new Map();
  for (const m of text.matchAll(/^export (?:declare )?class (\w+)[^{]*\{([\s\S]*?)^\}/gm)) {
    const members = new Map();
    for (const line of m[2].split('\n').map((l) => l.trim()).filter(Boolean)) {
      if (line.startsWith('[')) continue; // symbol-keyed members such as [Symbol.dispose]
      const getter = line.match(/^(?:get (\w+)\(\)|readonly (\w+):)/);
      if (getter) members.set(`get ${getter[1] ?? getter[2]}`, '');
      const method = line.match(/^(static )?(\w+)\s*\(/);
      if (method && !getter) members.set(`${method[1] ?? ''}${method[2]}`, parameterNames(balanced(line, line.indexOf('('))));
    }
    classes.set(m[1], members);
  }
  return { functions, constants, classes };
}

/** A declaration set without one binding's deliberate extras, as plain data. */
function shared(decl, binding) {
  const keep = ([name]) => !(name in ONLY_IN[binding]);
  return {
    functions: Object.fromEntries([...decl.functions].filter(keep)),
    classes: Object.fromEntries([...decl.classes].map(([name, members]) => {
      const extra = MEMBERS_ONLY_IN[binding][name] ?? [];
      return [name, Object.fromEntries([...members].filter(([member]) => !extra.includes(member)))];
    })),
  };
}

test('napi-rs and wasm-bindgen declare the same functions, classes, members and parameters', () => {
  const napi = shared(declarations(GENERATED.napi), 'napi');
  const wasm = shared(declarations(GENERATED.wasm), 'wasm');
  assert.deepEqual(Object.keys(napi.functions).sort(), Object.keys(wasm.functions).sort(), 'function names');
  assert.deepEqual(napi.functions, wasm.functions, 'function parameters');
  assert.deepEqual(Object.keys(napi.classes).sort(), Object.keys(wasm.classes).sort(), 'class names');
  for (const name of Object.keys(napi.classes)) {
    assert.deepEqual(napi.classes[name], wasm.classes[name], `members of class ${name}`);
  }
});

/** What package `name`'s index.d.ts declares, by the TypeScript compiler: its value
 * exports, and the properties of the type of its `lab` export, each sorted. */
function declaredSurface(name) {
  const entry = require.resolve(`@bindlab/${name}/package.json`).replace(/package\.json$/, 'index.d.ts');
  const program = ts.createProgram([entry], { noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)));
  const target = (symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const values = exports.filter((symbol) => (target(symbol).flags & ts.SymbolFlags.Value) !== 0);
  const lab = values.find((symbol) => symbol.name === 'lab');
  const labType = checker.getTypeOfSymbolAtLocation(lab, lab.valueDeclaration);
  return {
    top: values.map((symbol) => symbol.name).sort(),
    lab: checker.getPropertiesOfType(labType).map((symbol) => symbol.name).sort(),
  };
}

for (const [name, binding] of Object.entries(BINDINGS)) {
  test(`${name}: the declarations cover exactly what the package exports, at the top level and under lab`, () => {
    const declared = declaredSurface(name);
    const lab = Object.keys(binding.lab).sort();
    assert.deepEqual(declared.top, Object.keys(binding).sort(), 'top level: declared and exported');
    assert.deepEqual(declared.lab.filter((key) => key !== 'install_panic_hook'), lab, 'lab: declared and exported');
  });

  test(`${name}: every generated declaration and every front declaration is declared at the top level or under lab`, () => {
    const generated = declarations(GENERATED[name]);
    const front = declarations(FRONT);
    const declared = new Set([
      ...generated.functions.keys(), ...generated.constants, ...generated.classes.keys(),
      ...front.functions.keys(), ...front.constants, ...front.classes.keys(),
    ]);
    const { top, lab } = declaredSurface(name);
    const exported = new Set([...top, ...lab, ...Object.keys(binding), ...Object.keys(binding.lab)]);
    const missing = [...exported].filter((key) => !declared.has(key) && key !== 'lab' && key !== 'raw');
    const phantom = [...declared].filter((key) => !exported.has(key) && key !== 'install_panic_hook');
    assert.deepEqual(missing, [], 'exported but not declared');
    assert.deepEqual(phantom, [], 'declared but not exported');
  });
}
