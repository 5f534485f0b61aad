/**
 * Entry workbooks generated from the seeds' catalogue: layout, protection, validation, and a
 * fill → read-back round trip compared field by field.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { seedCatalogue } from './helpers/seeds.js';
import { asFill, fillWorkbook } from './helpers/fill.js';
import { editWorkbook, generate, readBack, pick, rowOf } from './helpers/workbooks.js';
import { writeWorkbookPlan } from '../src/xlsx/write-workbook.js';
import { describeFiller } from '../src/core/workbook/filler.js';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { PROGRESS_STATUSES } from '../src/core/model/submission.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import {
  FILLER_FIELDS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  columnLetter as letter,
} from '../src/core/workbook/layout.js';
import { selectForOffice } from '../src/core/workbook/build-plan.js';
import { sampleEntries, sampleTaskEntries, SAMPLE_MARK } from '../src/core/workbook/sample.js';
import { formatTargetValue } from '../src/core/catalogue/format.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';

let catalogue: Catalogue;
let bytes: Uint8Array;

beforeAll(async () => {
  catalogue = seedCatalogue();
  bytes = await generate(catalogue, { deadline: '2026-01-15', contact: '张三', phone: '0431-88888888' });
});

async function loadWb(b: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
  return wb;
}

/** 1-based column of a 指标 field. */
const col = (key: string) => TARGET_COLUMNS.findIndex((c) => c.key === key) + 1;

