/**
 * The allocation template (分解表) as planned, before any spreadsheet library writes it (the written file is
 * test/allocation.test.ts): its header and rows, the cells a coordinating office may type into (only an
 * office's own targets with a number to split), an earlier allocation handed back as it would be typed, the
 * print setup, the 填写说明 sheet. Cell styles are resolved here the way Excel applies them (later ranges
 * win), by a small A1 reader of the test's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { planAllocationTemplate, type Allocation } from '../src/core/allocation/index.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { PlanSheet, PlanStyle, PlanValue } from '../src/core/workbook/plan.js';
import { OFFICES } from './helpers/allocation-offices.js';
import { seedCatalogue } from './helpers/seeds.js';

const GENERATED_AT = '2026-01-05T08:00:00.000Z';

let catalogue: Catalogue;
let byName: (name: string) => Target;

beforeAll(() => {
  catalogue = seedCatalogue();
  byName = (name) => catalogue.targets.find((t) => t.name === name)!;
});

/** "E12" → [column 0-based, row 1-based]. */
function cellAt(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [col, Number(m[2])];
}

/** The style Excel would show for one cell: every range containing it, applied in order. */
function styleOf(sheet: PlanSheet, ref: string): PlanStyle {
  const [c, r] = cellAt(ref);
  const out: PlanStyle = {};
  for (const { range, style } of sheet.styles) {
    const [from, to = from] = range.split(':');
    const [c1, r1] = cellAt(from);
    const [c2, r2] = cellAt(to);
    if (c >= c1 && c <= c2 && r >= r1 && r <= r2) Object.assign(out, style);
  }
  return out;
}

/** The block's values as the sheet shows them (origin A1). */
function values(sheet: PlanSheet): PlanValue[][] {
  expect(sheet.blocks).toHaveLength(1);
  expect(sheet.blocks[0].origin).toBe('A1');
  return sheet.blocks[0].values;
}

const plan = (offices = OFFICES, options: Partial<Parameters<typeof planAllocationTemplate>[2]> = {}) =>
  planAllocationTemplate(catalogue, offices, { generatedAt: GENERATED_AT, ...options });

