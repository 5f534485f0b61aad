/**
 * `check` on bad input: every kind of mistake an office makes gets a clear Chinese problem naming
 * sheet and cell. Workbooks are generated from the seeds' catalogue and edited with exceljs.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { seedCatalogue } from './helpers/seeds.js';
import { fillWorkbook } from './helpers/fill.js';
import { editWorkbook, generate, pick, readBack, rowOf } from './helpers/workbooks.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { Problem } from '../src/core/model/submission.js';
import { isLuoshiError } from '../src/core/errors.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { writeWorkbookPlan } from '../src/xlsx/write-workbook.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { ListSheet } from '../src/core/workbook/build-plan.js';
import { TARGET_COLUMNS, columnLetter } from '../src/core/workbook/layout.js';

/** 1-based column and column letter of a 指标 field (the layout decides, not the test). */
const C = (key: string) => TARGET_COLUMNS.findIndex((c) => c.key === key) + 1;
const L = (key: string) => columnLetter(C(key) - 1);

let catalogue: Catalogue;
let bytes: Uint8Array;
let pct: Target;
let count: Target;

beforeAll(async () => {
  catalogue = seedCatalogue();
  bytes = await generate(catalogue);
  pct = pick(
    catalogue,
    (t) => t.unit === '%' && t.comparator === '>=' && (t.value ?? 0) >= 5,
    'percent target ≥ 5',
  );
  count = pick(catalogue, (t) => t.unit === '人' && t.comparator === '>=', 'target in 人');
});

function codes(problems: Problem[]): string[] {
  return problems.map((p) => p.code);
}

async function targetRow(b: Uint8Array, id: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
  return rowOf(wb.getWorksheet('指标')!, id);
}

