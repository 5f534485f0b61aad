/**
 * The 指标, 任务 and 已移除指标 sheets as tables a clerk fills and prints, on a hand-built catalogue:
 * column widths, row heights, frozen panes, print area and header, merged title rows, where percent
 * figures are text cells, the 基期值/完成值 rules, the 变更提示 column, the 已移除指标 rows, and the
 * names and column letters the add-in looks up. Column letters and expected values written by hand
 * (指标: G 基期值, H 完成值, O 佐证材料 the last printed; 任务: F 下一步措施; 已移除指标: L 移除说明).
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import { ListSheet, planWorkbook, type RemovedTarget } from '../src/core/workbook/build-plan.js';
import type { PlanOptions, WorkbookPlan } from '../src/core/workbook/plan.js';
import { handCatalogue, handTarget, handTask } from './helpers/hand-catalogue.js';
import { planSheet as sheet, planStyleAt as styleAt } from './helpers/plan-grid.js';

const OPTIONS: PlanOptions = {
  office: '长春市',
  period: '2025年上半年',
  generatedAt: '2026-01-05T08:00:00.000Z',
};

const plan = (cat: Catalogue, over: Partial<PlanOptions> = {}): WorkbookPlan =>
  planWorkbook(cat, { ...OPTIONS, ...over });

const t = (id: string, unit: string | null, offset: number, over: Partial<Target> = {}) =>
  handTarget(id, { value: 60, unit, offset, ...over });

/** Rows 4–7: two percent targets, a count, a percent target written with a full-width ％. */
const mixed = () =>
  handCatalogue(
    [t('p1', '%', 1), t('p2', '%', 2), t('n1', '个', 3), t('p3', '％', 4)],
    [handTask('k1', '健全制度', 5)],
  );

