/**
 * A page script that takes from Chromium, before any page script runs, the built-ins Internet
 * Explorer 11 does not have (the task pane of Office 2016/2019 volume licence runs in IE11), so
 * the bundle works only if it brings its own polyfills and never needs what cannot be polyfilled:
 *
 * - methods and globals added after ES5 (Promise and Promise.prototype.finally, Object.fromEntries,
 *   Array.prototype.flat/includes, String.prototype.padStart, fetch, TextDecoder, Proxy, …), deleted;
 * - `RegExp` replaced by a constructor that throws a SyntaxError, as IE11 does, on the `u`, `s` and
 *   `y` flags, lookbehind, named groups and `\p{…}` (core-js adds `s`, `y` and named groups by
 *   wrapping RegExp; nothing can add `u`);
 * - `URL` left with createObjectURL/revokeObjectURL only (IE11 has no URL constructor).
 *
 * What it cannot take away: ES2015+ syntax (acorn's ES5 parse covers that), Symbol (the page's own
 * iteration needs it) and IE11's layout engine — see the README's manual checklist.
 */
import { modernPatternSyntax } from './es5-scan.js';

/** Built-ins removed, by owner (a global, or a global's prototype). */
export const REMOVED: Record<string, string[]> = {
  window: [
    'fetch',
    'TextDecoder',
    'TextEncoder',
    'structuredClone',
    'queueMicrotask',
    'Proxy',
    'Reflect',
    'WeakRef',
    'FinalizationRegistry',
    'AbortController',
    'URLSearchParams',
  ],
  'Promise.prototype': ['finally'],
  Promise: ['allSettled', 'any', 'withResolvers'],
  Object: ['fromEntries', 'entries', 'values', 'assign', 'hasOwn', 'groupBy', 'getOwnPropertyDescriptors'],
  Array: ['from', 'of'],
  'Array.prototype': [
    'flat',
    'flatMap',
    'includes',
    'find',
    'findIndex',
    'findLast',
    'findLastIndex',
    'fill',
    'copyWithin',
    'at',
    'toSorted',
    'toReversed',
    'with',
  ],
  String: ['fromCodePoint', 'raw'],
  'String.prototype': [
    'includes',
    'startsWith',
    'endsWith',
    'padStart',
    'padEnd',
    'repeat',
    'trimStart',
    'trimEnd',
    'replaceAll',
    'matchAll',
    'at',
    'codePointAt',
    'normalize',
  ],
  Number: ['isFinite', 'isNaN', 'isInteger', 'isSafeInteger', 'parseFloat', 'parseInt', 'EPSILON'],
  Math: ['trunc', 'sign', 'log10', 'log2', 'hypot', 'cbrt', 'expm1', 'log1p', 'fround', 'clz32'],
};

/** The script for page.addInitScript: runs before office.js, the fake and the bundle. */
export function ie11EmulationScript(): string {
  return `(function () {
  var removed = ${JSON.stringify(REMOVED)};
  var modernPatternSyntax = ${modernPatternSyntax.toString()};
  Object.keys(removed).forEach(function (owner) {
    var target = owner.split('.').reduce(function (o, k) { return o[k]; }, window);
    removed[owner].forEach(function (name) { delete target[name]; });
  });
  // Promise itself: IE11 has none (core-js brings it); the page's async syntax keeps the intrinsic.
  delete window.Promise;

  var NativeRegExp = RegExp;
  function IE11RegExp(pattern, flags) {
    var isRegExp = pattern instanceof NativeRegExp;
    var source = isRegExp ? pattern.source : pattern === undefined ? '' : String(pattern);
    var f = flags === undefined ? (isRegExp ? pattern.flags : '') : String(flags);
    if (/[^gim]/.test(f)) throw new SyntaxError('IE11: invalid regular expression flag in "' + f + '"');
    var syntax = modernPatternSyntax(source);
    if (syntax) throw new SyntaxError('IE11: unsupported regular expression syntax ' + syntax);
    if (!(this instanceof IE11RegExp) && isRegExp && flags === undefined) return pattern;
    return new NativeRegExp(source, f);
  }
  IE11RegExp.prototype = NativeRegExp.prototype;
  Object.defineProperty(NativeRegExp.prototype, 'constructor', { value: IE11RegExp, writable: true, configurable: true });
  window.RegExp = IE11RegExp;

  var NativeURL = URL;
  window.URL = {
    createObjectURL: function (blob) { return NativeURL.createObjectURL(blob); },
    revokeObjectURL: function (url) { return NativeURL.revokeObjectURL(url); },
  };
  window.__ie11Emulation = true;
})();`;
}
