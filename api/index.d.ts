// @bindlab/api: the JavaScript front both binding packages share. What it adds to a
// package is declared in front.d.ts, which each package's index.d.ts re-exports.

/** The binding exports that are product (top level); every other binding export goes under `lab`. */
export declare const PRODUCT_BINDING_EXPORTS: readonly string[]

/** A package's exports from its binding's: the product binding exports and the front at the
 * top level, the rest of the binding and `labExtras` under `lab`; `published()` returns the
 * package's exports, which the front's `on`, `once` and `off` return for chaining. */
export declare function packageExports(
  binding: object,
  labExtras: object,
  published: () => object,
): typeof import('./front') & { lab: Record<string, unknown> }
