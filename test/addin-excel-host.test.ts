/**
 * The Office-facing module (src/addin/office/excel-host.ts) against the typed recording fake of
 * the Excel API (test/fakes/excel-fake.ts). This proves what we ASK Excel to do (values, formats,
 * validation, protection, names, sync count, request sizes) — not what real Excel does with it;
 * that is the manual checklist in the README.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { OfficeMockObject } from 'office-addin-mock';
import {
  ExcelHost,
  HIGHLIGHT_ADDRESS_LIMIT,
  describeExcel,
  queueUsedRange,
  startExcelHost,
  widthToPoints,
  type ExcelGlobal,
} from '../src/addin/office/excel-host.js';
import { planWorkbook, type WorkbookPlan } from '../src/core/workbook/plan.js';
import { LuoshiError } from '../src/core/errors.js';
import { TARGET_COLUMNS } from '../src/core/workbook/layout.js';
import type { FakeWorkbookModel } from './fakes/excel-fake.js';
import { FakeExcel, boxA1, colLetters, fakeOffice, parseAddress } from './fakes/excel-fake.js';
import { syntheticCatalogue } from './fakes/synthetic-catalogue.js';
import type { PlanStyle, PlanValue } from '../src/core/workbook/plan.js';

const GENERATED_AT = '2026-07-01T08:00:00.000Z';

function plan(targets: number, office = '省发展改革委'): WorkbookPlan {
  return planWorkbook(syntheticCatalogue(targets), {
    office,
    period: '2026年上半年',
    generatedAt: GENERATED_AT,
  });
}

function host(
  apiMinor = 9,
  opts: { payloadBudget?: number; payloadLimit?: number; model?: FakeWorkbookModel } = {},
): { fake: FakeExcel; host: ExcelHost } {
  const fake = new FakeExcel(opts.model, { apiMinor, payloadLimit: opts.payloadLimit });
  const excel: ExcelGlobal = fake;
  return { fake, host: new ExcelHost(excel, fakeOffice(apiMinor), { payloadBudget: opts.payloadBudget }) };
}

/** What a plan value must look like in Excel after writing. */
function expectedCell(v: PlanValue): { value: unknown; formula: string | null } {
  if (v === null) return { value: '', formula: null };
  if (typeof v === 'object') return { value: '', formula: `=${v.formula}` };
  return { value: v, formula: null };
}

/** Every block cell of every plan sheet equals what the fake workbook holds. */
function assertValues(fake: FakeExcel, p: WorkbookPlan): number {
  let checked = 0;
  for (const ps of p.sheets) {
    for (const block of ps.blocks) {
      const o = parseAddress(block.origin);
      block.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const a1 = `${colLetters(o.col + c)}${o.row + r + 1}`;
          const cell = fake.model.cell(ps.name, a1);
          const want = expectedCell(v);
          expect({ sheet: ps.name, a1, value: cell?.value ?? '', formula: cell?.formula ?? null }).toEqual({
            sheet: ps.name,
            a1,
            ...want,
          });
          checked++;
        }),
      );
    }
  }
  return checked;
}

/** The last style (in plan order) setting `key` for a cell, as the plan intends. */
function styleAt<K extends keyof PlanStyle>(
  ps: WorkbookPlan['sheets'][number],
  row: number,
  col: number,
  key: K,
): PlanStyle[K] | undefined {
  let found: PlanStyle[K] | undefined;
  for (const sr of ps.styles) {
    const b = parseAddress(sr.range);
    if (
      row >= b.row &&
      row < b.row + b.rows &&
      col >= b.col &&
      col < b.col + b.cols &&
      sr.style[key] !== undefined
    )
      found = sr.style[key];
  }
  return found;
}

