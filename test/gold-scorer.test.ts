/** The gold-set scorer itself, on a tiny synthetic catalogue whose right answer is known by hand. */
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_FORMAT,
  CATALOGUE_FORMAT_VERSION,
  type Catalogue,
  type Target,
} from '../src/core/model/catalogue.js';
import {
  figuresAgree,
  formatScore,
  parseGoldFile,
  scoreCatalogue,
  type GoldFile,
  type GoldTarget,
} from './helpers/score.js';

const TEXT =
  '到2020年，覆盖率达到90%以上，床位达到5万张左右。2019年6月底前出台方案。培育企业20个、另有30—50个项目。实施十项工程。';

function gold(quote: string, over: Partial<GoldTarget>): GoldTarget {
  return {
    quote,
    indicator: quote,
    comparator: '=',
    value: null,
    valueMax: null,
    unit: null,
    deadline: null,
    perYear: false,
    lead: [],
    participants: [],
    ...over,
  };
}

let n = 0;
function extracted(quote: string, over: Partial<Target>, documentId = 'doc-a', text = TEXT): Target {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`test setup: ${quote} not in text`);
  n++;
  return {
    id: `t${n}`,
    documentId,
    taskId: null,
    path: [],
    quote,
    indicator: '',
    comparator: '=',
    value: null,
    valueMax: null,
    unit: null,
    normalizedValue: null,
    baseUnit: null,
    deadline: null,
    perYear: false,
    perUnit: null,
    linked: [],
    lead: [],
    participants: [],
    offset: at,
    ...over,
  };
}

const GOLD: GoldFile = {
  source: 'a.txt',
  targets: [
    gold('覆盖率达到90%以上', {
      comparator: '>=',
      value: 90,
      unit: '%',
      deadline: '2020',
      lead: ['甲局'],
      participants: ['乙局'],
    }),
    gold('床位达到5万张左右', { comparator: '≈', value: 5, unit: '万张', deadline: '2020' }),
    gold('2019年6月底前出台方案', { comparator: 'milestone', deadline: '2019-06' }),
    gold('培育企业20个', { comparator: '=', value: 20, unit: '个' }),
    gold('30—50个项目', { comparator: 'range', value: 30, valueMax: 50, unit: '个', deadline: '2020' }),
    gold('实施十项工程', { comparator: '=', value: 10, unit: '项', optional: true }),
  ],
};

function catalogue(targets: Target[]): Catalogue {
  const doc = (id: string, source: string) => ({
    id,
    title: id,
    docNumber: null,
    issuer: null,
    date: null,
    source,
    textHash: '',
  });
  return {
    format: CATALOGUE_FORMAT,
    formatVersion: CATALOGUE_FORMAT_VERSION,
    version: 'x',
    documents: [doc('doc-a', 'a.txt'), doc('doc-b', 'b.txt')],
    headings: [],
    tasks: [],
    targets,
  };
}