describe('check finds', () => {
  it('a figure that is not a number, naming sheet and cell', async () => {
    const filled = await fillWorkbook(bytes, [{ targetId: count.id, actual: '约30', baseline: '30左右' }]);
    const r = await targetRow(filled, count.id);
    const sub = await readBack(filled);
    const p = sub.problems.find((x) => x.cell === `${L('actual')}${r}`)!;
    expect(p).toMatchObject({ severity: 'error', sheet: '指标', code: 'not-a-number', targetId: count.id });
    expect(p.message.startsWith(`指标!${L('actual')}${r}："约30" 不是数字`)).toBe(true);
    expect(sub.problems.find((x) => x.cell === `${L('baseline')}${r}`)?.message).toContain(
      '"30左右" 不是数字',
    );
    expect(sub.entries.find((e) => e.targetId === count.id)!.actual).toBeNull();
  });

  it('a percent sign on a target that is not a percentage, a bad date, a status outside the list', async () => {
    const filled = await fillWorkbook(bytes, [
      { targetId: count.id, actual: '30%', asOf: '2025年13月1日', status: '基本完成' },
    ]);
    const sub = await readBack(filled);
    const mine = sub.problems.filter((p) => p.targetId === count.id);
    expect(codes(mine).sort()).toEqual(['bad-status', 'not-a-date', 'not-a-number']);
    expect(mine.find((p) => p.code === 'bad-status')!.message).toContain('已完成、序时推进、滞后、未启动');
  });

  it('a 截至日期 outside the period', async () => {
    const filled = await fillWorkbook(bytes, [
      { targetId: pct.id, actual: 6, asOf: '2024-12-31', status: '已完成' },
    ]);
    const sub = await readBack(filled);
    const p = sub.problems.find((x) => x.code === 'date-out-of-period')!;
    expect(p.severity).toBe('error');
    expect(p.message).toContain('2024-12-31 不在填报期间 2025年度（2025-01-01 至 2025-12-31）内');
  });

  it('a status inconsistent with the figure (warning) and 滞后 without explanation (error)', async () => {
    const below = (pct.value ?? 5) - 1;
    const filled = await fillWorkbook(bytes, [
      { targetId: pct.id, actual: below, asOf: '2025-12-31', status: '已完成' },
      { targetId: count.id, actual: (count.value ?? 100) * 2, status: '滞后' },
    ]);
    const sub = await readBack(filled);
    const r = await targetRow(filled, pct.id);
    const inc = sub.problems.filter((p) => p.code === 'status-inconsistent');
    expect(inc.map((p) => [p.severity, p.targetId])).toEqual([
      ['warning', pct.id],
      ['warning', count.id],
    ]);
    expect(inc[0].message).toBe(
      `指标!${L('status')}${r}：进展状态为“已完成”，但完成值 ${below} 未达到目标 ≥${pct.value}%`,
    );
    const lag = sub.problems.find((p) => p.code === 'lagging-unexplained')!;
    expect(lag).toMatchObject({ severity: 'error', targetId: count.id, sheet: '指标' });
    expect(lag.cell).toMatch(new RegExp(`^${L('problems')}\\d+$`));
    // once explained, the error goes away
    const fixed = await fillWorkbook(filled, [
      { targetId: count.id, problems: '资金未到位', nextSteps: '加快拨付' },
    ]);
    expect(codes((await readBack(fixed)).problems)).not.toContain('lagging-unexplained');
  });

  it('a percentage typed as a fraction (0.3 for 30%)', async () => {
    const filled = await fillWorkbook(bytes, [{ targetId: pct.id, actual: 0.3, status: '序时推进' }]);
    expect(codes((await readBack(filled)).problems)).toContain('percent-as-fraction');
  });

  it('an edited catalogue (locked) cell, naming the cell', async () => {
    const edited = await editWorkbook(bytes, (wb) => {
      const ws = wb.getWorksheet('指标')!;
      const r = rowOf(ws, pct.id);
      ws.getRow(r).getCell(C('quote')).value = '目标改小了';
      ws.getRow(r).getCell(C('targetText')).value = '≥1%';
    });
    const r = await targetRow(edited, pct.id);
    const sub = await readBack(edited);
    const locked = sub.problems.filter((p) => p.code === 'locked-cell-edited');
    expect(locked.map((p) => p.cell)).toEqual([`${L('quote')}${r}`, `${L('targetText')}${r}`]);
    expect(locked[0].message).toContain(`指标!${L('quote')}${r}：目录内容“指标内容”被改动`);
    expect(locked.every((p) => p.severity === 'error' && p.targetId === pct.id)).toBe(true);
  });

  it('a deleted row and an added row', async () => {
    const edited = await editWorkbook(bytes, (wb) => {
      const ws = wb.getWorksheet('指标')!;
      ws.spliceRows(rowOf(ws, pct.id), 1);
      const last = ws.rowCount + 1;
      ws.getRow(last).getCell(C('targetId')).value = 'my-own-target';
      ws.getRow(last).getCell(C('actual')).value = 12;
      ws.getRow(last + 1).getCell(C('actual')).value = 13;
    });
    const sub = await readBack(edited);
    const deleted = sub.problems.find((p) => p.code === 'row-deleted')!;
    expect(deleted).toMatchObject({ severity: 'error', targetId: pct.id, sheet: '指标' });
    expect(deleted.message).toContain('被删除');
    const added = sub.problems.filter((p) => p.code === 'row-added');
    expect(added.map((p) => p.targetId)).toEqual(['my-own-target', null]);
    expect(sub.entries.some((e) => e.targetId === pct.id)).toBe(false);
    expect(sub.entries.length).toBe(catalogue.targets.length - 1);
  });

  it('a renamed sheet (still read, by its headers) and moved columns', async () => {
    const filled = await fillWorkbook(bytes, [
      { targetId: pct.id, actual: 6, status: '已完成', asOf: '2025-12-31' },
    ]);
    const edited = await editWorkbook(filled, (wb) => {
      wb.getWorksheet('指标')!.name = '指标（长春）';
    });
    const sub = await readBack(edited);
    expect(sub.problems.find((p) => p.code === 'sheet-renamed')!.message).toContain(
      '工作表“指标”被改名为“指标（长春）”',
    );
    expect(sub.entries.find((e) => e.targetId === pct.id)).toMatchObject({ actual: 6, status: '已完成' });
    // columns moved: swap 完成值 and 基期值 including headers
    const moved = await editWorkbook(filled, (wb) => {
      const ws = wb.getWorksheet('指标')!;
      for (let r = 3; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const a = row.getCell(10).value;
        row.getCell(10).value = row.getCell(11).value;
        row.getCell(11).value = a;
      }
    });
    const sub2 = await readBack(moved);
    expect(sub2.entries.find((e) => e.targetId === pct.id)).toMatchObject({ actual: 6, baseline: null });
    expect(codes(sub2.problems)).not.toContain('locked-cell-edited');
  });

  it('a workbook whose hidden _meta was lost (content copied to a new file): still read, but flagged', async () => {
    const filled = await fillWorkbook(bytes, [
      { targetId: pct.id, actual: 6, status: '已完成', asOf: '2025-12-31' },
    ]);
    const edited = await editWorkbook(filled, (wb) => {
      wb.removeWorksheet(wb.getWorksheet('_meta')!.id);
    });
    const sub = await readBack(edited);
    expect(sub.problems.find((p) => p.code === 'meta-missing')).toMatchObject({ severity: 'error' });
    expect(sub.office).toBe('长春市');
    expect(sub.period).toBe('2025年度');
    expect(sub.entries.find((e) => e.targetId === pct.id)).toMatchObject({ actual: 6, status: '已完成' });
  });

  it('a missing sheet', async () => {
    const edited = await editWorkbook(bytes, (wb) => {
      wb.removeWorksheet(wb.getWorksheet('任务')!.id);
    });
    const sub = await readBack(edited);
    expect(sub.problems.find((p) => p.code === 'sheet-missing')!.message).toContain('找不到“任务”工作表');
  });

  it('a different catalogue version when a catalogue is given', async () => {
    const other: Catalogue = { ...catalogue, version: 'ffffffffffffffffffff' };
    const sub = await readBack(bytes, other);
    const p = sub.problems.find((x) => x.code === 'catalogue-version')!;
    expect(p.severity).toBe('warning');
    expect(p.message).toContain(
      `本表按目录版本 ${catalogue.version} 生成，与所给目录版本 ffffffffffffffffffff 不同`,
    );
    expect(codes((await readBack(bytes, catalogue)).problems)).not.toContain('catalogue-version');
  });

  it('a workbook that is not a luoshi workbook at all', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便一张表';
    const b = new Uint8Array(await wb.xlsx.writeBuffer());
    const sub = await readBack(b, undefined, '随便.xlsx');
    expect(sub.problems).toHaveLength(1);
    expect(sub.problems[0]).toMatchObject({ severity: 'error', code: 'not-a-luoshi-workbook' });
    expect(sub.problems[0].message).toContain('随便.xlsx 不是 luoshi 生成的填报表');
    expect(sub.entries).toEqual([]);
  });

  it('a corrupt or non-xlsx file: a Chinese error naming the file', async () => {
    const cases: [string, Uint8Array][] = [
      ['截断.xlsx', bytes.slice(0, Math.floor(bytes.length / 2))],
      ['文本.xlsx', new TextEncoder().encode('单位,完成值\n长春市,30\n')],
      ['旧版.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ];
    for (const [name, b] of cases) {
      const e = await readWorkbookGrid(b, name).then(
        () => null,
        (x: unknown) => x,
      );
      expect(isLuoshiError(e), name).toBe(true);
      if (isLuoshiError(e)) {
        expect(e.message).toContain(name);
        expect(e.message).toMatch(/损坏|不是 \.xlsx|旧版 \.xls/);
      }
    }
  });
});

describe('writing text safely', () => {
  it('writes formula-like catalogue and office text as text, never as a formula', async () => {
    const evil = ['=HYPERLINK("http://example.invalid","点我")', '+1+1', '-2+3', '@SUM(1,2)'];
    const t0 = catalogue.targets[0];
    const cat: Catalogue = {
      ...catalogue,
      targets: [
        ...catalogue.targets.slice(1),
        ...evil.map((q, i) => ({ ...t0, id: `evil-${i}`, quote: q, lead: [q], offset: 1e9 + i })),
      ],
    };
    const b = await generate(cat);
    const zip = await JSZip.loadAsync(b);
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas.length).toBeGreaterThan(0);
    // only the plan's 完成率 formulas (the percent targets' variant reads "30%" typed as text)
    expect(formulas.every((f) => f.startsWith('IF(ISNUMBER(') || f.startsWith('IFERROR(VALUE('))).toBe(true);
    const filled = await fillWorkbook(b, [{ targetId: 'evil-0', progress: '=1+1', evidence: '@cmd' }]);
    const sub = await readBack(filled, cat);
    expect(sub.rows.filter((r) => r.targetId.startsWith('evil-')).map((r) => r.quote)).toEqual(evil);
    expect(sub.entries.find((e) => e.targetId === 'evil-0')).toMatchObject({
      progress: '=1+1',
      evidence: '@cmd',
    });
    expect(codes(sub.problems)).not.toContain('locked-cell-edited');
  });
});