describe('ExcelHost.realise / pull against the recording fake (ExcelApi 1.9)', () => {
  it('writes every value, number format, lock, validation, protection, name and sheet state of the plan', async () => {
    const p = plan(40);
    const { fake, host: h } = host(9);
    const result = await h.realise(p);
    expect(result.syncs).toBe(2);
    expect(result.notes).toEqual([]);
    expect(assertValues(fake, p)).toBeGreaterThan(40 * 18);

    for (const ps of p.sheets) {
      const sheet = fake.model.mustSheet(ps.name);
      expect(sheet.visibility).toBe(
        { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' }[ps.state],
      );
      // number formats and locks, cell by cell over every styled range
      for (const sr of ps.styles) {
        const b = parseAddress(sr.range);
        for (let r = b.row; r < b.row + b.rows; r++) {
          for (let c = b.col; c < b.col + b.cols; c++) {
            const cell = sheet.cells.get(`${r},${c}`);
            const fmt = styleAt(ps, r, c, 'numberFormat');
            if (fmt !== undefined) expect(cell?.numberFormat).toBe(fmt);
            const locked = styleAt(ps, r, c, 'locked');
            if (locked !== undefined) expect(cell?.locked).toBe(locked);
            const fill = styleAt(ps, r, c, 'fill');
            if (fill !== undefined) expect(cell?.fill).toBe(`#${fill}`);
          }
        }
      }
      // validations: exact rule per plan validation
      expect(sheet.validations.map((v) => v.address).sort()).toEqual(
        ps.validations.map((v) => parseAddressA1(v.range)).sort(),
      );
      for (const v of ps.validations) {
        const got = sheet.validations.find((x) => x.address === parseAddressA1(v.range));
        expect(got?.ignoreBlanks).toBe(v.allowBlank);
        expect(got?.errorAlert).toEqual({
          showAlert: true,
          style: 'Stop',
          title: v.errorTitle,
          message: v.error,
        });
        if (v.type === 'decimal')
          expect(got?.rule).toEqual({ decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } });
        if (v.type === 'date')
          expect(got?.rule).toEqual({ date: { formula1: v.min, formula2: v.max, operator: 'Between' } });
        if (v.type === 'list') {
          const source = 'values' in v.source ? v.source.values.join(',') : `=${v.source.range}`;
          expect(got?.rule).toEqual({ list: { inCellDropDown: true, source } });
        }
      }
      // protection with the plan's allowances
      if (ps.protection) {
        expect(sheet.protection.protected).toBe(true);
        expect(sheet.protection.options).toMatchObject({
          allowFormatCells: ps.protection.allow.formatCells,
          allowInsertRows: ps.protection.allow.insertRows,
          allowSort: ps.protection.allow.sort,
          selectionMode: 'Normal',
        });
      } else expect(sheet.protection.protected).toBe(false);
      expect(sheet.merges.slice().sort()).toEqual(ps.merges.map(parseAddressA1).sort());
      ps.columns.forEach((c, i) => expect(sheet.columnWidths.get(i)).toBe(widthToPoints(c.width)));
      if (ps.print) {
        expect(sheet.pageLayout.orientation).toBe(
          ps.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        );
        expect(sheet.pageLayout.paperSize).toBe('A4');
        if (ps.print.titleRows)
          expect(sheet.pageLayout.printTitleRows).toBe(`$${ps.print.titleRows.replace(':', ':$')}`);
      }
    }
    // plan sheets come first, in plan order; the original Sheet1 stays after them
    expect(fake.model.sheets.map((s) => s.name)).toEqual([...p.sheets.map((s) => s.name), 'Sheet1']);
    expect(Array.from(fake.model.names.entries())).toEqual(p.names.map((n) => [n.name, `=${n.ref}`]));
    expect(fake.model.activeSheet).toBe('指标');
    expect(fake.model.calculationSuspensions).toBeGreaterThan(0);
    expect(fake.unsyncedBatches).toBe(0);
  });

  it('writes catalogue text that looks like a formula, number or date as text, never as a formula', async () => {
    const p = plan(10);
    const { fake, host: h } = host(9);
    await h.realise(p);
    const quotes: unknown[] = [];
    const sheet = fake.model.mustSheet('指标');
    const column = (key: string) => TARGET_COLUMNS.findIndex((c) => c.key === key);
    sheet.cells.forEach((cell, key) => {
      if (key.endsWith(`,${column('quote')}`)) quotes.push(cell.value);
    });
    for (const q of ['=SUM(A1:A9)', '-15%的降幅', '+3个百分点', '@全体单位', '2020', '1/2'])
      expect(quotes).toContain(q);
    sheet.cells.forEach((cell, key) => {
      if (cell.formula) expect(key.endsWith(`,${column('rate')}`)).toBe(true); // only the plan's own 完成率 formula column
    });
  });

  it('pulls a 1,000-target catalogue into an empty workbook in 2 syncs, the same as 10 targets, each request under 5 MB', async () => {
    const counts: number[] = [];
    for (const n of [10, 1000]) {
      const p = plan(n);
      const { fake, host: h } = host(9);
      const r = await h.pull(() => p);
      counts.push(r.syncs);
      expect(fake.model.syncs).toBe(r.syncs);
      expect(Math.max(...fake.model.requestBytes)).toBeLessThan(5 * 1024 * 1024);
      if (n === 1000) assertValues(fake, p);
    }
    // state, write (an empty workbook has no luoshi sheet to read)
    expect(counts).toEqual([2, 2]);
  });

  it('splits the write into row chunks when the payload budget is exceeded, with the same result', async () => {
    const p = plan(300);
    const whole = host(9);
    await whole.host.realise(p);
    const chunked = host(9, { payloadBudget: 48 * 1024, payloadLimit: 64 * 1024 });
    const r = await chunked.host.realise(p);
    expect(r.syncs).toBeGreaterThan(2);
    expect(Math.max(...chunked.fake.model.requestBytes)).toBeLessThanOrEqual(64 * 1024);
    expect(chunked.fake.model.snapshot()).toBe(whole.fake.model.snapshot());
    // calculation is suspended in every write request (all but the first, which reads sheet state)
    expect(chunked.fake.model.calculationSuspensions).toBe(r.syncs - 1);
    expect(whole.fake.model.calculationSuspensions).toBe(1);
  });

  it('reads a workbook whose used range is over the 5 MB response limit in row blocks, each response under it', async () => {
    // D8: Excel on the web refuses a response over 5 MB; the fake applies that limit to every read.
    // Scaled down: a 160 KB limit and ~1.2 MB of typed text stand for 5 MB and 8.7 MB.
    const limit = 160 * 1024;
    const p = plan(300);
    const { fake, host: h } = host(9, { payloadBudget: 120 * 1024, payloadLimit: limit });
    await h.realise(p);
    const progress = TARGET_COLUMNS.findIndex((c) => c.key === 'progress');
    const text = (row: number): string =>
      `第${row}行：已完成年度任务的百分之${row % 100}，推进情况良好。`.repeat(6);
    for (let row = 4; row < 304; row++) fake.model.type('指标', `${colLetters(progress)}${row}`, text(row));
    const whole = JSON.stringify(
      Array.from(fake.model.mustSheet('指标').cells.values()).map((c) => [c.value, c.numberFormat]),
    );
    expect(Buffer.byteLength(whole)).toBeGreaterThan(limit); // one read of the sheet would be refused
    const before = fake.model.responseBytes.length;
    const grid = await h.readGrid();
    const reads = fake.model.responseBytes.slice(before);
    expect(reads.length).toBeGreaterThan(3);
    expect(Math.max(...reads)).toBeLessThanOrEqual(limit);
    const targets = grid.sheets.find((s) => s.name === '指标');
    for (let row = 4; row < 304; row++) expect(targets?.rows[row - 1][progress]).toBe(text(row));
    // and the plan's own cells come back in place, block boundaries included
    const header = p.sheets.find((s) => s.name === '指标')?.blocks.find((b) => b.origin === 'A3')?.values[0];
    expect(targets?.rows[2]).toEqual(header);
  });

  it('halves the row blocks of a read Excel refuses as too large, then reads everything', async () => {
    // Long text defeats the first size guess: the first request is refused and read again smaller.
    const limit = 64 * 1024;
    const { fake, host: h } = host(9, { payloadBudget: 60 * 1024, payloadLimit: limit });
    fake.model.addSheet('任务');
    const long = '推'.repeat(2000);
    for (let row = 1; row <= 60; row++) fake.model.type('任务', `A${row}`, `${row}${long}`);
    const grid = await h.readGrid();
    expect(fake.model.responseBytes.some((b) => b > limit)).toBe(true); // a refused read happened
    const tasks = grid.sheets.find((s) => s.name === '任务');
    expect(tasks?.rows.map((r) => r[0])).toEqual(Array.from({ length: 60 }, (_, i) => `${i + 1}${long}`));
  });

  it('realises the print fields (header sections, print area), the workbook font and fitted row heights', async () => {
    const p = plan(12);
    const { fake, host: h } = host(9);
    await h.realise(p);
    for (const ps of p.sheets) {
      const sheet = fake.model.mustSheet(ps.name);
      if (ps.print) {
        const want: Record<string, unknown> = {};
        if (ps.print.headerLeft !== undefined) want.leftHeader = ps.print.headerLeft;
        if (ps.print.header !== undefined) want.centerHeader = ps.print.header;
        if (ps.print.headerRight !== undefined) want.rightHeader = ps.print.headerRight;
        if (ps.print.footer !== undefined) want.centerFooter = ps.print.footer;
        if (ps.print.area) want.printArea = ps.print.area;
        expect(sheet.pageLayout, ps.name).toMatchObject(want);
      }
      // rows whose height is an estimate of wrapped text are fitted by Excel; the others are fixed
      const auto = ps.rowHeights.filter((r) => r.auto).map((r) => r.row);
      expect(
        [...sheet.autofitRows].sort((a, b) => a - b),
        ps.name,
      ).toEqual(auto.sort((a, b) => a - b));
    }
    const targets = p.sheets.find((s) => s.name === '指标');
    expect(targets?.print?.area).toBeTruthy();
    expect(targets?.print?.headerLeft).toBeTruthy();
    expect(targets?.rowHeights.some((r) => r.auto)).toBe(true);
    // every written cell has the workbook's font unless its style names another
    const named = new Set(
      p.sheets.flatMap((ps) =>
        ps.styles.filter((st) => st.style.font?.name).map((st) => `${ps.name}!${st.range}`),
      ),
    );
    expect(named.size).toBe(0); // the plan's styles set no font family of their own
    for (const ps of p.sheets)
      fake.model.mustSheet(ps.name).cells.forEach((cell, key) => {
        if (cell.value !== '') expect(cell.fontName, `${ps.name} ${key}`).toBe(p.font.name);
      });

    // ExcelApi 1.8: no page layout at all (ExcelApi 1.9), the rest as before
    const older = host(8);
    await older.host.realise(p);
    expect(older.fake.model.mustSheet('指标').pageLayout).toEqual({});
    expect(older.fake.model.mustSheet('指标').autofitRows.size).toBeGreaterThan(0);
  });

  it('refreshing a protected, already written workbook twice changes nothing', async () => {
    const p = plan(25);
    const { fake, host: h } = host(9);
    await h.pull(() => p);
    const first = fake.model.snapshot();
    const r = await h.pull(() => p);
    // state, used-range extents, one block read (the sheets are small), write
    expect(r.syncs).toBe(4);
    expect(fake.model.snapshot()).toBe(first);
    await h.pull(() => p);
    expect(fake.model.snapshot()).toBe(first);
  });

  it('reads the workbook back as a WorkbookGrid in 3 syncs (values in place, dates as Date, sheet states)', async () => {
    const p = plan(12);
    const { fake, host: h } = host(9);
    await h.realise(p);
    fake.model.type('指标', 'K4', 42.5);
    const grid = await h.readGrid();
    expect(h.lastSyncs).toBe(3);
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual([
      ...p.sheets.map((s) => [s.name, s.state]),
      ['Sheet1', 'visible'],
    ]);
    const targets = grid.sheets.find((s) => s.name === '指标');
    expect(targets?.rows[2]).toEqual(
      p.sheets.find((s) => s.name === '指标')?.blocks.find((b) => b.origin === 'A3')?.values[0],
    );
    expect(targets?.rows[3][10]).toBe(42.5);
    expect(grid.sheets.find((s) => s.name === 'Sheet1')?.rows).toEqual([]);
  });

  it('maps a date-formatted serial to a Date, as the exceljs reader does', async () => {
    const { fake, host: h } = host(9);
    const model = fake.model;
    model.addSheet('_meta');
    model.type('_meta', 'B2', 46203);
    const cell = model.cell('_meta', 'B2');
    if (cell) cell.numberFormat = 'yyyy-mm-dd';
    model.type('_meta', 'C3', 'x');
    const grid = await h.readGrid();
    const meta = grid.sheets.find((s) => s.name === '_meta');
    expect(meta?.rows[1][1]).toEqual(new Date(Date.UTC(2026, 5, 30)));
    expect(meta?.rows[2][2]).toBe('x');
    expect(meta?.rows[0]).toEqual([]);
  });

  it('selects a problem cell and highlights differences in one sync each', async () => {
    const p = plan(5);
    const { fake, host: h } = host(18);
    await h.realise(p);
    await h.select('指标', 'K5');
    expect(h.lastSyncs).toBe(1);
    expect(fake.model.selection).toEqual({ sheet: '指标', address: 'K5' });
    await h.highlight('任务', ['H4', 'H6']);
    expect(fake.model.activeSheet).toBe('任务');
    expect(fake.model.selection).toEqual({ sheet: '任务', address: 'H4,H6' });
  });
});