describe('the 分解 sheet', () => {
  it('has 指标编号, 指标, 单位, 目标值 and one column per office, then a row per target of the catalogue', () => {
    const [sheet] = plan().sheets;
    expect(sheet.name).toBe('分解');
    const rows = values(sheet);
    expect(rows[0]).toEqual(['指标编号', '指标', '单位', '目标值', '长春市', '吉林市', '四平市']);
    expect(rows).toHaveLength(1 + catalogue.targets.length);
    const specialists = byName('国家临床重点专科数');
    expect(rows.find((r) => r[0] === specialists.id)).toEqual([
      specialists.id,
      '国家临床重点专科数',
      '个',
      '≥50个',
      null,
      null,
      null,
    ]);
    // A milestone (unit none, due 2020): its target is when it is due.
    const milestone = byName('建立起健康服务业体系');
    expect(rows.find((r) => r[0] === milestone.id)!.slice(1, 4)).toEqual([
      '建立起健康服务业体系',
      '',
      '2020年前完成',
    ]);
    expect(sheet.columns.map((c) => c.width)).toEqual([30, 28, 6, 11, 9, 9, 9]);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 2 });
  });

  it('names a target by its indicator when it has no short name', () => {
    const t = { ...byName('国家临床重点专科数'), name: '' };
    const sheet = planAllocationTemplate({ ...catalogue, targets: [t] }, OFFICES, {
      generatedAt: GENERATED_AT,
    }).sheets[0];
    expect(values(sheet)[1].slice(0, 2)).toEqual([t.id, t.indicator]);
  });

  it('lets an office’s cell be typed into only for its own targets with a number to split', () => {
    const sheet = plan().sheets[0];
    const rowOf = (t: Target) => 2 + catalogue.targets.indexOf(t);
    const specialists = byName('国家临床重点专科数');
    const milestone = byName('建立起健康服务业体系');
    const jilinOwn = catalogue.targets.find((t) => t.documentId.startsWith('吉市政办发'))!;
    const ref = (col: string, t: Target) => `${col}${rowOf(t)}`;
    // 国家临床重点专科数: every office's cell is an entry cell, yellow.
    for (const col of ['E', 'F', 'G'])
      expect(styleOf(sheet, ref(col, specialists)), col).toMatchObject({ locked: false, fill: 'FFF9E5' });
    // A milestone has nothing to split: locked and grey for everyone.
    for (const col of ['E', 'F', 'G'])
      expect(styleOf(sheet, ref(col, milestone)).locked, col).not.toBe(false);
    // 吉林市's own plan: only 吉林市's cell.
    expect(styleOf(sheet, ref('F', jilinOwn)).locked).toBe(false);
    expect(styleOf(sheet, ref('E', jilinOwn))).toMatchObject({ fill: 'F2F2F2' });
    expect(styleOf(sheet, ref('E', jilinOwn)).locked).not.toBe(false);
    // The catalogue's own cells are locked, grey and held as text.
    expect(styleOf(sheet, ref('A', specialists))).toMatchObject({ fill: 'F2F2F2', numberFormat: '@' });
    expect(styleOf(sheet, ref('D', specialists)).locked).not.toBe(false);
    // The header: bold, grey, centred.
    expect(styleOf(sheet, 'E1')).toMatchObject({
      font: { bold: true },
      fill: 'D9D9D9',
      horizontal: 'center',
    });
    expect(sheet.protection).not.toBeNull();
  });

  it('holds a share of a % target as text, so Excel does not turn “12” into 1200 %', () => {
    const sheet = plan().sheets[0];
    const insurance = byName('商业健康保险支出占卫生总费用的比重');
    const specialists = byName('国家临床重点专科数');
    const at = (t: Target) => `E${2 + catalogue.targets.indexOf(t)}`;
    expect(styleOf(sheet, at(insurance))).toMatchObject({ locked: false, numberFormat: '@' });
    expect(styleOf(sheet, at(specialists)).numberFormat).toBeUndefined();
    // A unit typed full-width (％) is a % unit too.
    const wide = { ...insurance, id: 'W1', unit: '％' };
    const valueless = { ...specialists, id: 'W2', value: null, normalizedValue: null };
    const small = planAllocationTemplate(
      { ...catalogue, targets: [wide, valueless] },
      [{ office: '长春市' }],
      {
        generatedAt: GENERATED_AT,
      },
    ).sheets[0];
    expect(styleOf(small, 'E2')).toMatchObject({ locked: false, numberFormat: '@' });
    // A target without a value has nothing to split.
    expect(styleOf(small, 'E3').locked).not.toBe(false);
  });

  it('gives a long office name a taller header, and a long target a taller row that grows with its text', () => {
    const short = plan().sheets[0].rowHeights;
    const long = plan([...OFFICES, { office: '长白山保护开发区管理委员会卫生健康局' }]).sheets[0].rowHeights;
    expect(short[0].row).toBe(1);
    expect(long[0].height).toBeGreaterThan(short[0].height);
    const t = byName('国家临床重点专科数');
    const two = [
      { ...t, id: 'T1', name: '专科数' },
      {
        ...t,
        id: 'T2',
        name: '二级以上综合性医院、中医医院、妇幼保健院和专科医院设立老年医学科并开展康复医疗服务的机构数',
      },
    ];
    const rows = planAllocationTemplate({ ...catalogue, targets: two }, OFFICES, {
      generatedAt: GENERATED_AT,
    }).sheets[0].rowHeights;
    expect(rows.slice(1).map((r) => [r.row, r.auto])).toEqual([
      [2, true],
      [3, true],
    ]);
    expect(rows[2].height).toBeGreaterThan(rows[1].height);
    expect(short).toHaveLength(1 + catalogue.targets.length);
  });

  it('prints landscape on A4, one page wide, the header row on every page, titled with the issuer', () => {
    const sheet = plan(OFFICES, { issuer: '吉林省卫生健康委 & 发展改革委' }).sheets[0];
    expect(sheet.print).toMatchObject({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: '1:1',
      // "&" starts a header code in Excel: doubled to print as itself.
      header: '吉林省卫生健康委 && 发展改革委\u3000政策目标分解表',
      headerRight: '&A',
      footer: '第 &P 页 共 &N 页',
      area: `A1:G${1 + catalogue.targets.length}`,
    });
    expect(plan().sheets[0].print?.header).toBe('政策目标分解表');
  });
});

describe('an allocation handed back for editing', () => {
  it('fills each office’s cell as it would be typed: a bare number, a range, or the comparator written out', () => {
    const specialists = byName('国家临床重点专科数');
    const insurance = byName('商业健康保险支出占卫生总费用的比重');
    const allocation: Allocation = {
      format: 'luoshi-allocation',
      catalogueVersion: catalogue.version,
      source: '分解表.xlsx',
      targets: [
        {
          targetId: specialists.id,
          shares: [
            { office: '长春市', comparator: '>=', value: 30, valueMax: null },
            { office: '吉林市', comparator: 'range', value: 10, valueMax: 15 },
            { office: '四平市', comparator: '<=', value: 8, valueMax: null },
          ],
        },
        {
          targetId: insurance.id,
          shares: [{ office: '吉林市', comparator: '>=', value: 6, valueMax: null }],
        },
      ],
    };
    const rows = values(plan(OFFICES, { allocation }).sheets[0]);
    expect(rows.find((r) => r[0] === specialists.id)!.slice(4)).toEqual([30, '10—15', '≤8']);
    // A share of a % target is written as text (the cell is a text cell).
    expect(rows.find((r) => r[0] === insurance.id)!.slice(4)).toEqual([null, '6', null]);
  });
});

