/**
 * Building a catalogue from several files and reading catalogue.json back (index.ts, schema.ts): which
 * file is skipped and why, two copies of one document, an empty file, the text a host already read,
 * and the Chinese message that names the field of a catalogue.json that is wrong. The policy texts are
 * a few lines written for this test; expected ids, messages and fields are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogue, buildFromTexts, parseCatalogueJson } from '../src/core/catalogue/index.js';
import { isLuoshiError, type LuoshiError } from '../src/core/errors.js';

const PLAN = [
  '某市卫生健康委员会关于印发某市基层医疗卫生服务能力提升方案的通知',
  '某卫发〔2022〕8号',
  '一、加强机构建设。到2025年，新建社区医院20家。',
  '二、培养人才队伍。培养全科医生500名。',
].join('\n');
const OTHER = ['某市养老服务实施方案', '一、新建养老机构。到2025年新建养老机构10家。'].join('\n');
const utf8 = (s: string) => new TextEncoder().encode(s);

function thrown(f: () => unknown): LuoshiError {
  try {
    f();
  } catch (e) {
    if (isLuoshiError(e)) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('building from several files', () => {
  it('names each document by its file name without the folder', () => {
    const r = buildCatalogue([
      { name: 'C:\\政策\\2022\\提升方案.txt', bytes: utf8(PLAN) },
      { name: '/srv/政策/养老方案.txt', bytes: utf8(OTHER) },
    ]);
    expect(r.catalogue.documents.map((d) => [d.id, d.source])).toEqual([
      ['某卫发-2022-8', '提升方案.txt'],
      [expect.stringMatching(/^doc-/), '养老方案.txt'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('uses the text a host has already read rather than the bytes', () => {
    const r = buildCatalogue([{ name: 'plan.docx', bytes: new Uint8Array([80, 75, 3, 4]), text: PLAN }]);
    expect(r.catalogue.targets.map((t) => t.value)).toEqual([20, 500]);
    expect(r.texts.get('某卫发-2022-8')).toBe(PLAN);
  });

  it('refuses one empty file with its name, and skips it among others with a warning', () => {
    const e = thrown(() => buildCatalogue([{ name: 'dir/空.txt', bytes: new Uint8Array() }]));
    expect(e.code).toBe('empty-file');
    expect(e.message).toBe('空.txt 是空文件（0 字节），无法生成目录');
    const r = buildCatalogue([
      { name: 'dir/空.txt', bytes: new Uint8Array() },
      { name: 'plan.txt', bytes: utf8(PLAN) },
    ]);
    expect(r.warnings).toEqual(['已跳过：空.txt 是空文件（0 字节），无法生成目录']);
    expect(r.catalogue.documents).toHaveLength(1);
  });

  it('says so when there is no file, and lists every file when none can be read', () => {
    expect(thrown(() => buildCatalogue([])).code).toBe('no-input');
    expect(thrown(() => buildFromTexts([])).message).toBe('没有提供任何政策文件，无法生成目录');
    const e = thrown(() =>
      buildCatalogue([
        { name: 'a.txt', bytes: new Uint8Array() },
        { name: 'b.txt', bytes: new Uint8Array() },
      ]),
    );
    expect(e.code).toBe('nothing-built');
    expect(e.message).toBe(
      '所有文件都无法读取，未生成目录：\n  - a.txt 是空文件（0 字节），无法生成目录\n  - b.txt 是空文件（0 字节），无法生成目录',
    );
  });

  it('skips a text with no headings among others, and refuses it alone', () => {
    const prose = '这是一段说明。';
    expect(thrown(() => buildFromTexts([{ name: 'x/说明.txt', text: prose }])).code).toBe('no-headings');
    const r = buildFromTexts([
      { name: 'x/说明.txt', text: prose },
      { name: 'plan.txt', text: PLAN },
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^已跳过：说明\.txt 中没有找到任何标题层级/);
  });

  it('gives a second copy of one document its own ids, with a warning naming the 文号', () => {
    const r = buildFromTexts([
      { name: 'a.txt', text: PLAN },
      { name: 'b.txt', text: PLAN },
      { name: 'c.txt', text: PLAN },
    ]);
    const c = r.catalogue;
    expect(c.documents.map((d) => d.id)).toEqual(['某卫发-2022-8', '某卫发-2022-8~2', '某卫发-2022-8~3']);
    expect(r.warnings).toEqual([
      'b.txt 与前面的文件发文字号相同（某卫发〔2022〕8号），编号加后缀 ~2',
      'c.txt 与前面的文件发文字号相同（某卫发〔2022〕8号），编号加后缀 ~3',
    ]);
    const second = (x: { documentId: string; id: string }) => x.documentId === '某卫发-2022-8~2';
    expect(c.targets.filter(second)).toHaveLength(2);
    expect(c.tasks.filter(second)).toHaveLength(2);
    expect(c.headings.filter(second)).toHaveLength(2);
    for (const x of [...c.targets, ...c.tasks, ...c.headings].filter(second)) {
      expect(x.id.startsWith('某卫发-2022-8~2/')).toBe(true);
    }
    for (const t of c.targets.filter(second)) expect(t.taskId?.startsWith('某卫发-2022-8~2/')).toBe(true);
    expect(new Set(c.targets.map((t) => t.id)).size).toBe(6);
    expect(r.texts.get('某卫发-2022-8~2')).toBe(PLAN);
  });

  it('names a copy without 文号 by its title in the warning', () => {
    const r = buildFromTexts([
      { name: 'a.txt', text: OTHER },
      { name: 'b.txt', text: OTHER },
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^b\.txt 与前面的文件发文字号相同（某市养老服务实施方案），编号加后缀 ~2$/),
    ]);
  });

  it('says what each target measures, and versions the catalogue by its content', () => {
    const a = buildFromTexts([{ name: 'a.txt', text: PLAN }]).catalogue;
    expect(a.targets.map((t) => t.kind)).toEqual(['total', 'total']);
    expect(a.version).toMatch(/^[0-9a-f]{20}$/);
    expect(buildFromTexts([{ name: 'a.txt', text: PLAN }]).catalogue.version).toBe(a.version);
    expect(
      buildFromTexts([{ name: 'a.txt', text: PLAN.replace('500名', '600名') }]).catalogue.version,
    ).not.toBe(a.version);
  });
});

describe('reading catalogue.json', () => {
  const good = () =>
    JSON.parse(JSON.stringify(buildFromTexts([{ name: 'a.txt', text: PLAN }]).catalogue)) as Record<
      string,
      unknown
    >;

  it('reads a catalogue it wrote, also after a byte-order mark', () => {
    const c = good();
    expect(parseCatalogueJson(`\ufeff${JSON.stringify(c)}`, 'catalogue.json').targets).toHaveLength(2);
  });

  it('names the file when the text is not JSON', () => {
    const e = thrown(() => parseCatalogueJson('{"format":', '目录.json'));
    expect(e.code).toBe('bad-json');
    expect(e.message).toMatch(
      /^目录\.json 不是有效的 JSON 文件（.+），请使用 luoshi catalogue build 生成的 catalogue\.json$/,
    );
  });

  it('says a JSON file without the catalogue format mark is not a catalogue', () => {
    for (const text of ['{}', '[]', '{"format":"luoshi-workbook"}']) {
      const e = thrown(() => parseCatalogueJson(text, '目录.json'));
      expect(e.code).toBe('not-a-catalogue');
      expect(e.message).toBe(
        '目录.json 不是 luoshi 指标目录（缺少 "format": "luoshi-catalogue"），请使用 luoshi catalogue build 生成的 catalogue.json',
      );
    }
  });

  it('names the wrong field by its place and its Chinese name, and counts the problems', () => {
    const c = good();
    const targets = c.targets as Record<string, unknown>[];
    targets[1].comparator = '大约';
    const e = thrown(() => parseCatalogueJson(JSON.stringify(c), '目录.json'));
    expect(e.code).toBe('bad-catalogue');
    expect(e.message).toMatch(
      /^目录\.json 的字段 targets（指标）\[2\]\.comparator（比较） 有误：.+（共 1 处问题）$/,
    );

    targets[1].comparator = '>=';
    targets[0].deadline = '2025年';
    (c.documents as Record<string, unknown>[])[0].title = 5;
    const two = thrown(() => parseCatalogueJson(JSON.stringify(c), '目录.json'));
    expect(two.message).toMatch(
      /^目录\.json 的字段 documents（文件）\[1\]\.title（标题） 有误：.+（共 2 处问题）$/,
    );
  });

  it('names a field without a Chinese name by its key alone', () => {
    const c = good();
    (c.targets as Record<string, unknown>[])[0].perYear = 'yes';
    expect(thrown(() => parseCatalogueJson(JSON.stringify(c), '目录.json')).message).toMatch(
      /^目录\.json 的字段 targets（指标）\[1\]\.perYear 有误：/,
    );
  });

  it('names the whole file when the JSON is not an object', () => {
    expect(thrown(() => parseCatalogueJson('null', '目录.json')).message).toMatch(
      /^目录\.json 的字段 （整个文件） 有误：/,
    );
  });
});
