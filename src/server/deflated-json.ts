/**
 * A checked submission as it is stored: its UTF-8 JSON (what JSON.stringify gives), raw-deflated, in an
 * ArrayBuffer of its own so that it can be moved to the main thread. store.ts parsedSubmission reads it
 * back with one inflate and JSON.parse.
 *
 * Every office of a round reads its 指标 rows from the same catalogue, so a checking thread stores the same
 * `rows` again and again (~40 % of the JSON). A raw deflate stream may be cut into pieces compressed on
 * their own (each but the last ended by a sync flush, which ends on a byte boundary and marks no final
 * block) and joined: so the rows' compressed piece is kept and reused while the next submission's rows are
 * the same, value for value, which costs far less than writing, encoding and compressing them again. The
 * piece after the rows is compressed with the rows' last 32 KB as its preset dictionary, so it refers back
 * into them as one stream would (the joined bytes come out no larger than one stream's).
 */
import { constants, deflateRawSync } from 'node:zlib';

/** Most a UTF-16 code unit takes in UTF-8 (a surrogate pair: 4 bytes for 2 units). */
const UTF8_PER_UNIT = 3;
/** Largest text encoded into the thread's reused buffer; longer ones get a buffer of their own. */
const SCRATCH_UNITS = 1 << 20;
let scratch: Buffer | null = null;

/** Elements of a long array stringified at a time (jsonUtf8): ~10 K characters of a submission's entries. */
const ELEMENTS_AT_A_TIME = 32;

/** Where the next bytes go in the scratch buffer. */
interface Written {
  at: number;
}

/** Appends the text's UTF-8; false when it might not fit. */
function put(text: string, buffer: Buffer, w: Written): boolean {
  if (w.at + text.length * UTF8_PER_UNIT > buffer.length) return false;
  w.at += buffer.write(text, w.at, 'utf8');
  return true;
}