describe('validation lists longer than 255 characters', () => {
  it('go to a hidden list sheet referenced by range, and survive LibreOffice-free read back', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `吉林省卫生健康委员会第${i + 1}处`);
    expect(long.join(',').length).toBeGreaterThan(255);
    const lists = new ListSheet();
    const src = lists.source(long);
    expect(src).toEqual({ range: `'_lists'!$A$1:$A$40` });
    expect(lists.source(long)).toBe(src);
    expect(lists.source(['是', '否'])).toEqual({ values: ['是', '否'] });
    const plan = planWorkbook(catalogue, {
      office: '长春市',
      period: '2025年度',
      generatedAt: '2026-01-01T00:00:00Z',
    });
    const target = plan.sheets.find((s) => s.name === '指标')!;
    target.validations.push({
      type: 'list',
      range: 'R4:R10',
      source: src,
      allowBlank: true,
      errorTitle: '无效',
      error: '请从列表选择',
    });
    const listSheet = lists.sheet(null)!;
    plan.sheets.splice(plan.sheets.length - 1, 0, listSheet);
    const b = await writeWorkbookPlan(plan);
    const zip = await JSZip.loadAsync(b);
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(
      xml.includes(`sqref="R4:R10"><formula1>&apos;_lists&apos;!$A$1:$A$40</formula1>`) ||
        xml.includes(`sqref="R4:R10"><formula1>'_lists'!$A$1:$A$40</formula1>`),
    ).toBe(true);
    const grid = await readWorkbookGrid(b, 'x.xlsx');
    const ls = grid.sheets.find((s) => s.name === '_lists')!;
    expect(ls.state).toBe('hidden');
    expect(ls.rows.map((r) => r[0])).toEqual(long);
    // every list literal in the generated workbook stays within Excel's limit
    for (const s of plan.sheets) {
      for (const v of s.validations)
        if (v.type === 'list' && 'values' in v.source)
          expect(v.source.values.join(',').length).toBeLessThanOrEqual(255);
    }
  });
});
