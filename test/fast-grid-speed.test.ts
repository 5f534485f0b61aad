/**
 * The fast reader's shortcuts must not change what is read.
 * - The server reads uploads with Node's zlib instead of fflate (src/server/inflate.ts, handed to the
 *   fast reader through readWorkbookGrid's options): the same grid for a real workbook, and for a zip
 *   whose directory lies about an entry's size the same outcome as fflate's (zlib gives up and fflate
 *   inflates, padded or cut to the declared size).
 * - The root element's prefix is found by walking the prolog instead of a backtracking regular
 *   expression: the same prefix as that expression for any prolog, however odd.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { zlibInflateRaw } from '../src/server/inflate.js';
import { readWorkbookGridFast, rootPrefix } from '../src/xlsx/fast-grid.js';
import { readWorkbookGrid, readWorkbookGridExceljs } from '../src/xlsx/read-grid.js';
import { checkZip } from '../src/xlsx/zip-guard.js';
import { filledWorkbook } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';

let filled: Uint8Array;

beforeAll(async () => {
  ({ bytes: filled } = await filledWorkbook(seedCatalogue(), '通化市'));
});

/** Outcome of a read: the grid, or the error's message. */
async function outcome(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return await read();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** A copy of `bytes` with the declared uncompressed size of entry `name` changed in the central directory. */
function withDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const wanted = new TextEncoder().encode(name);
  for (let at = out.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== wanted.length) continue;
    if (wanted.every((b, i) => out[at + 46 + i] === b)) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no central entry ${name}`);
}

describe('reading with the server’s zlib inflater', () => {
  it('gives exactly the grid fflate and exceljs give for a filled workbook', async () => {
    const withZlib = await readWorkbookGrid(filled, 'a.xlsx', { inflateRaw: zlibInflateRaw });
    expect(withZlib).toEqual(readWorkbookGridFast(filled));
    expect(withZlib).toEqual(await readWorkbookGridExceljs(filled, 'a.xlsx'));
    expect(withZlib.sheets.map((s) => s.name)).toContain('指标');
  });

  it('reads a zip that understates or overstates a sheet’s size as the fflate path does', async () => {
    const entry = checkZip(filled)?.find((e) => e.name === 'xl/worksheets/sheet2.xml');
    expect(entry).toBeDefined();
    for (const size of [entry!.size - 100, entry!.size + 100]) {
      const lying = withDeclaredSize(filled, entry!.name, size);
      const plain = await outcome(() => readWorkbookGrid(lying, 'l.xlsx'));
      const zlib = await outcome(() => readWorkbookGrid(lying, 'l.xlsx', { inflateRaw: zlibInflateRaw }));
      expect(zlib).toEqual(plain);
    }
  });

  it('gives exactly the declared number of bytes, or nothing', () => {
    const text = new TextEncoder().encode('<c r="A1"><v>1</v></c>'.repeat(50));
    const data = new Uint8Array(deflateRawSync(text));
    expect(zlibInflateRaw(data, text.length)).toEqual(text);
    expect(zlibInflateRaw(data, text.length - 1)).toBeNull(); // more than declared
    expect(zlibInflateRaw(data, text.length + 1)).toBeNull(); // less than declared
    expect(zlibInflateRaw(data.subarray(0, 10), text.length)).toBeNull(); // truncated
    expect(zlibInflateRaw(new Uint8Array([0xff, 0xff, 0xff]), 10)).toBeNull(); // not deflate
  });
});

describe('the root element’s prefix', () => {
  const definition = /^(?:\uFEFF)?\s*(?:<\?[\s\S]*?\?>\s*)*<([A-Za-z_][\w.-]*):[A-Za-z_]/;
  const piece = fc.constantFrom(
    '<?xml version="1.0"?>',
    '<?',
    '?>',
    '<?>',
    '<??>',
    ' ',
    '\n',
    '\uFEFF',
    '<x:worksheet',
    '<worksheet',
    '<x:',
    '<a.b:c',
    '<1:a',
    'x',
    ':',
    '>',
    '</x:sheetData>',
  );

  it('is what the defining expression finds, for any prolog', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const xml = pieces.join('');
        expect(rootPrefix(xml)).toBe(definition.exec(xml)?.[1] ?? null);
      }),
      { numRuns: 5000 },
    );
  });

  it('is found after the XML declaration, and absent on an unprefixed root', () => {
    expect(rootPrefix('\uFEFF<?xml version="1.0"?>\n<x:worksheet xmlns:x="m"><x:c/>')).toBe('x');
    expect(rootPrefix('<?xml version="1.0"?><worksheet xmlns="m"><c r="A1"/></worksheet>')).toBeNull();
    // an instruction may run on to a later "?>": the expression then finds the prefix after it
    expect(rootPrefix('<?xml?><worksheet><?pi?> <y:root')).toBe('y');
  });
});