function hasToJson(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** A plain array's JSON, a few elements at a time; false where that could write otherwise (see jsonUtf8). */
function putArray(a: unknown[], buffer: Buffer, w: Written): boolean {
  // An element's toJSON is given its index, which would be its index in the slice instead.
  if (Object.getPrototypeOf(a) !== Array.prototype || hasToJson(a) || a.some(hasToJson)) return false;
  if (!put('[', buffer, w)) return false;
  for (let i = 0; i < a.length; i += ELEMENTS_AT_A_TIME) {
    const part = JSON.stringify(a.slice(i, i + ELEMENTS_AT_A_TIME));
    if (!put(`${i === 0 ? '' : ','}${part.slice(1, -1)}`, buffer, w)) return false;
  }
  return put(']', buffer, w);
}

/** A plain object's JSON, a member at a time; false where that could write otherwise (see jsonUtf8). */
function putObject(o: Record<string, unknown>, buffer: Buffer, w: Written): boolean {
  if (!put('{', buffer, w)) return false;
  let first = true;
  for (const k of Object.keys(o)) {
    const v = o[k];
    // A member's toJSON is given its key, which JSON.stringify of the value alone would not give it.
    if (hasToJson(v)) return false;
    const whole = Array.isArray(v) ? null : JSON.stringify(v);
    if (whole === undefined) continue; // undefined, a function, a symbol: left out, as JSON.stringify does
    if (!put(`${first ? '' : ','}${JSON.stringify(k)}:`, buffer, w)) return false;
    first = false;
    if (!(whole === null ? putArray(v as unknown[], buffer, w) : put(whole, buffer, w))) return false;
  }
  return put('}', buffer, w);
}

/**
 * UTF-8 of JSON.stringify(value), byte for byte, in a buffer the thread reuses (valid until the next call):
 * a submission is encoded once per upload and deflated at once, so a fresh buffer each time is only garbage.
 * JSON.stringify gives a long text as a rope of parts, which writing it out first copies into one flat
 * string: for a submission's ~100 K characters a large object, mapped afresh and unmapped on every upload
 * (src/xlsx/fast-grid.ts: PIECE_BYTES). So a plain object is written a member at a time and a plain array a
 * few elements at a time, each part's text small. Anything that could then write otherwise (a toJSON,
 * which is given its key) and anything too long for the buffer is written whole.
 */
function jsonUtf8(value: unknown): Buffer {
  scratch ??= Buffer.allocUnsafeSlow(SCRATCH_UNITS * UTF8_PER_UNIT);
  const w: Written = { at: 0 };
  const done = isPlainObject(value)
    ? !hasToJson(value) && putObject(value, scratch, w)
    : Array.isArray(value) && putArray(value, scratch, w);
  return done ? scratch.subarray(0, w.at) : Buffer.from(JSON.stringify(value), 'utf8');
}

/** Deflate's window: how far back a piece may refer into the text before it. */
const WINDOW = 1 << 15;

/**
 * Raw deflate at level 1 (~1 ms for a 300-target workbook's ~260 KB, to ~26 KB; higher levels cost several
 * times that for a few KB less). `more`: another piece follows (a sync flush instead of the final block).
 * `before`: the (up to WINDOW) bytes the joined stream holds just before this piece, which it may refer
 * to as a piece of one stream would (a raw stream's preset dictionary is no more than that).
 */
function deflateBytes(bytes: Uint8Array, more: boolean, before?: Uint8Array): Buffer {
  return deflateRawSync(bytes, {
    level: 1,
    finishFlush: more ? constants.Z_SYNC_FLUSH : constants.Z_FINISH,
    ...(before?.length ? { dictionary: before } : {}),
  });
}

/** The member whose compressed piece is reused, and how many of its last values a thread keeps. */
const REUSED_MEMBER = 'rows';
const KEPT = 4;

interface KeptPiece {
  /** The value the piece encodes, flattened (flatJson). */
  tokens: unknown[];
  deflated: Buffer;
  /** The last (up to WINDOW) bytes of the piece's text, which the next piece may refer to. */
  end: Buffer;
}

/** Most recently used first. */
const kept: KeptPiece[] = [];

/**
 * Misses in a row, and after how many the pieces are left alone: where every submission's rows differ
 * (each office's own allocated targets, a thread serving many rounds at once) the pieces only cost (a
 * walk of the rows, three streams instead of one), so the whole is compressed as one stream again, with
 * a try at the pieces every RETRY_EVERY submissions to notice when reuse would pay again.
 */
let misses = 0;
let skipped = 0;
const MISSES_BEFORE_SKIPPING = 3;
const RETRY_EVERY = 8;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Markers in a flattened value: never equal to any value compared with them. */
const ARRAY = Symbol('array');
const OBJECT = Symbol('object');

/**
 * A value as a flat list in walking order: an array as ARRAY, its length, its items; a plain object as
 * OBJECT, its key count, then each key and its value; a string, finite number, boolean or null as itself.
 * Null when the value holds anything whose JSON text is not simply that (undefined, NaN, a Date, an object
 * with toJSON…): such a value is not kept. Only primitives are kept, so a later change to the value's
 * objects cannot change what the list says. Compared against without building anything (matchJson).
 */
function flatJson(v: unknown, out: unknown[]): unknown[] | null {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') out.push(v);
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    out.push(v);
  } else if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return null;
    out.push(ARRAY, v.length);
    for (let i = 0; i < v.length; i++) if (!flatJson(v[i], out)) return null;
  } else if (isPlainObject(v) && typeof v.toJSON !== 'function') {
    const keys = Object.keys(v);
    out.push(OBJECT, keys.length);
    for (const k of keys) {
      out.push(k);
      if (!flatJson(v[k], out)) return null;
    }
  } else return null;
  return out;
}

/**
 * Whether `v` has the same JSON text as the flattened value from position `at`: the same plain objects
 * (keys in the same order), arrays and primitive values. Anything JSON.stringify would write otherwise
 * (undefined, NaN, a Date, an object with toJSON…) differs from every parsed value, so it is a miss.
 * Returns the position after the value, or -1.
 */
function matchJson(v: unknown, tokens: readonly unknown[], at: number): number {
  if (typeof v !== 'object' || v === null) return tokens[at] === v ? at + 1 : -1;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return -1;
    if (tokens[at] !== ARRAY || tokens[at + 1] !== v.length) return -1;
    let next = at + 2;
    for (let i = 0; i < v.length && next >= 0; i++) next = matchJson(v[i], tokens, next);
    return next;
  }
  if (!isPlainObject(v) || tokens[at] !== OBJECT) return -1;
  const count = tokens[at + 1] as number;
  let next = at + 2;
  let seen = 0;
  // for…in walks a plain object's own keys in the order Object.keys (and JSON.stringify) gives them.
  for (const k in v) {
    if (seen === count || tokens[next] !== k) return -1;
    next = matchJson(v[k], tokens, next + 1);
    if (next < 0) return -1;
    seen++;
  }
  return seen === count ? next : -1;
}