describe('scoreCatalogue', () => {
  const targets = [
    // matches gold A; full-width ％ counts as the same unit; units wrong (participant missing)
    extracted('覆盖率达到90%以上', {
      comparator: '>=',
      value: 90,
      unit: '％',
      deadline: '2020',
      lead: ['甲局'],
    }),
    // a second claim on gold A: one-to-one matching leaves it spurious
    extracted('达到90%', { comparator: '>=', value: 90, unit: '%', deadline: '2020' }),
    // matches gold B through the normalised value; unit differs
    extracted('5万张左右', {
      comparator: '≈',
      value: 50000,
      unit: '张',
      normalizedValue: 50000,
      deadline: '2020',
    }),
    // matches the milestone
    extracted('2019年6月底前', { comparator: 'milestone', deadline: '2019-06' }),
    // overlaps gold D but with the wrong value → no match
    extracted('企业20个', { comparator: '=', value: 2, unit: '个' }),
    // right value of gold D but somewhere else in the text → no match
    extracted('20', { comparator: '=', value: 20, unit: '个' }),
    // matches gold E; valueMax wrong
    extracted('30—50个', { comparator: 'range', value: 30, valueMax: 40, unit: '个', deadline: '2020' }),
    // a quote that is not at its offset
    { ...extracted('方案', { comparator: '=', value: 7 }), offset: 0 },
    // matches the optional gold target: neither spurious nor counted
    extracted('十项', { comparator: '=', value: 10, unit: '项' }),
    // a document without gold: not scored
    extracted('x', { value: 1 }, 'doc-b', 'x'),
  ];
  const score = scoreCatalogue(
    catalogue(targets),
    [GOLD],
    new Map([
      ['a.txt', TEXT],
      ['b.txt', 'x'],
    ]),
  );

  it('counts matches one-to-one, requiring overlap and an agreeing figure', () => {
    expect(score.overall.gold).toBe(5);
    expect(score.overall.extracted).toBe(8);
    expect(score.overall.matched).toBe(4);
    expect(score.overall.recall).toBeCloseTo(0.8, 12);
    expect(score.overall.precision).toBeCloseTo(0.5, 12);
    expect(score.unscoredTargets).toBe(1);
    expect([score.overall.optionalMatched, score.overall.optionalGold]).toEqual([1, 1]);
    expect(score.missed.map((m) => m.quote)).toEqual(['培育企业20个']);
    expect(score.spurious.map((s) => s.quote).sort()).toEqual(['20', '企业20个', '方案', '达到90%'].sort());
  });

  it('measures field accuracy over matched pairs only', () => {
    const f = score.overall.fields;
    expect([f.comparator.correct, f.comparator.total]).toEqual([4, 4]);
    expect([f.unit.correct, f.unit.total]).toEqual([3, 4]);
    expect([f.deadline.correct, f.deadline.total]).toEqual([4, 4]);
    expect([f.valueMax.correct, f.valueMax.total]).toEqual([3, 4]);
    expect([f.units.correct, f.units.total]).toEqual([0, 1]);
    expect(f.units.accuracy).toBe(0);
    expect(score.mismatches.map((m) => m.field).sort()).toEqual(['unit', 'units', 'valueMax']);
  });

  it('reports extracted quotes that are not at their offset', () => {
    expect(score.badQuotes.map((b) => b.quote)).toEqual(['方案']);
  });

  it('prints a table with a row per document and the misses', () => {
    const table = formatScore(score);
    expect(table).toContain('a.txt');
    expect(table).toContain('TOTAL');
    expect(table).toContain('培育企业20个');
    expect(table).toContain(' 80.0%');
  });

  it('gives full marks to a catalogue that equals the gold', () => {
    const perfect = GOLD.targets
      .filter((g) => !g.optional)
      .map((g) =>
        extracted(g.quote, {
          comparator: g.comparator,
          value: g.value,
          valueMax: g.valueMax,
          unit: g.unit,
          deadline: g.deadline,
          lead: g.lead,
          participants: g.participants,
        }),
      );
    const s = scoreCatalogue(catalogue(perfect), [GOLD], new Map([['a.txt', TEXT]]));
    expect([s.overall.recall, s.overall.precision]).toEqual([1, 1]);
    for (const f of Object.values(s.overall.fields)) expect(f.accuracy).toBe(1);
    expect(s.missed).toEqual([]);
    expect(s.spurious).toEqual([]);
  });

  it('scores a missing document as all missed', () => {
    const s = scoreCatalogue(catalogue([]), [GOLD], new Map([['a.txt', TEXT]]));
    expect(s.overall.matched).toBe(0);
    expect(s.overall.recall).toBe(0);
    expect(s.missed).toHaveLength(5);
    expect(s.overall.optionalMatched).toBe(0);
  });
});

describe('figuresAgree and parseGoldFile', () => {
  it('matches milestones only with milestones', () => {
    const m = gold('q', { comparator: 'milestone', deadline: '2020' });
    expect(figuresAgree({ comparator: 'milestone', value: null, normalizedValue: null }, m)).toBe(true);
    expect(figuresAgree({ comparator: '>=', value: 2020, normalizedValue: 2020 }, m)).toBe(false);
    expect(
      figuresAgree(
        { comparator: '>=', value: 1.5, normalizedValue: 1.5 },
        gold('q', { comparator: '>=', value: 1.5 }),
      ),
    ).toBe(true);
    expect(
      figuresAgree(
        { comparator: '>=', value: 1.5000001, normalizedValue: null },
        gold('q', { comparator: '>=', value: 1.5 }),
      ),
    ).toBe(false);
  });

  it('rejects gold that breaks the annotation rules', () => {
    const bad = (t: Partial<GoldTarget>) => ({ source: 's.txt', targets: [gold('q', t)] });
    expect(() => parseGoldFile(bad({ comparator: 'milestone', value: 3, deadline: '2020' }), 'x')).toThrow(
      /milestone/,
    );
    expect(() => parseGoldFile(bad({ comparator: 'milestone' }), 'x')).toThrow(/deadline/);
    expect(() => parseGoldFile(bad({ comparator: 'range', value: 5, valueMax: 3 }), 'x')).toThrow(/range/);
    expect(() => parseGoldFile(bad({ comparator: '>=', value: null }), 'x')).toThrow(/null value/);
    expect(() => parseGoldFile(bad({ comparator: '>=', value: 1, deadline: '2020年' }), 'x')).toThrow(
      /schema/,
    );
    expect(parseGoldFile(bad({ comparator: '>=', value: 1, deadline: '2019-06' }), 'x').targets).toHaveLength(
      1,
    );
  });
});
