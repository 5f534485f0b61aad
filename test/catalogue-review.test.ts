/**
 * The 目录审核 workbook writer and corrections reader in-process (no CLI): text is written as
 * strings (never formulas), readable values, and cell-precise messages for bad corrections.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatTargetValue, parseCatalogueJson } from '../src/core/catalogue/index.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import {
  readCatalogueCorrections,
  writeCatalogueReviewWorkbook,
  REVIEW_BLANK_ROWS,
} from '../src/xlsx/catalogue-review.js';
import { seedCatalogue } from './helpers/seeds.js';

async function open(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.getWorksheet('目录审核')!;
}

describe('formatTargetValue', () => {
  const base: Pick<Target, 'comparator' | 'value' | 'valueMax' | 'unit' | 'deadline' | 'quote'> = {
    comparator: '>=',
    value: 5,
    valueMax: null,
    unit: '%',
    deadline: '2020',
    quote: '比重达到５％',
  };
  it('gives the readable forms used by workbooks and reports', () => {
    expect(formatTargetValue(base)).toBe('≥5%');
    expect(formatTargetValue({ ...base, comparator: 'range', value: 30, valueMax: 50, unit: '个' })).toBe(
      '30—50个',
    );
    expect(formatTargetValue({ ...base, comparator: '≈', value: 300, unit: '亿元' })).toBe('≈300亿元');
    expect(
      formatTargetValue({
        ...base,
        comparator: '=',
        value: 100,
        quote: '实现紧密型县域医共体县（市）全覆盖',
      }),
    ).toBe('全覆盖 (100%)');
    expect(
      formatTargetValue({ ...base, comparator: 'milestone', value: null, unit: null, deadline: '2019-06' }),
    ).toBe('2019年6月前完成');
    expect(formatTargetValue({ ...base, comparator: '<=', value: 3.3, unit: '张' })).toBe('≤3.3张');
  });
  it('formats every seed target', () => {
    for (const t of seedCatalogue().targets) expect(formatTargetValue(t)).not.toMatch(/null|undefined|NaN/);
  });
});

describe('parseCatalogueJson', () => {
  it('accepts a built catalogue and names file and field when one is wrong', () => {
    const c = seedCatalogue();
    expect(parseCatalogueJson(JSON.stringify(c), 'catalogue.json')).toEqual(c);
    const bad = JSON.parse(JSON.stringify(c)) as Catalogue;
    (bad.targets[3] as unknown as Record<string, unknown>).comparator = 'about';
    expect(() => parseCatalogueJson(JSON.stringify(bad), 'c.json')).toThrow(
      /c\.json 的字段 targets（指标）\[4\]\.comparator（比较） 有误/,
    );
    expect(() => parseCatalogueJson('{', 'c.json')).toThrow(/c\.json 不是有效的 JSON/);
    expect(() => parseCatalogueJson('{"a":1}', 'c.json')).toThrow(/不是 luoshi 指标目录/);
  });
});

describe('目录审核 workbook', () => {
  it('writes text that looks like a formula as a plain string', async () => {
    const c = structuredClone(seedCatalogue());
    c.targets[0].indicator = '=HYPERLINK("http://example.com")';
    c.targets[0].lead = ['+市卫计局'];
    const ws = await open(await writeCatalogueReviewWorkbook(c));
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cell = ws.getCell(2, header.indexOf('指标') + 1);
    expect(cell.value).toBe('=HYPERLINK("http://example.com")');
    expect(cell.formula).toBeUndefined();
    expect(ws.getCell(2, header.indexOf('牵头单位') + 1).value).toBe('+市卫计局');
    expect(ws.rowCount).toBe(1 + c.targets.length + REVIEW_BLANK_ROWS);
  });

  it('reads nothing from an untouched workbook, and names the cell of a bad figure', async () => {
    const bytes = await writeCatalogueReviewWorkbook(seedCatalogue());
    expect((await readCatalogueCorrections(bytes, '目录审核.xlsx')).corrections).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('目录审核')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    ws.getCell(3, header.indexOf('处理') + 1).value = '修改';
    ws.getCell(3, header.indexOf('改为目标值') + 1).value = '五十';
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const col = String.fromCharCode(64 + header.indexOf('改为目标值') + 1);
    await expect(readCatalogueCorrections(edited, 'x.xlsx')).rejects.toThrow(
      `x.xlsx 工作表“目录审核”单元格 ${col}3：“五十”不是数字`,
    );
    // a row added without 原文 is refused with the cell named
    ws.getCell(3, header.indexOf('处理') + 1).value = null;
    ws.getCell(3, header.indexOf('改为目标值') + 1).value = null;
    const blank = ws.rowCount - 2;
    ws.getCell(blank, header.indexOf('文件') + 1).value = '吉政发〔2014〕14号';
    ws.getCell(blank, header.indexOf('处理') + 1).value = '新增';
    const added = new Uint8Array(await wb.xlsx.writeBuffer());
    const quoteCol = String.fromCharCode(65 + header.indexOf('原文'));
    await expect(readCatalogueCorrections(added, 'x.xlsx')).rejects.toThrow(
      new RegExp(`单元格 ${quoteCol}\\d+：新增指标必须填写“原文”`),
    );
  });
});