describe('the 指标 table', () => {
  it('makes percent rows’ figure cells text, in runs of rows, and the others General', () => {
    const s = sheet(plan(mixed()), '指标');
    expect(['G4', 'H4', 'G5', 'H5', 'G6', 'H6', 'G7', 'H7'].map((c) => styleAt(s, c).numberFormat)).toEqual([
      '@',
      '@',
      '@',
      '@',
      'General',
      'General',
      '@',
      '@',
    ]);
    expect(s.styles.filter((x) => x.style.numberFormat === '@' && x.range.startsWith('G'))).toEqual([
      { range: 'G4:H5', style: { numberFormat: '@' } },
      { range: 'G7:H7', style: { numberFormat: '@' } },
    ]);
  });

  it('accepts a number, or a number with %, in 基期值 and 完成值, saying so in Chinese', () => {
    const rule = (col: string, label: string) => ({
      type: 'custom',
      range: `${col}4:${col}7`,
      formula: `ISNUMBER(-SUBSTITUTE(SUBSTITUTE(${col}4,"%",""),"％",""))`,
      allowBlank: true,
      promptTitle: label,
      prompt: '只填数字，单位见“单位”列；百分比指标填 30 或 30% 均可，都按 30% 计。',
      errorTitle: `${label}须为数字`,
      error: '请只输入数字（百分比指标可带 %），不要带单位或“约”“左右”等文字。',
    });
    const s = sheet(plan(mixed()), '指标');
    expect(s.validations.filter((v) => v.type === 'custom')).toEqual([
      rule('G', '基期值'),
      rule('H', '完成值'),
    ]);
    expect(s.validations.map((v) => v.range)).toEqual(['G4:G7', 'H4:H7', 'J4:J7', 'K4:K7']);
  });

  it('centres short catalogue cells, left-aligns wrapped text, borders every data cell', () => {
    const s = sheet(plan(mixed()), '指标');
    expect(['A4', 'C4', 'F4', 'I4', 'K4', 'L4', 'S4'].map((c) => styleAt(s, c).horizontal)).toEqual([
      'center',
      'left',
      'center',
      'right',
      'center',
      'left',
      'center',
    ]);
    expect(styleAt(s, 'A7')).toEqual({
      font: {},
      fill: 'F2F2F2',
      wrap: false,
      vertical: 'top',
      horizontal: 'center',
      border: 'A6A6A6',
      locked: true,
    });
    expect(styleAt(s, 'A8')).toEqual({});
  });

  it('sets widths, a 26 pt title, a one-line subtitle, a two-line header and rows that grow', () => {
    const long = t('long', '个', 1, { name: '床位', quote: '一'.repeat(11) });
    const short = t('short', '个', 2, { name: '床位', quote: '短' });
    const s = sheet(plan(handCatalogue([long, short])), '指标');
    expect(s.columns.map((c) => c.width)).toEqual([
      4.5, 10, 23, 8, 5, 5.5, 7, 7, 7, 10.5, 8.5, 22, 12, 12, 8, 20, 12, 16, 34,
    ]);
    // 11 characters take two lines of the 23-unit 指标内容 column; 1 character one
    expect(s.rowHeights).toEqual([
      { row: 1, height: 26 },
      { row: 2, height: 18.5 },
      { row: 3, height: 33 },
      { row: 4, height: 33, auto: true },
      { row: 5, height: 18.5, auto: true },
    ]);
  });

  it('freezes the header and two columns and prints the printed columns of every row, with the period', () => {
    const s = sheet(plan(mixed()), '指标');
    expect(s.freeze).toEqual({ rows: 3, columns: 2 });
    expect(s.merges).toEqual(['A1:O1', 'A2:O2']);
    expect(s.print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: '3:3',
      headerLeft: '长春市',
      header: '2025年上半年\u3000政策量化指标落实情况',
      headerRight: '&A',
      footer: '第 &P 页 共 &N 页',
      area: 'A1:O7',
      margins: { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 },
    });
    expect(s.state).toBe('visible');
  });

  it('without targets: title and header only, printed down to the header, no rules', () => {
    const s = sheet(plan(handCatalogue([], [handTask('k1', '健全制度', 1)])), '指标');
    expect(s.blocks.map((b) => b.origin)).toEqual(['A1', 'A2', 'A3']);
    expect(s.print?.area).toBe('A1:O3');
    expect(s.validations).toEqual([]);
    expect(styleAt(s, 'A4')).toEqual({});
    expect(s.rowHeights.map((h) => h.row)).toEqual([1, 2, 3]);
  });

  it('adds 变更提示 only when a listed target has a note, red, and marks that quote pink', () => {
    const cat = mixed();
    const noted = plan(cat, { changeNotes: { p2: '指标内容已修改，原为：旧文' } });
    const s = sheet(noted, '指标');
    expect((s.blocks[2].values[0] as string[])[19]).toBe('变更提示');
    expect(s.blocks[3].values.map((r) => r[19])).toEqual([null, '指标内容已修改，原为：旧文', null, null]);
    expect(styleAt(s, 'T4').font?.color).toBe('C00000');
    expect(styleAt(s, 'T3').fill).toBe('E7E6E6');
    expect(styleAt(s, 'T4')).toMatchObject({ fill: 'F2F2F2', wrap: true, horizontal: 'left', locked: true });
    expect(['C4', 'C5', 'C6'].map((c) => styleAt(s, c).fill)).toEqual(['F2F2F2', 'FFD7D7', 'F2F2F2']);
    expect(noted.names[0]).toEqual({ name: 'luoshi_targets', ref: "'指标'!$A$4:$T$7" });
    expect(noted.layout.targetColumns).toMatchObject({
      seq: 'A',
      actual: 'H',
      targetId: 'S',
      changeNote: 'T',
    });
    // 完成率 still divides this row's own 完成值 cell
    expect(s.blocks[3].values[1][8]).toEqual({
      formula: 'IFERROR(VALUE(SUBSTITUTE(SUBSTITUTE(H5,"%",""),"％",""))/60,"")',
      result: '',
    });
    // a note for a target this office does not report on adds no column
    const elsewhere = sheet(plan(cat, { changeNotes: { gone: '已删除' } }), '指标');
    expect(elsewhere.columns).toHaveLength(19);
    expect(elsewhere.merges).toEqual(['A1:O1', 'A2:O2']);
  });
});