/** The compressed piece of `value`'s JSON (sync-flushed), reused when a kept one encodes the same JSON. */
function reusedPiece(value: unknown[]): KeptPiece {
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i];
    if (matchJson(value, k.tokens, 0) !== k.tokens.length) continue;
    if (i > 0) kept.unshift(...kept.splice(i, 1));
    misses = 0;
    return k;
  }
  misses++;
  const bytes = jsonUtf8(value);
  const deflated = deflateBytes(bytes, true);
  const end = Buffer.from(bytes.subarray(Math.max(0, bytes.length - WINDOW)));
  const tokens = flatJson(value, []);
  if (!tokens) return { tokens: [], deflated, end };
  kept.unshift({ tokens, deflated, end });
  if (kept.length > KEPT) kept.pop();
  return kept[0];
}

/** The last (up to WINDOW) bytes of `first` followed by `second`. */
function lastWindow(first: Uint8Array, second: Uint8Array): Uint8Array {
  if (second.length >= WINDOW) return second.subarray(second.length - WINDOW);
  const both = Buffer.concat([first, second]);
  return both.subarray(Math.max(0, both.length - WINDOW));
}

/** An ArrayBuffer of its own (not zlib's or Buffer's shared memory), holding the pieces one after another. */
function joined(pieces: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of pieces) n += p.length;
  const own = new Uint8Array(n);
  let at = 0;
  for (const p of pieces) {
    own.set(p, at);
    at += p.length;
  }
  return own;
}

/**
 * The members after `rows` as they close the whole ('{"entries":…}' → ',"entries":…}'; '{}' → '}'), as
 * bytes: its '{' is overwritten in place rather than the ~100 K characters copied into a new string.
 */
function closingBytes(after: Record<string, unknown>): Uint8Array {
  const bytes = jsonUtf8(after);
  if (bytes.length === 2) return Buffer.from('}');
  bytes[0] = 0x2c; // ','
  return bytes;
}

/**
 * UTF-8 JSON of `value`, raw-deflated. For a plain object with a `rows` array (a Submission), the JSON
 * is written in three pieces — the members before `rows`, `rows`, the members after it — exactly as
 * JSON.stringify writes the whole, and the rows' piece is reused when it can be.
 */
export function deflatedJson(value: unknown): Uint8Array {
  const rows: unknown = isPlainObject(value) ? value[REUSED_MEMBER] : undefined;
  const pieces =
    isPlainObject(value) &&
    typeof value.toJSON !== 'function' &&
    Array.isArray(rows) &&
    (misses < MISSES_BEFORE_SKIPPING || ++skipped % RETRY_EVERY === 0);
  if (!pieces) return joined([deflateBytes(jsonUtf8(value), false)]);
  // Without a prototype, so that a member named "__proto__" is a member like any other.
  const before = Object.create(null) as Record<string, unknown>;
  const after = Object.create(null) as Record<string, unknown>;
  let seen = false;
  for (const k of Object.keys(value)) {
    if (k === REUSED_MEMBER) seen = true;
    else (seen ? after : before)[k] = value[k];
  }
  // '{"office":…,"source":"…"' + ',' + '"rows":' — and after the rows ',"entries":…}' (or '}' alone).
  const head = JSON.stringify(before);
  const opening = `${head.slice(0, -1)}${head === '{}' ? '' : ','}${JSON.stringify(REUSED_MEMBER)}:`;
  const openingBytes = Buffer.from(opening, 'utf8');
  const middle = reusedPiece(rows);
  // After the rows' piece: both encode into the thread's one scratch buffer.
  const closing = closingBytes(after);
  return joined([
    deflateBytes(openingBytes, true),
    middle.deflated,
    deflateBytes(closing, false, lastWindow(openingBytes, middle.end)),
  ]);
}
