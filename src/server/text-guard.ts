/**
 * Text PostgreSQL cannot store: U+0000 (text columns refuse it) and a UTF-16 surrogate without its pair
 * (it has no UTF-8 form). A request carrying either is refused as bad input before any handler runs,
 * instead of failing in the database as an internal error.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

/**
 * The path of the first string (or key) in `value` that cannot be stored ("" for the value itself),
 * or null. Iterative: a request body may nest arrays tens of thousands deep.
 */
export function unstorableText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (unstorable(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (unstorable(k)) return at;
        stack.push([x, at]);
      }
    }
  }
  return null;
}