describe('the 任务 table', () => {
  it('prints columns A–F of every task row with its own header, frozen like 指标', () => {
    const p = plan(handCatalogue([], [handTask('k1', '健全制度', 1), handTask('k2', '强化保障', 2)]));
    const s = sheet(p, '任务');
    expect(s.merges).toEqual(['A1:F1', 'A2:F2']);
    expect(s.freeze).toEqual({ rows: 3, columns: 2 });
    expect(s.print).toMatchObject({ header: '2025年上半年\u3000重点任务落实情况', area: 'A1:F5' });
    expect(s.columns.map((c) => c.width)).toEqual([4.5, 44, 8.5, 38, 27.5, 27.5, 20, 12, 16, 34]);
    expect(p.names).toEqual([{ name: 'luoshi_tasks', ref: "'任务'!$A$4:$J$5" }]);
    expect(p.layout).toEqual({
      headerRow: 3,
      firstDataRow: 4,
      targetRows: 0,
      taskRows: 2,
      targetColumns: {
        seq: 'A',
        name: 'B',
        quote: 'C',
        targetText: 'D',
        unit: 'E',
        deadline: 'F',
        baseline: 'G',
        actual: 'H',
        rate: 'I',
        asOf: 'J',
        status: 'K',
        progress: 'L',
        problems: 'M',
        nextSteps: 'N',
        evidence: 'O',
        document: 'P',
        section: 'Q',
        lead: 'R',
        targetId: 'S',
      },
      taskColumns: {
        seq: 'A',
        text: 'B',
        status: 'C',
        progress: 'D',
        problems: 'E',
        nextSteps: 'F',
        document: 'G',
        section: 'H',
        lead: 'I',
        taskId: 'J',
      },
    });
    expect(s.validations.map((v) => v.range)).toEqual(['C4:C5']);
    expect(styleAt(s, 'F5').numberFormat).toBe('@');
    expect(styleAt(s, 'G5').numberFormat).toBeUndefined();
  });

  it('without tasks: no data rows and no drop-down', () => {
    const s = sheet(plan(handCatalogue([t('p1', '%', 1)])), '任务');
    expect(s.validations).toEqual([]);
    expect(s.print?.area).toBe('A1:F3');
    expect(s.styles.some((x) => x.style.numberFormat === '@')).toBe(false);
  });
});

describe('the 已移除指标 table', () => {
  const removed: RemovedTarget = {
    row: {
      targetId: 'old-1',
      row: 6,
      document: '吉政发〔2022〕1号',
      section: '一、（三）',
      quote: '到2025年，旧指标达到80%',
      targetText: '≥80%',
      unit: '%',
      deadline: '2025',
      lead: '省卫健委',
      comparator: '>=',
      value: 80,
      valueMax: null,
    },
    entry: {
      targetId: 'old-1',
      baseline: 70,
      actual: 75,
      asOf: '2025-06-30',
      status: '序时推进',
      progress: '已推进',
      problems: '',
      nextSteps: '继续推进',
      evidence: '',
    },
    reason: '新版目录中已无此指标',
  };

  it('keeps the old row and everything typed, read-only, with the reason', () => {
    const p = plan(handCatalogue([t('p1', '%', 1)]), { removed: [removed] });
    const s = sheet(p, '已移除指标');
    expect(s.blocks[3]).toEqual({
      origin: 'A4',
      values: [
        [
          '到2025年，旧指标达到80%',
          '≥80%',
          '%',
          70,
          75,
          45838,
          '序时推进',
          '已推进',
          null,
          '继续推进',
          null,
          '新版目录中已无此指标',
          '吉政发〔2022〕1号',
          '一、（三）',
          '2025',
          '省卫健委',
          'old-1',
        ],
      ],
    });
    expect(styleAt(s, 'F4').numberFormat).toBe('yyyy-mm-dd');
    expect(styleAt(s, 'E4').numberFormat).toBeUndefined();
    expect(styleAt(s, 'D4')).toMatchObject({ locked: true, fill: 'F2F2F2' });
    expect(s.merges).toEqual(['A1:L1', 'A2:L2']);
    expect(s.print?.area).toBe('A1:L4');
    expect(s.validations).toEqual([]);
  });

  it('leaves the date blank when none was typed', () => {
    const blank = { ...removed, entry: { ...removed.entry, asOf: null, status: null } };
    const s = sheet(plan(handCatalogue([t('p1', '%', 1)]), { removed: [blank] }), '已移除指标');
    expect([s.blocks[3].values[0][5], s.blocks[3].values[0][6]]).toEqual([null, null]);
  });
});