describe('generated workbook', () => {
  it('has the sheets, headers and one row per target and task', async () => {
    const wb = await loadWb(bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['填报说明', 'visible'],
      ['指标', 'visible'],
      ['任务', 'visible'],
      ['_meta', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet('指标')!;
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '序号',
      '指标名称',
      '指标内容',
      '目标值',
      '单位',
      '目标年份',
      '基期值',
      '完成值',
      '完成率',
      '截至日期',
      '进展状态',
      '进展情况',
      '存在问题',
      '下一步措施',
      '佐证材料',
      '文件',
      '章节',
      '牵头单位',
      '指标编号',
    ]);
    const taskHeaders = (wb.getWorksheet('任务')!.getRow(3).values as unknown[]).slice(1);
    expect(taskHeaders).toEqual(TASK_COLUMNS.map((c) => c.header));
    expect(taskHeaders).toEqual(expect.arrayContaining(['进展状态', '进展情况', '存在问题', '下一步措施']));
    // one row per target, in catalogue order, with the verbatim quote and readable target
    const targets = catalogue.targets;
    expect(ws.rowCount).toBe(3 + targets.length);
    for (let i = 0; i < targets.length; i++) {
      const row = ws.getRow(4 + i);
      const t = selectForOffice(catalogue, {}).targets[i];
      expect(row.getCell(col('targetId')).value).toBe(t.id);
      expect(row.getCell(col('name')).value).toBe(t.name || t.indicator);
      expect(row.getCell(col('quote')).value).toBe(t.quote);
      expect(row.getCell(col('targetText')).value).toBe(formatTargetValue(t));
      expect(row.getCell(col('unit')).value ?? '').toBe(t.unit ?? '');
    }
    expect(wb.getWorksheet('任务')!.rowCount).toBe(3 + catalogue.tasks.length);
    const guide = wb.getWorksheet('填报说明')!;
    const guideText = guide
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    for (const s of ['长春市', '2025年度', '2026-01-15', '张三', '0431-88888888', '滞后'])
      expect(guideText).toContain(s);
    // the 填报单位信息 block: every label with an unlocked cell to its right, and a signature line
    for (const { label } of FILLER_FIELDS) {
      let found = false;
      guide.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value !== label) return;
          found = true;
          expect(row.getCell(Number(cell.col) + 1).protection?.locked, label).toBe(false);
        }),
      );
      expect(found, label).toBe(true);
    }
    expect(guideText).toMatch(/单位负责人（签字）/);
    expect(guideText).toMatch(/单位公章/);
  });

  it('locks catalogue cells, unlocks entry cells and protects every sheet without a password', async () => {
    const wb = await loadWb(bytes);
    const ws = wb.getWorksheet('指标')!;
    TARGET_COLUMNS.forEach((c, i) => {
      const cell = ws.getRow(5).getCell(i + 1);
      expect(cell.protection?.locked ?? true, c.header).toBe(!c.entry);
    });
    const zip = await JSZip.loadAsync(bytes);
    for (let i = 1; i <= 4; i++) {
      const xml = await zip.file(`xl/worksheets/sheet${i}.xml`)!.async('string');
      const prot = /<sheetProtection [^>]*>/.exec(xml)?.[0] ?? '';
      expect(prot).toContain('sheet="1"');
      expect(prot).not.toContain('hashValue');
    }
  });

  it('a password is cheap to check (spinCount 1000) when one is set', async () => {
    const b = await generate(catalogue, { protectPassword: 'mima' });
    const zip = await JSZip.loadAsync(b);
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(xml).toMatch(/<sheetProtection [^>]*spinCount="1000"/);
    expect(xml).toMatch(/hashValue="[^"]+"/);
  });

  it('validates entry columns, freezes the header and prints A4 landscape with repeated titles', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const last = 3 + catalogue.targets.length;
    const L = (key: string) => letter(col(key) - 1);
    for (const key of ['baseline', 'actual'])
      expect(xml).toMatch(new RegExp(`type="custom"[^>]*sqref="${L(key)}4:${L(key)}${last}"`));
    expect(xml).toMatch(
      new RegExp(
        `type="date"[^>]*sqref="${L('asOf')}4:${L('asOf')}${last}"><formula1>45658</formula1><formula2>46022</formula2>`,
      ),
    );
    expect(xml.includes(`<formula1>&quot;${PROGRESS_STATUSES.join(',')}&quot;</formula1>`)).toBe(true);
    // header rows and the identifying columns (序号, 指标名称) stay in view while scrolling sideways
    expect(xml).toMatch(
      /<pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"\/>/,
    );
    expect(xml).toMatch(
      /<pageSetup paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/,
    );
    expect(xml).toMatch(/<oddHeader>&amp;L长春市&amp;C2025年度[^<]*&amp;R&amp;A<\/oddHeader>/);
    expect(xml).toContain('<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>');
    // data rows carry an estimated height, not a custom one (Excel grows them as text is typed)
    expect(xml).toMatch(/<row r="4" ht="[\d.]+" spans/);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;指标&apos;!$3:$3</definedName>`,
    );
    // the print area ends before the reference columns (文件, 章节, 牵头单位, 指标编号)
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;指标&apos;!$A$1:$${L('evidence')}$${last}</definedName>`,
    );
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).not.toContain('Calibri');
    // the default font (font 0, in which column widths are measured) is 宋体 10 pt, declared for GB2312
    const font0 = /<fonts [^>]*>\s*<font>([\s\S]*?)<\/font>/.exec(styles)?.[1] ?? '';
    expect(font0).toMatch(/<sz val="10"\/>[\s\S]*<name val="宋体"\/>[\s\S]*<charset val="134"\/>/);
    expect(book).toContain('fullCalcOnLoad="1"');
  });

  it('computes 完成率 with a formula only where the comparator allows', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const targets = selectForOffice(catalogue, {}).targets;
    targets.forEach((t, i) => {
      const r = 4 + i;
      const K = `${letter(col('actual') - 1)}${r}`;
      const cell = new RegExp(`<c r="${letter(col('rate') - 1)}${r}"[^>]*>(.*?)</c>`).exec(xml)?.[1] ?? '';
      const ratio = ['>=', '>', '=', '≈', 'range'].includes(t.comparator) && t.value !== null && t.value > 0;
      // a percent target's 完成值 is text ("30" or "30%"): the formula reads the number out of it
      const percent = t.unit === '%';
      if (ratio && percent)
        expect(cell).toContain(
          `<f>IFERROR(VALUE(SUBSTITUTE(SUBSTITUTE(${K},&quot;%&quot;,&quot;&quot;),&quot;％&quot;,&quot;&quot;))/${t.value},&quot;&quot;)</f>`,
        );
      else if (ratio) expect(cell).toContain(`<f>IF(ISNUMBER(${K}),${K}/${t.value},&quot;&quot;)</f>`);
      else expect(cell).not.toContain('<f>');
    });
  });
});