describe('a template', () => {
  it('for a catalogue with no targets is the header alone', () => {
    const empty = planAllocationTemplate({ ...catalogue, targets: [] }, OFFICES, {
      generatedAt: GENERATED_AT,
    });
    const sheet = empty.sheets[0];
    expect(values(sheet)).toEqual([['指标编号', '指标', '单位', '目标值', '长春市', '吉林市', '四平市']]);
    expect(sheet.styles).toHaveLength(1);
    expect(sheet.print?.area).toBe('A1:G1');
    expect(empty.layout).toMatchObject({ headerRow: 1, firstDataRow: 2, targetRows: 0, taskRows: 0 });
  });

  it('for no office yet has the catalogue columns only, nothing to type into', () => {
    const sheet = plan([]).sheets[0];
    expect(values(sheet)[0]).toEqual(['指标编号', '指标', '单位', '目标值']);
    expect(sheet.styles.some((s) => s.style.locked === false)).toBe(false);
    // The header and the catalogue columns: no style over office columns that do not exist.
    expect(sheet.styles.map((s) => s.range)).toEqual(['A1:D1', `A2:D${1 + catalogue.targets.length}`]);
    expect(sheet.print?.area).toBe(`A1:D${1 + catalogue.targets.length}`);
  });

  it('records the catalogue version and when it was made, for no office and no period', () => {
    const p = plan(OFFICES, { issuer: '吉林省发展改革委' });
    expect(p.meta).toMatchObject({
      catalogueVersion: catalogue.version,
      generatedAt: GENERATED_AT,
      office: '',
      period: '',
      deadline: null,
    });
    expect(p.properties).toEqual({ title: '吉林省发展改革委\u3000政策目标分解表', creator: 'luoshi' });
    expect(p.layout).toMatchObject({ targetRows: catalogue.targets.length });
    expect(p.font).toEqual({ name: '宋体', size: 10 });
    expect(p.names).toEqual([]);
    for (const sheet of p.sheets) {
      expect(sheet.merges, sheet.name).toEqual([]);
      expect(sheet.validations, sheet.name).toEqual([]);
      expect(sheet.state, sheet.name).toBe('visible');
    }
    expect(p.sheets[0].print?.margins).toEqual({
      left: 0.3,
      right: 0.3,
      top: 0.55,
      bottom: 0.5,
      header: 0.2,
      footer: 0.2,
    });
  });

  it('explains how to fill it in on a 填写说明 sheet', () => {
    const guide = plan(OFFICES, { issuer: '吉林省发展改革委' }).sheets[1];
    expect(guide.name).toBe('填写说明');
    const lines = values(guide).map((r) => r[0]);
    expect(lines[0]).toBe('吉林省发展改革委\u3000政策目标分解表');
    expect(lines[1]).toBeNull();
    expect(lines.slice(2, 7).map((l) => (typeof l === 'string' ? l.slice(0, 2) : l))).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
    ]);
    expect(lines[3]).toContain('填 12 即“≥12个”');
    expect(lines.at(-1)).toMatch(/^分解下达：/);
    expect(guide.rowHeights[0]).toEqual({ row: 1, height: 26 });
    expect(guide.rowHeights).toHaveLength(lines.length);
    expect(styleOf(guide, 'A1')).toMatchObject({ font: { bold: true, size: 14 } });
    expect(styleOf(guide, `A${lines.length}`)).toMatchObject({ wrap: true });
    expect(guide.print).toMatchObject({
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      footer: '第 &P 页 共 &N 页',
    });
    expect(guide.columns).toEqual([{ width: 100 }]);
    expect(guide.freeze).toEqual({ rows: 0, columns: 0 });
    expect(guide.protection).not.toBeNull();
    // Every line's row is as tall as its wrapped text: the long rules take more than one line.
    const heights = guide.rowHeights.map((h) => h.height);
    expect(Math.max(...heights.slice(1))).toBeGreaterThan(Math.min(...heights.slice(1)));
  });
});