describe('the workbook as a whole', () => {
  it('records its identity, is protected the same way on every sheet and keeps _meta very hidden', () => {
    const p = plan(mixed(), { deadline: '2025-07-15', protectPassword: 'k' });
    expect(p.meta).toEqual({
      formatVersion: 1,
      catalogueVersion: 'hand-v1',
      office: '长春市',
      period: '2025年上半年',
      generatedAt: '2026-01-05T08:00:00.000Z',
      deadline: '2025-07-15',
    });
    const allow = {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      formatCells: false,
      insertRows: false,
      deleteRows: false,
      sort: false,
      autoFilter: false,
    };
    for (const s of p.sheets)
      expect({ [s.name]: s.protection }).toEqual({ [s.name]: { password: 'k', allow } });
    const meta = sheet(p, '_meta');
    expect(meta.state).toBe('veryHidden');
    expect(meta.columns.map((c) => c.width)).toEqual([18, 24, 8, 20, 10, 12, 12, 8, 10, 12, 12, 14, 8]);
    expect([meta.freeze, meta.print, meta.rowHeights, meta.styles, meta.merges, meta.validations]).toEqual([
      { rows: 0, columns: 0 },
      null,
      [],
      [],
      [],
      [],
    ]);
    expect(plan(mixed()).meta.deadline).toBeNull();
  });

  it('keeps a list of exactly 255 characters literal and moves one of 256 to _lists', () => {
    const three = Array.from({ length: 64 }, (_, i) => `甲${String(i).padStart(2, '0')}`);
    expect(three.join(',')).toHaveLength(255);
    const lists = new ListSheet();
    expect(lists.source(three)).toEqual({ values: three });
    const four = [...three.slice(0, 63), '乙000'];
    expect(lists.source(four)).toEqual({ range: "'_lists'!$A$1:$A$64" });
    expect(lists.sheet(null)?.blocks[0].values[63]).toEqual(['乙000']);
  });

  it('gives each distinct long list its own _lists column, even when their texts run together alike', () => {
    const lists = new ListSheet();
    expect(lists.source(['甲,乙', '丙'])).toEqual({ range: "'_lists'!$A$1:$A$2" });
    expect(lists.source(['甲', ',乙丙'])).toEqual({ range: "'_lists'!$B$1:$B$2" });
    expect(lists.sheet(null)).toEqual({
      name: '_lists',
      state: 'hidden',
      columns: [{ width: 30 }, { width: 30 }],
      rowHeights: [],
      blocks: [
        {
          origin: 'A1',
          values: [
            ['甲,乙', '甲'],
            ['丙', ',乙丙'],
          ],
        },
      ],
      styles: [],
      merges: [],
      validations: [],
      freeze: { rows: 0, columns: 0 },
      print: null,
      protection: null,
    });
  });

  it('lists a document without a 发文字号 when the roster names it by part of its title', () => {
    const cat = handCatalogue([t('p1', '%', 1)]);
    cat.documents[0] = { ...cat.documents[0], docNumber: null };
    const p = plan(cat, { documents: ['卫生健康事业'] });
    expect(p.layout.targetRows).toBe(1);
    expect(plan(cat, { documents: ['吉政发〔2023〕5号'] }).layout.targetRows).toBe(0);
  });
});