describe('fill and read back', () => {
  it('reads back exactly what an office typed, field by field', async () => {
    const entries = sampleEntries(catalogue, '长春市', '2025年度', 7);
    const tasks = sampleTaskEntries(catalogue, '长春市', '2025年度', 7);
    const filled = await fillWorkbook(bytes, entries.map(asFill), tasks);
    const sub = await readBack(filled, catalogue);
    expect(sub.office).toBe('长春市');
    expect(sub.period).toBe('2025年度');
    expect(sub.catalogueVersion).toBe(catalogue.version);
    expect(sub.generatedAt).toBe('2026-01-05T08:00:00.000Z');
    expect(sub.entries.length).toBe(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const want = entries[i];
      const got = sub.entries[i];
      for (const k of Object.keys(want) as (keyof typeof want)[])
        expect(got[k], `${want.targetId}.${k}`).toEqual(want[k]);
    }
    expect(sub.taskEntries).toEqual(tasks);
    expect(sub.rows.map((r) => r.quote)).toEqual(selectForOffice(catalogue, {}).targets.map((t) => t.quote));
    expect(sub.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('sample data is deterministic, mixed and marked 示例数据', () => {
    const a = sampleEntries(catalogue, '吉林市', '2025年度', 3);
    expect(sampleEntries(catalogue, '吉林市', '2025年度', 3)).toEqual(a);
    expect(sampleEntries(catalogue, '四平市', '2025年度', 3)).not.toEqual(a);
    const statuses = new Set(a.map((e) => e.status));
    for (const s of [...PROGRESS_STATUSES, null]) expect(statuses.has(s), String(s)).toBe(true);
    for (const e of a) {
      for (const text of [e.progress, e.problems, e.nextSteps, e.evidence])
        if (text) expect(text.startsWith(SAMPLE_MARK)).toBe(true);
    }
  });

  it('normalises figures as offices type them', async () => {
    const pct = pick(catalogue, (t) => t.unit === '%' && t.comparator === '>=', 'percent target');
    const people = pick(catalogue, (t) => t.unit === '人' && t.value !== null, 'target in 人');
    const wan = pick(catalogue, (t) => t.unit === '万人', 'target in 万人');
    const other = pick(catalogue, (t) => t.unit === '个' && t.value !== null, 'target in 个');
    const filled = await fillWorkbook(bytes, [
      { targetId: pct.id, baseline: '３０％', actual: '30.5%', asOf: '2025年6月30日', status: '已完成' },
      {
        targetId: people.id,
        baseline: '41,000',
        actual: '4.2万',
        asOf: '２０２５－０９－３０',
        status: '序时推进',
      },
      { targetId: wan.id, baseline: '1.2万', actual: '6万人', asOf: '2025/12/31', status: '完成' },
      { targetId: other.id, baseline: ' 12个 ', actual: '１２３', asOf: '20251231', status: '正常推进' },
    ]);
    const sub = await readBack(filled, catalogue);
    const e = (id: string) => sub.entries.find((x) => x.targetId === id)!;
    expect([e(pct.id).baseline, e(pct.id).actual, e(pct.id).asOf]).toEqual([30, 30.5, '2025-06-30']);
    expect([e(people.id).baseline, e(people.id).actual, e(people.id).asOf]).toEqual([
      41000,
      42000,
      '2025-09-30',
    ]);
    // the unit already is 万人: "1.2万" means 1.2 (万人), "6万人" means 6
    expect([e(wan.id).baseline, e(wan.id).actual, e(wan.id).status]).toEqual([1.2, 6, '已完成']);
    expect([e(other.id).baseline, e(other.id).actual, e(other.id).asOf, e(other.id).status]).toEqual([
      12,
      123,
      '2025-12-31',
      '序时推进',
    ]);
    expect(sub.problems.filter((p) => p.code === 'not-a-number' || p.code === 'not-a-date')).toEqual([]);
  });

  it('reads a grid of a workbook with only some offices documents (roster filter)', async () => {
    const doc = catalogue.documents[2];
    const plan = planWorkbook(catalogue, {
      office: '白山市',
      period: '2025年上半年',
      generatedAt: 'x',
      documents: [doc.docNumber ?? doc.title],
    });
    expect(plan.layout.targetRows).toBe(catalogue.targets.filter((t) => t.documentId === doc.id).length);
    expect(plan.layout.taskRows).toBe(catalogue.tasks.filter((t) => t.documentId === doc.id).length);
    const date = plan.sheets.find((s) => s.name === '指标')!.validations.find((v) => v.type === 'date');
    expect(date).toMatchObject({ min: '2025-01-01', max: '2025-06-30' });
    const grid = await readWorkbookGrid(
      await generate(catalogue, { office: '白山市', documents: [doc.id] }),
      'x.xlsx',
    );
    expect(grid.sheets.find((s) => s.name === '_meta')!.state).toBe('veryHidden');
  });
});

describe('batch generation', () => {
  it('writes a roster across worker threads, each file complete', async () => {
    const { generateRosterWorkbooks } = await import('../src/cli/commands/workbook.js');
    const { tmpDir } = await import('./helpers/workbooks.js');
    const { readFile } = await import('node:fs/promises');
    const dir = tmpDir('pool');
    const offices = ['长春市', '吉林市', '四平市'].map((office, i) => ({
      office,
      level: null,
      contact: null,
      phone: null,
      documents: [],
      units: [],
      line: i + 2,
    }));
    const res = await generateRosterWorkbooks(
      catalogue,
      { file: 'r.csv', offices, problems: [] },
      dir,
      { period: '2025年度', sample: '2' },
      [],
      2,
    );
    expect(res.failed).toEqual([]);
    expect(res.written.map((f) => f.split('/').pop())).toEqual(['长春市.xlsx', '吉林市.xlsx', '四平市.xlsx']);
    for (const [i, f] of res.written.entries()) {
      const sub = await readBack(new Uint8Array(await readFile(f)), catalogue);
      expect(sub.office).toBe(offices[i].office);
      expect(sub.entries).toEqual(sampleEntries(catalogue, offices[i].office, '2025年度', '2'));
    }
  });

  it('the fast reader and exceljs give the same grid', async () => {
    const { readWorkbookGridExceljs } = await import('../src/xlsx/read-grid.js');
    const filled = await fillWorkbook(
      bytes,
      sampleEntries(catalogue, '长春市', '2025年度', 9).map(asFill),
      sampleTaskEntries(catalogue, '长春市', '2025年度', 9),
    );
    const trim = (g: Awaited<ReturnType<typeof readWorkbookGrid>>) =>
      g.sheets.map((s) => ({
        ...s,
        rows: s.rows.map((r) => {
          const x = [...r];
          while (x.length && x[x.length - 1] === null) x.pop();
          return x;
        }),
      }));
    expect(trim(await readWorkbookGrid(filled, 'a.xlsx'))).toEqual(
      trim(await readWorkbookGridExceljs(filled, 'a.xlsx')),
    );
  });
});

describe('填报单位信息 and percent entry', () => {
  it('reads 填表人, 联系电话, 审核人, 单位负责人 and 报出日期 back, warns on a bad phone, and keeps them on upgrade', async () => {
    const blank = await generate(catalogue, { contact: '张三', phone: '0431-88888888' });
    const typed = await editWorkbook(blank, (wb) => {
      const guide = wb.getWorksheet('填报说明')!;
      const typeBeside = (label: string, value: ExcelJS.CellValue) =>
        guide.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.value === label) row.getCell(Number(cell.col) + 1).value = value;
          }),
        );
      typeBeside('审核人', '李四');
      typeBeside('单位负责人', '王五');
      typeBeside('报出日期', new Date(Date.UTC(2026, 0, 10)));
    });
    const sub = await readBack(typed, catalogue);
    expect(sub.filler).toEqual({
      filler: '张三',
      phone: '0431-88888888',
      reviewer: '李四',
      head: '王五',
      reportDate: '2026-01-10',
    });
    expect(sub.problems.filter((p) => p.code === 'bad-filler-info')).toEqual([]);
    expect(describeFiller(sub.filler)).toBe(
      '填表人 张三（0431-88888888），审核人 李四，单位负责人 王五，报出日期 2026-01-10',
    );
    // written back when the workbook is laid out again (upgrade, add-in refresh)
    const again = await readBack(
      await writeWorkbookPlan(
        planWorkbook(catalogue, {
          office: '长春市',
          period: '2025年度',
          generatedAt: 'x',
          filler: sub.filler,
        }),
      ),
      catalogue,
    );
    expect(again.filler).toEqual(sub.filler);
    // a phone that is no phone number is named with its cell
    const bad = await editWorkbook(typed, (wb) => {
      const guide = wb.getWorksheet('填报说明')!;
      guide.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === '联系电话') row.getCell(Number(cell.col) + 1).value = '找办公室';
        }),
      );
    });
    const warned = (await readBack(bad, catalogue)).problems.filter((p) => p.code === 'bad-filler-info');
    expect(warned.map((p) => p.message)).toEqual([
      expect.stringMatching(/^填报说明![A-D]\d+：联系电话“找办公室”不像电话号码/) as string,
    ]);
    // a workbook made before the block existed has none
    const old = await editWorkbook(blank, (wb) => {
      const guide = wb.getWorksheet('填报说明')!;
      guide.eachRow((row) =>
        row.eachCell((cell) => {
          if (FILLER_FIELDS.some((f) => f.label === cell.value)) cell.value = null;
        }),
      );
    });
    expect((await readBack(old, catalogue)).filler).toBeUndefined();
  });

  it('reads "30%" and "30" typed into a percent target’s 完成值 (a text cell) as 30', async () => {
    const t = pick(
      catalogue,
      (x) => x.unit === '%' && x.comparator === '>=' && (x.value ?? 0) > 0,
      'percent',
    );
    const wbBytes = await generate(catalogue);
    const wb = await loadWb(wbBytes);
    const ws = wb.getWorksheet('指标')!;
    const row = rowOf(ws, t.id);
    // the cell is a text cell, so Excel, WPS and LibreOffice keep "30%" as typed instead of storing 0.3
    expect(ws.getRow(row).getCell(col('actual')).numFmt).toBe('@');
    for (const typedValue of ['30%', '30', '３０％']) {
      const filled = await fillWorkbook(wbBytes, [{ targetId: t.id, actual: typedValue }]);
      const sub = await readBack(filled, catalogue);
      expect(sub.entries.find((e) => e.targetId === t.id)!.actual, typedValue).toBe(30);
      expect(sub.problems.filter((p) => p.targetId === t.id && p.severity === 'error')).toEqual([]);
    }
  });
});