describe('ExcelHost on older Excel (requirement sets detected at run time)', () => {
  it('ExcelApi 1.1 (Office 2016 volume licence): values and number formats only, with Chinese notes', async () => {
    const p = plan(20);
    const { fake, host: h } = host(1);
    const r = await h.pull(() => p);
    assertValues(fake, p);
    expect(r.syncs).toBe(2);
    const sheet = fake.model.mustSheet('指标');
    expect(sheet.validations).toEqual([]);
    expect(sheet.protection.protected).toBe(false);
    expect(fake.model.names.size).toBe(0);
    expect(sheet.cells.get('3,9')?.numberFormat).toBe(styleAt(p.sheets[1], 3, 9, 'numberFormat'));
    // 1.1 cannot hide sheets (visibility is ExcelApi 1.2): _meta stays visible, and a note says so
    expect(fake.model.mustSheet('_meta').visibility).toBe('Visible');
    expect(r.notes.join('\n')).toMatch(/隐藏/);
    expect(r.notes.join('\n')).toMatch(/Excel 2016 批量许可版/);
    expect(r.notes.join('\n')).toMatch(/数据验证/);
    expect(r.notes.join('\n')).not.toMatch(/ExcelApi/);
  });

  it('ExcelApi 1.1: a protected workbook gives a Chinese explanation, not a raw AccessDenied', async () => {
    const p = plan(10);
    const { fake } = host(9);
    await new ExcelHost(fake, fakeOffice(9)).pull(() => p);
    expect(fake.model.mustSheet('指标').protection.protected).toBe(true);
    const old = new ExcelHost(fake, fakeOffice(1));
    const err = await old
      .pull(() => p)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(LuoshiError);
    expect((err as Error).message).toMatch(/受保护/);
    expect((err as Error).message).not.toMatch(/AccessDenied/);
  });

  it('the fake rejects members above the host version: visibility 1.2, RangeAreas.select 1.18', async () => {
    const fake = new FakeExcel(undefined, { apiMinor: 1 });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add('x').visibility = 'Hidden';
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
    const f17 = new FakeExcel(undefined, { apiMinor: 17 });
    await expect(
      f17.run(async (ctx) => {
        ctx.workbook.worksheets.add('x').getRanges('A1,B2').select();
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
  });

  it('highlights several areas only on ExcelApi 1.18, else the first cell; long lists are cut to a short address', async () => {
    const p = plan(5);
    const { fake, host: h } = host(17);
    await h.realise(p);
    await h.highlight('任务', ['H4', 'H6']);
    expect(fake.model.selection).toEqual({ sheet: '任务', address: 'H4' });
    const { fake: f18, host: h18 } = host(18);
    await h18.realise(p);
    const many = Array.from({ length: 1000 }, (_, i) => `H${i + 4}`);
    const n = await h18.highlight('任务', many);
    const sel = f18.model.selection?.address ?? '';
    expect(sel.length).toBeLessThanOrEqual(HIGHLIGHT_ADDRESS_LIMIT);
    expect(sel.split(',').length).toBe(n);
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(1000);
  });

  it('unprotects with the password the clerk typed; a wrong one is explained in Chinese', async () => {
    const p = plan(10);
    const { fake, host: h } = host(9);
    await h.pull(() => p);
    fake.model.mustSheet('指标').protection.password = '密码1';
    const wrong = await h
      .pull(() => p)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(wrong).toBeInstanceOf(LuoshiError);
    expect((wrong as Error).message).toMatch(/保护密码/);
    h.password = '密码1';
    await h.pull(() => p);
    expect(fake.model.mustSheet('指标').protection.protected).toBe(true);
  });

  it('ExcelApi 1.7 (Office 2019 volume licence): protection and names, no validation, a note saying 检查 still validates', async () => {
    const p = plan(20);
    const { fake, host: h } = host(7);
    const r = await h.pull(() => p);
    assertValues(fake, p);
    const sheet = fake.model.mustSheet('指标');
    expect(sheet.validations).toEqual([]);
    expect(sheet.protection.protected).toBe(true);
    expect(fake.model.names.size).toBe(p.names.length);
    expect(r.notes.some((n) => n.includes('Excel 2019 批量许可版') && n.includes('检查'))).toBe(true);
    expect(r.notes.some((n) => n.includes('Excel 2016 批量许可版'))).toBe(false);
    expect(r.notes.join('\n')).not.toMatch(/ExcelApi/);
    // a second pull over the protected sheets still works on 1.7
    await h.pull(() => p);
    expect(sheet.protection.protected).toBe(true);
  });
});

describe('load/sync order with office-addin-mock', () => {
  it('the used-range reader refuses values read before context.sync() and returns them after', async () => {
    const seed = {
      context: {
        workbook: {
          worksheets: {
            sheet: {
              range: {
                address: "'指标'!A1:B2",
                values: [
                  ['序号', 1],
                  ['', 2],
                ],
                numberFormat: [
                  ['General', '0'],
                  ['General', '0'],
                ],
              },
              getUsedRange: function (this: { range: unknown }): unknown {
                return this.range;
              },
            },
            getItem: function (this: { sheet: unknown }): unknown {
              return this.sheet;
            },
          },
        },
      },
    };
    const mock = new OfficeMockObject(seed) as unknown as {
      context: {
        sync(): Promise<void>;
        workbook: { worksheets: { getItem(n: string): Parameters<typeof queueUsedRange>[0] } };
      };
    };
    const read = queueUsedRange(mock.context.workbook.worksheets.getItem('指标'));
    expect(() => read()).toThrow(/before context\.sync/);
    await mock.context.sync();
    expect(read()).toEqual({
      address: "'指标'!A1:B2",
      values: [
        ['序号', 1],
        ['', 2],
      ],
      numberFormat: [
        ['General', '0'],
        ['General', '0'],
      ],
    });
  });
});

function parseAddressA1(range: string): string {
  return boxA1(parseAddress(range));
}

describe('source rules for the add-in', () => {
  const root = path.resolve(import.meta.dirname, '..');
  function tsFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? tsFiles(path.join(dir, d.name))
        : d.name.endsWith('.ts')
          ? [path.join(dir, d.name)]
          : [],
    );
  }

  it('exactly one module talks to Office.js (src/addin/office/excel-host.ts)', () => {
    const talkers = tsFiles(path.join(root, 'src')).filter((f) =>
      /office-js-helpers|@types\/office-js|from ['"]office-js['"]|\bOffice\.context\b|\bExcel\.run\b|\.Office\b|Excel\.RequestContext/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(talkers.map((f) => path.relative(root, f))).toEqual(['src/addin/office/excel-host.ts']);
  });

  it('the pane never builds HTML from strings or evaluates code', () => {
    for (const f of tsFiles(path.join(root, 'src/addin'))) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/,
      );
    }
  });
});

describe('start-up in a closed network and the edition line a clerk reads', () => {
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };

  it('says office.js could not be loaded (not "no Office") when the Office script is missing', async () => {
    delete g.Office;
    const start = await startExcelHost();
    expect(start.host).toBeNull();
    expect(start.reason).toMatch(/Office 脚本/);
    expect(start.reason).toMatch(/网络/);
    expect(start.reason).not.toMatch(/未检测到 Office 环境/);
  });

  it('gives up with a Chinese reason when Office never finishes initialising', async () => {
    g.Office = { ...fakeOffice(9), onReady: () => new Promise<never>(() => undefined) };
    try {
      const t0 = Date.now();
      const start = await startExcelHost({ readyTimeoutMs: 50 });
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(start.host).toBeNull();
      expect(start.reason).toMatch(/初始化/);
    } finally {
      delete g.Office;
    }
  });

  it('names the Excel edition as users know it, with no API numbers or platform codes', () => {
    const cases: [number, string | null, RegExp][] = [
      [1, 'PC', /Windows 版 Excel.*Excel 2016 批量许可版/],
      [7, 'PC', /Excel 2019 批量许可版/],
      [14, 'PC', /Excel 2021/],
      [17, 'MAC', /Mac 版 Excel.*Excel 2024/],
      [18, 'OFFICE_ONLINE', /Excel 网页版/],
    ];
    for (const [minor, platform, want] of cases) {
      const text = describeExcel({ excelApi: minor }, platform);
      expect(text).toMatch(want);
      expect(text).not.toMatch(/ExcelApi|OFFICE_ONLINE|\bPC\b|\bMAC\b/);
    }
  });
});
