/**
 * Ids that survive reflow: a target's id depends on its document, heading path and normalised text,
 * never on an offset; when ids do change, corrections and workbook upgrades follow the content.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogue, buildFromTexts, type CatalogueCorrections } from '../src/core/catalogue/index.js';
import { matchByContent, quoteSimilarity } from '../src/core/catalogue/match.js';
import { seedSources } from './helpers/seeds.js';

const dec = new TextDecoder();

function seedTexts(): { name: string; text: string }[] {
  return seedSources().map((s) => ({ name: s.name, text: dec.decode(s.bytes) }));
}

/** What a PDF or web copy does to a text: long lines broken at a width, digits and brackets widened, dashes varied. */
function reflow(text: string): string {
  const wide = (s: string) =>
    s.replace(/[0-9%(),]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/—/g, '－');
  return text
    .split('\n')
    .map((line) => {
      const w = wide(line);
      // break inside a sentence, between two Chinese characters, past the 36th character
      const at = w.slice(36).search(/[\u4e00-\u9fa5](?=[\u4e00-\u9fa5])/);
      return w.length > 60 && at >= 0 ? `${w.slice(0, 37 + at)}\n${w.slice(37 + at)}` : w;
    })
    .join('\n');
}

describe('ids survive reflow', () => {
  it('the same words broken at another width, with other digit and bracket widths, keep every id', () => {
    const before = buildFromTexts(seedTexts()).catalogue;
    const after = buildFromTexts(seedTexts().map((d) => ({ ...d, text: reflow(d.text) }))).catalogue;
    expect(after.targets.length).toBe(before.targets.length);
    expect(after.targets.map((t) => t.id)).toEqual(before.targets.map((t) => t.id));
    expect(after.targets.map((t) => [t.value, t.unit && t.unit.normalize('NFKC'), t.deadline])).toEqual(
      before.targets.map((t) => [t.value, t.unit && t.unit.normalize('NFKC'), t.deadline]),
    );
    // the offsets did move: the ids do not depend on them
    expect(after.targets.some((t, i) => t.offset !== before.targets[i].offset)).toBe(true);
  });

  it('a length-changing edit early in the text changes no later id', () => {
    const docs = seedTexts();
    const before = buildFromTexts(docs).catalogue;
    const i = docs.findIndex((d) => d.name.startsWith('000'));
    const early = docs[i].text.indexOf('健康服务业');
    expect(early).toBeGreaterThan(0);
    const edited = docs.map((d, k) =>
      k === i ? { ...d, text: `${d.text.slice(0, early)}现代${d.text.slice(early)}` } : d,
    );
    const after = buildFromTexts(edited).catalogue;
    const later = before.targets.filter((t) => t.offset > early);
    expect(later.length).toBeGreaterThan(10);
    const ids = new Set(after.targets.map((t) => t.id));
    expect(later.filter((t) => !ids.has(t.id)).map((t) => t.quote)).toEqual([]);
    expect(after.targets.find((t) => t.quote === later[0].quote)!.offset).toBe(later[0].offset + 2);
  });

  it('identical sentences in two headings get different ids; in one heading, a counter', () => {
    const text =
      '关于印发测试方案的通知\n一、第一项\n到2025年，建成社区医院20家。\n二、第二项\n到2025年，建成社区医院20家。到2025年，建成社区医院20家。\n';
    const ids = buildFromTexts([{ name: 't.txt', text }]).catalogue.targets.map((t) => t.id);
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]).toBe(`${ids[1]}-2`);
  });
});

describe('matching old ids to new ones by content', () => {
  it('pairs each vanished id with the most similar quote under the same heading only', () => {
    expect(quoteSimilarity('建成社区医院20家', '建成社区医院２０家')).toBe(1);
    // bigrams 新增 增2 20 0家 against 新增 增2 20 0所: 3 shared of 4 + 4
    expect(quoteSimilarity('新增20家', '新增20所')).toBe(0.75);
    expect(quoteSimilarity('家', '家')).toBe(1);
    expect(quoteSimilarity('家', '所')).toBe(0);
    const m = matchByContent(
      [
        { id: 'd/1.2/Maaaa', quote: '设置完成不少于60个专业的省级质控中心' },
        { id: 'd/1.3/Mbbbb', quote: '设置完成不少于60个专业的省级质控中心' },
      ],
      [
        { id: 'd/1.2/Mcccc', quote: '设置完成不少于70个专业的省级质控中心' },
        { id: 'd/1.2/Mdddd', quote: '全面推进分级诊疗制度建设' },
      ],
    );
    expect(m.map((x) => [x.oldId, x.newId])).toEqual([['d/1.2/Maaaa', 'd/1.2/Mcccc']]);
    expect(m[0].similarity).toBeGreaterThan(0.8);
  });

  it('--corrections carries a correction to the edited target and reports the match', () => {
    const sources = seedSources();
    const before = buildCatalogue(sources).catalogue;
    const target = before.targets.find((t) => t.quote === '设置完成不少于60个专业的省级质控中心')!;
    const other = before.targets.find((t) => t.documentId !== target.documentId)!;
    const corrections: CatalogueCorrections = {
      source: '目录审核.xlsx',
      corrections: [
        {
          row: 5,
          action: 'edit',
          targetId: target.id,
          quote: target.quote,
          fields: { lead: ['省卫生健康委'] },
        },
        { row: 6, action: 'confirm', targetId: other.id, quote: other.quote, fields: {} },
        {
          row: 7,
          action: 'delete',
          targetId: `${target.documentId}/9.9/Mdeadbeef`,
          quote: '无关的句子',
          fields: {},
        },
      ],
    };
    const i = sources.findIndex((s) => s.name.startsWith('002'));
    const edited = dec.decode(sources[i].bytes).replace('不少于60个专业', '不少于70个专业');
    const changed = sources.map((s, k) =>
      k === i ? { name: s.name, bytes: new TextEncoder().encode(edited) } : s,
    );
    const r = buildCatalogue(changed, { corrections });
    const now = r.catalogue.targets.find((t) => t.quote === '设置完成不少于70个专业的省级质控中心')!;
    expect(now.id).not.toBe(target.id);
    expect(now).toMatchObject({ lead: ['省卫生健康委'], corrected: 'edited', value: 70 });
    expect(r.correctionsApplied).toBe(2);
    expect(r.staleCorrections.map((s) => s.row)).toEqual([7]);
    expect(r.warnings.join('\n')).toContain(
      `第 5 行：编号 ${target.id} 在重新生成的目录中已不存在，按原文相似`,
    );
    expect(r.warnings.join('\n')).toContain(now.id);
  });
});
