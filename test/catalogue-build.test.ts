/**
 * The catalogue core on the real seeds: metadata, quotes, stable ids, GBK input,
 * responsibility notes, tables, and several files with a bad one among them.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { buildCatalogue, buildFromTexts } from '../src/core/catalogue/index.js';
import type { Catalogue, Task } from '../src/core/model/catalogue.js';
import { seedBuild, seedCatalogue, seedSources } from './helpers/seeds.js';

const enc = new TextEncoder();

function textOf(name: string): string {
  const s = seedSources().find((x) => x.name.startsWith(name));
  if (!s) throw new Error(`no seed ${name}`);
  return new TextDecoder().decode(s.bytes);
}

function taskContaining(c: Catalogue, snippet: string): Task {
  const t = c.tasks.find((k) => k.text.includes(snippet));
  if (!t) throw new Error(`no task contains ${snippet}`);
  return t;
}

describe('documents', () => {
  it('reads 发文字号, title, issuer and 成文日期 of each seed, junk line included', () => {
    const docs = seedCatalogue().documents;
    expect(docs.map((d) => d.docNumber)).toEqual([
      '吉政发〔2014〕14号',
      '吉市政办发〔2018〕19号',
      '吉政办发〔2023〕21号',
      '发改社会〔2019〕1427号',
      '韶府〔2016〕9号',
    ]);
    expect(docs.map((d) => d.id)).toEqual([
      '吉政发-2014-14',
      '吉市政办发-2018-19',
      '吉政办发-2023-21',
      '发改社会-2019-1427',
      '韶府-2016-9',
    ]);
    expect(docs.map((d) => d.date)).toEqual([
      '2014-04-28',
      '2018-04-28',
      '2023-08-22',
      '2019-08-28',
      '2016-02-23',
    ]);
    expect(docs[0].title).toBe('吉林省人民政府关于促进健康服务业发展的实施意见');
    expect(docs[0].issuer).toBe('吉林省人民政府');
    // 003 starts with a line of web-page junk; the title is the notice line, the issuer its first signatory
    expect(docs[3].title).toBe('关于印发《促进健康产业高质量发展行动纲要(2019-2022年)》的通知');
    expect(docs[3].issuer).toBe('国家发展改革委');
    expect(docs[4].title).toBe('韶关市人民政府关于印发韶关市促进健康服务业发展实施方案（2016—2020年）的通知');
    expect(docs.map((d) => d.source)).toEqual(seedSources().map((s) => s.name));
  });

  it('builds the heading tree with labels as written', () => {
    const c = seedCatalogue();
    const h002 = c.headings.filter((h) => h.documentId === '吉政办发-2023-21');
    expect(h002.filter((h) => h.level === 1).map((h) => h.label)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
      '七、',
    ]);
    expect(h002.filter((h) => h.level === 2)).toHaveLength(23);
    // 001 numbers its (一)…(二十二) straight through the sections, with half-width brackets
    const h001 = c.headings.filter((h) => h.documentId === '吉市政办发-2018-19' && h.level === 2);
    expect(h001.map((h) => h.label).slice(-3)).toEqual(['(二十)', '(二十一)', '(二十二)']);
    expect(h001.find((h) => h.label === '(八)')!.path).toEqual(['四、', '(八)']);
    for (const h of c.headings) {
      const text = textOf(c.documents.find((d) => d.id === h.documentId)!.source.slice(0, 3));
      expect(text.slice(h.offset, h.offset + h.label.length)).toBe(h.label);
    }
  });
});

describe('targets', () => {
  it('every quote is an exact substring of its source at its offset', () => {
    const { catalogue, texts } = seedBuild();
    expect(catalogue.targets.length).toBeGreaterThan(50);
    for (const t of catalogue.targets) {
      const text = texts.get(t.documentId)!;
      expect(text.slice(t.offset, t.offset + t.quote.length)).toBe(t.quote);
    }
  });

  it('keeps full-width digits in quotes and parses them as numbers', () => {
    const t = seedCatalogue().targets.find((x) =>
      x.quote.includes('商业健康保险支出占卫生总费用的比重达到５％'),
    )!;
    expect(t).toMatchObject({ comparator: '>=', value: 5, unit: '%', deadline: '2020', perYear: false });
    const linked = seedCatalogue().targets.filter(
      (x) => x.quote.includes('４１０００人') || x.quote.includes('１.５‰'),
    );
    expect(linked.map((x) => [x.value, x.unit])).toEqual([
      [1.5, '‰'],
      [41000, '人'],
    ]);
    expect(linked[0].linked).toEqual([linked[1].id]);
    expect(linked[1].linked).toEqual([linked[0].id]);
  });

  it('normalises magnitudes and reads per-year and per-unit figures', () => {
    const c = seedCatalogue();
    const yi = c.targets.find((x) => x.unit === '亿元')!;
    expect(yi).toMatchObject({ comparator: '≈', value: 300, normalizedValue: 3e10, baseUnit: '元' });
    const perYear = c.targets.find((x) => x.unit === '万人')!;
    expect(perYear).toMatchObject({
      value: 5,
      normalizedValue: 50000,
      baseUnit: '人',
      perYear: true,
      comparator: '>=',
    });
    const perUnit = c.targets.find((x) => x.quote.includes('至少建成1所'))!;
    expect(perUnit).toMatchObject({
      comparator: '>=',
      value: 1,
      unit: '所',
      perUnit: '每个市（州）、县（市）',
      deadline: '2025',
    });
  });

  it('reads 004 table rows as tasks with their units and the row figure as a target', () => {
    const c = seedCatalogue();
    const rows = c.tasks.filter((t) => t.origin === 'table');
    expect(rows).toHaveLength(17);
    // the annex cells ("\t2.公立医院改革") are table cells, not headings of the text
    const annexAt = textOf('004').indexOf('附件：');
    expect(c.headings.filter((h) => h.documentId === '韶府-2016-9' && h.offset > annexAt)).toEqual([]);
    const first = rows[0];
    expect(first.path).toEqual(['附件', '一、', '1.']);
    expect(first.lead).toEqual(['市卫计局', '各县（市、区）政府']);
    expect(first.participants).toEqual(['市人社局', '市财政局', '市发改局']);
    // an empty cell continues the one above: row 2 of group 一 keeps group 一
    expect(rows[1].path).toEqual(['附件', '一、', '2.']);
    // a unit name broken over two lines inside a cell is joined
    expect(rows.some((r) => r.participants.includes('丹霞山管委会'))).toBe(true);
    const t = c.targets.find((x) => x.quote.includes('831个'))!;
    expect(t).toMatchObject({
      value: 831,
      unit: '个',
      lead: ['市卫计局', '各县（市、区）政府'],
      participants: ['市人社局', '市财政局', '市发改局'],
    });
    expect(t.taskId).toBe(rows[2].id);
  });
});

describe('responsibility notes on real passages', () => {
  it('"（A负责，B、C参与）" gives one lead and participants (004)', () => {
    const t = taskContaining(seedCatalogue(), '力争全市2020年非公立医疗机构诊疗量');
    expect(t.lead).toEqual(['市卫计局']);
    expect(t.participants).toEqual(['市人社局', '市发改局', '市工商局']);
    expect(t.text).not.toContain('负责');
  });

  it('"（A负责、B参与）" and "（A、B分别负责，C参与）" (004)', () => {
    const c = seedCatalogue();
    expect(taskContaining(c, '优先支持社会力量举办非营利性健康服务机构')).toMatchObject({
      lead: ['市卫计局'],
      participants: ['市民政局'],
    });
    const t = c.tasks.find((k) => k.title === '健全医养结合协作机制')!;
    expect(t).toMatchObject({ lead: ['市民政局', '市卫计局'], participants: ['市人社局'] });
  });

  it('"(A、B、C分别负责)": each leads (001)', () => {
    const t = taskContaining(seedCatalogue(), '探索设立中医药特色医养结合机构');
    expect(t.lead).toEqual(['市卫生计生委', '民政局', '旅发委']);
    expect(t.participants).toEqual([]);
  });

  it('a note closes its whole item, over several paragraphs, and never a neighbour (001)', () => {
    const c = seedCatalogue();
    const first = c.tasks.find((k) => k.path.join('') === '三、(一)')!;
    expect(first.text).toContain('优先将执业范围注册或加注全科医学的医师签约为家庭医生');
    expect(first.lead).toEqual(['市卫生计生委']);
    // (二十)…(二十二) have no note and get no units from their neighbours
    for (const label of ['(二十)', '(二十一)', '(二十二)']) {
      const t = c.tasks.find((k) => k.documentId === '吉市政办发-2018-19' && k.path[1] === label)!;
      expect(t.lead).toEqual([]);
      expect(t.participants).toEqual([]);
    }
  });

  it('"排第一位为牵头部门,下同" sets a rule for the rest of the document (003)', () => {
    const c = seedCatalogue();
    const ruleTask = c.tasks.find((k) => k.title === '建设区域医疗中心')!;
    expect(ruleTask).toMatchObject({ lead: ['发展改革委'], participants: ['卫生健康委', '中医药局'] });
    const later = c.tasks.find((k) => k.title === '支持优质社会办医扩容')!;
    expect(later).toMatchObject({ lead: ['卫生健康委'], participants: ['发展改革委', '中医药局'] });
    // "分别负责" still makes each unit lead
    const each = c.tasks.find((k) => k.title === '建设全民健康信息平台')!;
    expect(each).toMatchObject({ lead: ['卫生健康委', '发展改革委'], participants: [] });
  });

  it('parentheses that are not notes (（州）, （含境外）, （不含药品）) yield no unit (000)', () => {
    const c = seedCatalogue();
    const tasks000 = c.tasks.filter((t) => t.documentId === '吉政发-2014-14');
    expect(tasks000.length).toBeGreaterThan(20);
    for (const t of tasks000) {
      expect(t.lead).toEqual([]);
      expect(t.participants).toEqual([]);
    }
    expect(taskContaining(c, '都要向外地（含境外）资本开放').text).toContain('（含境外）');
    // the closing paragraph ("各地、各有关部门要把…") is not part of the last item
    const last = tasks000[tasks000.length - 1];
    expect(last.title).toBe('营造良好社会氛围');
    expect(last.text).not.toContain('各地、各有关部门要把发展健康服务业放在重要位置');
  });

  it('"（牵头单位：X；配合单位：Y）" and a mid-paragraph note', () => {
    const text = [
      '某市人民政府关于推进某项工作的实施意见',
      '一、主要任务',
      '（一）加强组织。建立干部培训机制（牵头单位：市委组织部；配合单位：市国资委、市人社局）。',
      '（二）完善设施。每个县（市）建成1所服务中心（州）。',
    ].join('\n');
    const { catalogue } = buildFromTexts([{ name: 'x.txt', text }]);
    expect(catalogue.tasks[0]).toMatchObject({
      lead: ['市委组织部'],
      participants: ['市国资委', '市人社局'],
    });
    expect(catalogue.tasks[1]).toMatchObject({ lead: [], participants: [] });
  });
});

describe('stable ids', () => {
  it('rebuilding the same text gives the same ids and version', () => {
    const a = buildCatalogue(seedSources()).catalogue;
    const b = buildCatalogue(seedSources()).catalogue;
    expect(b.targets.map((t) => t.id)).toEqual(a.targets.map((t) => t.id));
    expect(b.tasks.map((t) => t.id)).toEqual(a.tasks.map((t) => t.id));
    expect(b.version).toBe(a.version);
    expect(new Set(a.targets.map((t) => t.id)).size).toBe(a.targets.length);
    expect(new Set(a.tasks.map((t) => t.id)).size).toBe(a.tasks.length);
  });

  it('editing one paragraph changes only the ids inside it, and the version', () => {
    const sources = seedSources();
    const before = buildCatalogue(sources).catalogue;
    const i = sources.findIndex((s) => s.name.startsWith('002'));
    const text = new TextDecoder().decode(sources[i].bytes);
    const edited = text.replace(
      '设置完成不少于60个专业的省级质控中心',
      '设置完成不少于70个专业的省级质控中心',
    );
    expect(edited).not.toBe(text);
    const changed = sources.map((s, k) => (k === i ? { name: s.name, bytes: enc.encode(edited) } : s));
    const after = buildCatalogue(changed).catalogue;
    expect(after.version).not.toBe(before.version);
    const beforeIds = new Set(before.targets.map((t) => t.id));
    const afterIds = new Set(after.targets.map((t) => t.id));
    const gone = before.targets.filter((t) => !afterIds.has(t.id));
    const fresh = after.targets.filter((t) => !beforeIds.has(t.id));
    // only the edited clause's target has a new id; everything else, in every document, keeps its id
    expect(gone.map((t) => t.quote)).toEqual(['设置完成不少于60个专业的省级质控中心']);
    expect(fresh.map((t) => [t.quote, t.value])).toEqual([['设置完成不少于70个专业的省级质控中心', 70]]);
    const goneTasks = before.tasks.filter((t) => !after.tasks.some((u) => u.id === t.id));
    expect(goneTasks.map((t) => t.path.join(''))).toEqual(['四、（十）']);
  });
});

describe('input encodings and bad files', () => {
  it('GBK/GB18030 input gives the same catalogue', () => {
    const utf8 = seedSources();
    const gbk = utf8.map((s) => ({
      name: s.name,
      bytes: new Uint8Array(iconv.encode(new TextDecoder().decode(s.bytes), 'gb18030')),
    }));
    expect(Buffer.compare(Buffer.from(gbk[0].bytes), Buffer.from(utf8[0].bytes))).not.toBe(0);
    const a = buildCatalogue(utf8).catalogue;
    const b = buildCatalogue(gbk).catalogue;
    expect(b).toEqual(a);
  });

  it('with several files, a bad one is reported and the rest are built', () => {
    const sources = [
      ...seedSources().slice(0, 2),
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'image.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]) },
      { name: 'prose.txt', bytes: enc.encode('这是一段没有任何标题层级的文字。\n第二行文字。') },
    ];
    const r = buildCatalogue(sources);
    expect(r.catalogue.documents).toHaveLength(2);
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings.join('\n')).toMatch(/empty\.txt.*空文件/);
    expect(r.warnings.join('\n')).toMatch(/image\.txt.*二进制/);
    expect(r.warnings.join('\n')).toMatch(/prose\.txt.*标题/);
  });

  it('a single bad file raises a Chinese LuoshiError', () => {
    expect(() => buildCatalogue([{ name: 'empty.txt', bytes: new Uint8Array(0) }])).toThrow(/空文件/);
    expect(() => buildCatalogue([{ name: 'blank.txt', bytes: enc.encode('  \n\u3000\n') }])).toThrow(
      /空文件/,
    );
    expect(() => buildCatalogue([{ name: 'prose.txt', bytes: enc.encode('只有一句话。') }])).toThrow(
      /没有找到任何标题层级/,
    );
  });
});
