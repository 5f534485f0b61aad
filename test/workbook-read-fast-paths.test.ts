/**
 * The edges of the reader's fast paths (issue 11, load): a locked cell compared digit by digit with its
 * stored hash, or found equal to cells that matched the same hash in an earlier read, a status taken as typed when it is one of the list, a Date's day text kept from the
 * previous cell, an entry cell that holds only whitespace, a fingerprint of the wrong length. Expected
 * hashes are the published FNV-1a values folded by hand; every other expected value is typed here.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet, WorkbookGrid } from '../src/core/model/grid.js';
import { cellMatches, changedCells } from '../src/core/workbook/fingerprint.js';
import { parseDateCell, parseStatus, textCell } from '../src/core/workbook/normalise.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { gridSheet, headerColumn, planGrid } from './helpers/plan-grid.js';
import { handCatalogue, handTarget } from './helpers/hand-catalogue.js';

describe('a locked cell against its six hex digits', () => {
  // FNV-1a folded to 24 bits: "0" → 0ca89a, "a" → 0c29c8, "" → 1c9d44.
  it('matches each hash at its own index, a number as its text', () => {
    expect(cellMatches('0ca89a', 0, '0')).toBe(true);
    expect(cellMatches('0ca89a', 0, 0)).toBe(true);
    expect(cellMatches('1c9d440c29c80ca89a', 1, ' a ')).toBe(true);
    expect(cellMatches('1c9d440c29c80ca89a', 2, '0')).toBe(true);
    expect(cellMatches('1c9d440c29c80ca89a', 0, null)).toBe(true);
    expect(cellMatches('1c9d440c29c80ca89a', 0, 'a')).toBe(false);
  });

  it('fails on any one digit changed, on the digit/letter edge too, and on upper-case digits', () => {
    for (const wrong of ['1ca89a', '0da89a', '0cb89a', '0ca99a', '0ca8aa', '0ca899', '0ca89b'])
      expect([wrong, cellMatches(wrong, 0, '0')]).toEqual([wrong, false]);
    expect(cellMatches('0CA89A', 0, '0')).toBe(false);
  });

  it('changedCells names the same cells as before', () => {
    expect(changedCells('1c9d440c29c80ca89a', ['', 'a', '0'])).toEqual([]);
    expect(changedCells('1c9d440c29c80ca89a', ['x', 'a', 1])).toEqual([0, 2]);
  });
});

describe('normalising a cell on the fast path', () => {
  it('takes a listed status as typed, and still normalises one typed with spaces or an alias', () => {
    expect(parseStatus('已完成')).toEqual({ ok: true, value: '已完成' });
    expect(parseStatus('滞后')).toEqual({ ok: true, value: '滞后' });
    expect(parseStatus(' 序时推进\u3000')).toEqual({ ok: true, value: '序时推进' });
    expect(parseStatus('未 启 动')).toEqual({ ok: true, value: '未启动' });
    expect(parseStatus('完成')).toEqual({ ok: true, value: '已完成' });
    expect(parseStatus('toString').ok).toBe(false);
  });

  it('gives each Date its own day, alternating or repeated, whatever object holds it', () => {
    const a = new Date(Date.UTC(2025, 5, 30, 23, 59));
    const b = new Date(Date.UTC(2025, 6, 1));
    expect(parseDateCell(a)).toEqual({ ok: true, value: '2025-06-30' });
    expect(parseDateCell(new Date(Date.UTC(2025, 5, 30, 23, 59)))).toEqual({ ok: true, value: '2025-06-30' });
    expect(textCell(b)).toBe('2025-07-01');
    expect(parseDateCell(a)).toEqual({ ok: true, value: '2025-06-30' });
    expect(parseDateCell(new Date(Number.NaN))).toEqual({ ok: false, reason: '不是有效日期' });
    expect(textCell(new Date(Date.UTC(2031, 0, 2)))).toBe('2031-01-02');
  });
});

describe('rows read on the fast path', () => {
  const catalogue = handCatalogue([
    handTarget('t1', { value: 90, unit: '%', offset: 1 }),
    handTarget('t2', { value: 500, unit: '人', offset: 2 }),
    handTarget('t3', { value: 8, unit: '个', offset: 3 }),
  ]);
  const grid = (): WorkbookGrid =>
    planGrid(
      planWorkbook(catalogue, {
        office: '长春市',
        period: '2025年度',
        generatedAt: '2026-01-05T08:00:00.000Z',
      }),
    );
  const read = (g: WorkbookGrid) => readSubmission(g, { source: '长春市.xlsx', catalogue });

  function put(s: GridSheet, id: string, header: string, v: CellValue): void {
    const idCol = headerColumn(s, '指标编号').col;
    const r = s.rows.findIndex((row) => row[idCol] === id);
    s.rows[r][headerColumn(s, header).col] = v;
  }

  it('counts a row whose entry cells hold only whitespace as unfilled, and one holding 0 or FALSE as filled', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    put(s, 't1', '进展情况', ' \u3000 ');
    put(s, 't1', '存在问题', '\r\n');
    put(s, 't2', '完成值', 0);
    put(s, 't3', '佐证材料', false);
    const unfilled = read(g).problems.filter((p) => p.code === 'rows-unfilled');
    expect(unfilled.map((p) => p.message)).toEqual(['指标：有 1 项指标没有填写任何内容']);
  });

  it('finds an edited locked cell however often the same catalogue cells were read unedited before', () => {
    const edited = (g: WorkbookGrid) =>
      read(g)
        .problems.filter((p) => p.code === 'locked-cell-edited')
        .map((p) => [p.targetId, p.message.slice(p.message.indexOf('：') + 1)]);
    const quoteOf = (g: WorkbookGrid, id: string) => {
      const s = gridSheet(g, '指标');
      const idCol = headerColumn(s, '指标编号').col;
      return s.rows.find((row) => row[idCol] === id)?.[headerColumn(s, '指标内容').col];
    };
    expect(edited(grid())).toEqual([]);
    expect(edited(grid())).toEqual([]);
    const g = grid();
    put(gridSheet(g, '指标'), 't1', '指标内容', '到2025年，指标t1达到95%');
    put(gridSheet(g, '指标'), 't3', '单位', '件');
    const twice = [
      ['t1', '目录内容“指标内容”被改动（灰色单元格是指标目录，请勿修改；现为 "到2025年，指标t1达到95%"）'],
      ['t3', '目录内容“单位”被改动（灰色单元格是指标目录，请勿修改；现为 "件"）'],
    ];
    expect(edited(g)).toEqual(twice);
    expect(edited(g)).toEqual(twice);
    // Back as generated: the same text in a new string matches again; a number equal to a text cell's too.
    put(gridSheet(g, '指标'), 't1', '指标内容', `到2025年，指标t1达到${90}%`);
    put(gridSheet(g, '指标'), 't3', '单位', '个');
    expect(quoteOf(g, 't1')).toBe('到2025年，指标t1达到90%');
    expect(edited(g)).toEqual([]);
    put(gridSheet(g, '指标'), 't2', '序号', '2');
    expect(edited(g)).toEqual([]);
    put(gridSheet(g, '指标'), 't2', '序号', 3);
    expect(edited(g)).toEqual([['t2', '目录内容“序号”被改动（灰色单元格是指标目录，请勿修改；现为 "3"）']]);
  });

  it('reports every locked cell of a row whose fingerprint has the wrong length, naming each cell', () => {
    const g = grid();
    const meta = gridSheet(g, '_meta');
    const r = meta.rows.findIndex((row) => row[0] === 'target' && row[1] === 't2');
    meta.rows[r][3] = `${String(meta.rows[r][3])}0`;
    const s = gridSheet(g, '指标');
    const row = s.rows.findIndex((x) => x[headerColumn(s, '指标编号').col] === 't2') + 1;
    const edited = read(g).problems.filter((p) => p.code === 'locked-cell-edited');
    const letter = (h: string) => String.fromCharCode(65 + headerColumn(s, h).col);
    // In fingerprint order: 序号, 指标编号, 文件, 章节, 指标内容, 目标值, 单位, 目标年份, 牵头单位.
    const headers = [
      '序号',
      '指标编号',
      '文件',
      '章节',
      '指标内容',
      '目标值',
      '单位',
      '目标年份',
      '牵头单位',
    ];
    expect(edited.map((p) => [p.cell, p.targetId])).toEqual(headers.map((h) => [`${letter(h)}${row}`, 't2']));
    expect(edited[4].message).toBe(
      `指标!${letter('指标内容')}${row}：目录内容“指标内容”被改动（灰色单元格是指标目录，请勿修改；现为 "到2025年，指标t2达到500人"）`,
    );
  });
});
