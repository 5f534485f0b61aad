/**
 * The fuzz corpus: generators per input class, seeded from the failures of issue 14 and then beyond
 * them (random texts, bytes, names and argument lists from a fixed-seed generator, so every run sees the
 * same cases). `sample` is the bounded subset `npm test` runs; the full corpus is `npm run fuzz`.
 */
import { strToU8, zipSync } from 'fflate';
import { lyingZip, overlappingZip } from './http.js';
import { readWorkbookGridExceljs } from '../../src/xlsx/read-grid.js';
import { readWorkbookGridFast } from '../../src/xlsx/fast-grid.js';
import { readSubmission } from '../../src/core/workbook/read.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  editParts,
  editSheet,
  fixtures,
  replaceNumber,
  replaceText,
  SENTINEL_DATE,
  SENTINEL_NUMBER,
  SENTINEL_TEXT,
  unzip,
  zip,
  type Fixtures,
} from './fixtures.js';
import type { FuzzCase } from './oracle.js';
import { runCli, type CliResult } from './cli.js';

/** mulberry32: a small deterministic generator, so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** XML text for a cell as Excel writes it: entities for & < >, _xHHHH_ for control characters and "_x". */
export function excelXmlText(s: string): string {
  return s
    .replace(/_(?=x[0-9A-F]{4}_)/g, '_x005F_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      // eslint-disable-next-line no-control-regex -- control characters are the point here
      /[\u0000-\u0008\u000b-\u001f\u007f]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

const PIECES = [
  '落实',
  '进展',
  '滞后',
  '# 标题',
  '\n::pagebreak\n',
  '::table',
  '{{title}}',
  '<w:p>',
  '</t>',
  '&amp;',
  '_x0041_',
  '\u0001',
  '\u001f',
  '\t',
  '\n',
  '=HYPERLINK("http://x")',
  '@SUM(1)',
  '+1',
  '-1',
  '😀',
  '\u202e',
  '\ufeff',
  '％',
  '１２３',
  '"',
  "'",
  '\\',
  '${x}',
  '%s',
  'NaN',
  '1e12',
  '　',
  'x'.repeat(300),
  '长春市',
  '~$',
  '…',
];

function randomText(r: () => number, max = 8): string {
  const n = 1 + Math.floor(r() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, PIECES);
  // textCell trims and folds CRLF; keep both out so the expected text is exactly what was typed.
  return s.trim().replace(/\r/g, '') || '文字';
}

type Json = Record<string, unknown>;

function parseJson(s: string): Json | Json[] | null {
  try {
    return JSON.parse(s) as Json | Json[];
  } catch {
    return null;
  }
}

/** The first target's entry in `check --json` output. */
function firstEntry(r: CliResult, targetId: string): Json | null {
  const j = parseJson(r.stdout);
  const one = Array.isArray(j) ? j[0] : j;
  const entries = (one?.entries ?? []) as Json[];
  return entries.find((e) => e.targetId === targetId) ?? null;
}

/** Windows' rules for a file name, written independently of src/host/file-names.ts. */
export function windowsValid(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are the point here
  if (/[<>:"/\\|?*\u0000-\u001f]/.test(name)) return false;
  if (/[. ]$/.test(name)) return false;
  const stem = name.split('.')[0].toUpperCase();
  return ![
    'CON',
    'PRN',
    'AUX',
    'NUL',
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((i) => [`COM${i}`, `LPT${i}`]),
  ].includes(stem);
}

interface Corpus {
  all: FuzzCase[];
  sample: FuzzCase[];
}

/** Everything a case needs from the fixtures, as files. */
function base(f: Fixtures): Record<string, Uint8Array | string> {
  return { 'catalogue.json': f.catalogueJson };
}

function workbookValueCases(f: Fixtures, firstId: string): FuzzCase[] {
  const out: FuzzCase[] = [];
  const badDates = [
    '1e12',
    'NaN',
    '-1',
    '0x1A',
    '1e308',
    'INF',
    '1E+400',
    'abc',
    '2958466',
    '-0.5',
    '1e-400x',
  ];
  for (const raw of badDates) {
    const bytes = replaceNumber(f.sentinel, SENTINEL_DATE, raw);
    out.push({
      id: `date:${raw}`,
      klass: 'workbook value',
      files: { 'a.xlsx': bytes },
      args: ['check', '@/a.xlsx'],
      expect: {
        kind: 'accepted',
        codes: [1],
        check: (r) => (/指标![A-Z]+\d+：.*不是日期/.test(r.stdout) ? null : 'no cell named'),
      },
    });
    out.push({
      id: `date-batch:${raw}`,
      klass: 'workbook value',
      files: { 'in/a.xlsx': bytes, 'in/b.xlsx': f.other },
      args: ['check', '@/in'],
      expect: {
        kind: 'accepted',
        codes: [1],
        check: (r) =>
          r.stdout.includes('吉林市') && /共 2 个文件/.test(r.stderr) ? null : 'batch stopped or no total',
      },
    });
  }
  for (const raw of ['0x1A', 'NaN', '1,5', '--1', '1e400', 'Infinity', '0b11', '١٢']) {
    out.push({
      id: `number:${raw}`,
      klass: 'workbook value',
      files: { 'a.xlsx': replaceNumber(f.sentinel, SENTINEL_NUMBER, raw) },
      args: ['check', '--json', '@/a.xlsx'],
      expect: {
        kind: 'accepted',
        codes: [1],
        check: (r) =>
          firstEntry(r, firstId)?.actual === null
            ? null
            : `read as ${JSON.stringify(firstEntry(r, firstId)?.actual)}`,
      },
    });
  }
  for (const raw of ['+5', '.5', '5.', ' 7 ', '1e3', '-0']) {
    out.push({
      id: `number-ok:${raw}`,
      klass: 'workbook value',
      files: { 'a.xlsx': replaceNumber(f.sentinel, SENTINEL_NUMBER, raw) },
      args: ['check', '--json', '@/a.xlsx'],
      expect: {
        kind: 'accepted',
        codes: [0, 1],
        check: (r) =>
          firstEntry(r, firstId)?.actual === Number(raw)
            ? null
            : `read as ${JSON.stringify(firstEntry(r, firstId)?.actual)}`,
      },
    });
  }
  return out;
}

function textCases(f: Fixtures, firstId: string, count: number): FuzzCase[] {
  const r = rng(14);
  const texts = [
    '_x0041_',
    'a\u0001b\u001fc',
    '_x005F_x0041_',
    '<b>粗</b> & 「引」',
    '正常\n# 标题\n::pagebreak\n::table',
    'x'.repeat(100_000),
  ];
  while (texts.length < count) texts.push(randomText(r));
  return texts.map((text, i) => ({
    id: `text:${i}`,
    klass: 'workbook text',
    files: { 'a.xlsx': replaceText(f.sentinel, excelXmlText(text)) },
    args: ['check', '--json', '@/a.xlsx'],
    expect: {
      kind: 'accepted',
      codes: [0, 1],
      check: (res) => {
        const got = firstEntry(res, firstId)?.progress;
        return got === text
          ? null
          : `progress read as ${JSON.stringify(got)?.slice(0, 120)}, typed ${JSON.stringify(text).slice(0, 120)}`;
      },
    },
  }));
}

function upgradeCases(f: Fixtures, firstId: string): FuzzCase[] {
  return ['_x0041_', 'a\u0001b\u000bc', '_x005F_ 与 _x000D_'].map((text, i) => ({
    id: `upgrade:${i}`,
    klass: 'workbook upgrade',
    files: { ...base(f), 'a.xlsx': replaceText(f.sentinel, excelXmlText(text)) },
    args: [
      'workbook',
      '--upgrade',
      '@/a.xlsx',
      '--catalogue',
      '@/catalogue.json',
      '-o',
      '@/b.xlsx',
      '--no-protect',
    ],
    outputs: ['b.xlsx'],
    expect: {
      kind: 'accepted',
      codes: [0],
      check: (_r, dir) => {
        const bytes = new Uint8Array(readFileSync(path.join(dir, 'b.xlsx')));
        const sub = readSubmission(readWorkbookGridFast(bytes), { source: 'b.xlsx' });
        const got = sub.entries.find((e) => e.targetId === firstId)?.progress;
        return got === text ? null : `upgrade changed ${JSON.stringify(text)} into ${JSON.stringify(got)}`;
      },
    },
  }));
}

async function sameAsOriginal(f: Fixtures, bytes: Uint8Array): Promise<string | null> {
  const want = readSubmission(await readWorkbookGridExceljs(f.filled, 'a.xlsx'), { source: 'a.xlsx' });
  const got = readSubmission(readWorkbookGridFast(bytes), { source: 'a.xlsx' });
  return JSON.stringify(got.entries) === JSON.stringify(want.entries) &&
    JSON.stringify(got.taskEntries) === JSON.stringify(want.taskEntries)
    ? null
    : 'variant read differently from the original';
}

/** Well-formed variants of the same sheet XML: the fast reader must read them as exceljs reads the original. */
const VARIANTS: [string, (xml: string) => string][] = [
  ['newline-after-c', (x) => x.replace(/<c /g, '<c\n  ')],
  ['tabs-around-eq', (x) => x.replace(/<c r="/g, '<c\tr\t=\t"')],
  ['single-quotes', (x) => x.replace(/<c r="([A-Z]+\d+)"/g, "<c r='$1'")],
  ['prefix', (x) => x.replace(/<(\/?)(?!\?)([A-Za-z])/g, '<$1x:$2').replace(/xmlns="/, 'xmlns:x="')],
  ['comments', (x) => x.replace(/<row /g, '<!-- <c r="A1"><v>9</v></c> --><row ')],
  ['cdata-values', (x) => x.replace(/<v>([^<]*)<\/v>/g, '<v><![CDATA[$1]]></v>')],
];

function variantCases(f: Fixtures): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (const [name, edit] of VARIANTS) {
    const bytes = editParts(
      f.filled,
      (p) => p.startsWith('xl/worksheets/') || (name === 'prefix' && p === 'xl/sharedStrings.xml'),
      edit,
    );
    out.push({
      id: `variant:${name}`,
      klass: 'workbook xml variant',
      files: { 'a.xlsx': bytes },
      args: ['check', '@/a.xlsx'],
      expect: { kind: 'accepted', codes: [0, 1] },
    });
    out.push({
      id: `variant-values:${name}`,
      klass: 'workbook xml variant',
      files: { 'a.xlsx': bytes },
      args: ['check', '--json', '@/a.xlsx'],
      expect: { kind: 'accepted', codes: [0, 1], check: () => sameAsOriginal(f, bytes) },
    });
  }
  const cdata = editParts(
    f.filled,
    (p) => p === 'xl/sharedStrings.xml',
    (x) => x.replace(/<t([^>]*)>([^<]*)<\/t>/g, '<t$1><![CDATA[$2]]></t>'),
  );
  out.push({
    id: 'variant:cdata-strings',
    klass: 'workbook xml variant',
    files: { 'a.xlsx': cdata },
    args: ['check', '@/a.xlsx'],
    expect: { kind: 'accepted', codes: [0, 1], check: () => sameAsOriginal(f, cdata) },
  });
  return out;
}

function structureCases(f: Fixtures): FuzzCase[] {
  const out: FuzzCase[] = [];
  const refs = ['A4000000000', 'A99999999', 'XFE1', 'A1048577', 'ZZZZ1', 'A0', 'A-1', '1A', 'A1.5', ''];
  for (const ref of refs) {
    const bytes = editSheet(f.filled, '指标', (x) =>
      x.replace('</sheetData>', `<row r="7"><c r="${ref}"><v>1</v></c></row></sheetData>`),
    );
    out.push({
      id: `ref:${ref}`,
      klass: 'workbook structure',
      files: { 'a.xlsx': bytes },
      args: ['check', '@/a.xlsx'],
      expect: { kind: 'handled' },
    });
    out.push({
      id: `ref-batch:${ref}`,
      klass: 'workbook structure',
      files: { 'in/a.xlsx': bytes, 'in/b.xlsx': f.other },
      args: ['consolidate', '@/in', '--workers', '0'],
      expect: {
        kind: 'accepted',
        codes: [0, 1],
        check: (r) => (r.stdout.includes('汇总 2 个文件') ? null : 'no total for both files'),
      },
    });
  }
  const xxe = editSheet(f.filled, '指标', (x) =>
    x
      .replace('?>', '?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
      .replace(/<v>([0-9.]+)<\/v>/, '<v>&xxe;</v>'),
  );
  out.push({
    id: 'xxe',
    klass: 'workbook structure',
    files: { 'a.xlsx': xxe },
    args: ['check', '--json', '@/a.xlsx'],
    expect: { kind: 'handled' },
  });
  const laughs = editParts(
    f.filled,
    (p) => p === 'xl/sharedStrings.xml',
    (x) =>
      x
        .replace(
          '?>',
          `?><!DOCTYPE sst [<!ENTITY a "${'x'.repeat(10)}">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>`,
        )
        .replace(/<t>/, '<t>&j;'),
  );
  out.push({
    id: 'billion-laughs',
    klass: 'workbook structure',
    files: { 'a.xlsx': laughs },
    args: ['check', '@/a.xlsx'],
    expect: { kind: 'handled' },
  });
  return out;
}

function byteCases(f: Fixtures, truncations: number, flips: number): FuzzCase[] {
  const out: FuzzCase[] = [];
  const r = rng(9);
  for (let i = 0; i < truncations; i++) {
    const at = Math.floor(r() * f.filled.length);
    out.push({
      id: `truncate:${at}`,
      klass: 'workbook bytes',
      files: { 'a.xlsx': f.filled.slice(0, at) },
      args: ['check', '@/a.xlsx'],
      expect: { kind: 'handled' },
    });
  }
  for (let i = 0; i < flips; i++) {
    const bytes = f.filled.slice();
    const n = 1 + Math.floor(r() * 8);
    for (let k = 0; k < n; k++) bytes[Math.floor(r() * bytes.length)] ^= 1 << Math.floor(r() * 8);
    out.push({
      id: `flip:${i}`,
      klass: 'workbook bytes',
      files: { 'a.xlsx': bytes },
      args: ['check', '@/a.xlsx'],
      expect: { kind: 'handled' },
    });
  }
  const odd: [string, Uint8Array | string][] = [
    ['empty', ''],
    ['text', '这不是表格'],
    [
      'ole',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]),
    ],
    ['pdf', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'],
    ['zip-of-text', zip({ 'a.txt': strToU8('hello') })],
  ];
  for (const [name, bytes] of odd) {
    out.push({
      id: `odd:${name}`,
      klass: 'workbook bytes',
      files: { 'a.xlsx': bytes },
      args: ['check', '@/a.xlsx'],
      expect: { kind: 'refused' },
    });
  }
  for (const part of Object.keys(unzip(f.filled))) {
    const parts = unzip(f.filled);
    delete parts[part];
    out.push({
      id: `drop:${part}`,
      klass: 'workbook bytes',
      files: { 'a.xlsx': zip(parts) },
      args: ['check', '@/a.xlsx'],
      expect: { kind: 'handled' },
    });
  }
  return out;
}

/** Declared uncompressed size of the zip's first central entry set to `size` (data unchanged). */
function declareFirst(z: Uint8Array, size: number): Uint8Array {
  const out = z.slice();
  const v = new DataView(out.buffer);
  new DataView(out.buffer).setUint32(v.getUint32(out.length - 22 + 16, true) + 24, size, true);
  return out;
}

/**
 * Zip bombs as workbooks (`check`) and as .docx policy texts (`catalogue build`): refused from the
 * central directory with a Chinese message naming the file. The real 110 MB bomb (3 s to build) is
 * in the full corpus only.
 */
function zipBombCases(full: boolean): FuzzCase[] {
  const zeros = (n: number, name: string) => zipSync({ [name]: new Uint8Array(n) }, { level: 9 });
  const sheet = 'xl/worksheets/sheet1.xml';
  const doc = 'word/document.xml';
  const bombs: [string, () => Uint8Array, () => Uint8Array][] = [
    ['declared-3GB', () => lyingZip(3 * 1024 ** 3), () => declareFirst(zeros(1024, doc), 3 * 1024 ** 3)],
    [
      'lying-small',
      () => declareFirst(zeros(8 << 20, sheet), 1000),
      () => declareFirst(zeros(8 << 20, doc), 1000),
    ],
    ['overlapping', () => overlappingZip(), () => overlappingZip()],
    ...(full
      ? ([['real-110MB', () => zeros(110 << 20, sheet), () => zeros(110 << 20, doc)]] as [
          string,
          () => Uint8Array,
          () => Uint8Array,
        ][])
      : []),
  ];
  const refused = /压缩炸弹|重叠/;
  return bombs.flatMap(([name, xlsx, docx]): FuzzCase[] => [
    {
      id: `zip-bomb:check:${name}`,
      klass: 'zip bomb',
      files: { 'a.xlsx': xlsx() },
      args: ['check', '@/a.xlsx'],
      expect: { kind: 'refused', message: refused },
    },
    {
      id: `zip-bomb:catalogue:${name}`,
      klass: 'zip bomb',
      files: { 'a.docx': docx() },
      args: ['catalogue', 'build', '@/a.docx', '-o', '@/c.json'],
      outputs: ['c.json'],
      // fflate inflates no further than the declared size: a lie downwards only truncates the text.
      expect: { kind: 'refused', message: name === 'lying-small' ? undefined : refused },
    },
  ]);
}

function fsCases(f: Fixtures): FuzzCase[] {
  const specials: [string, FuzzCase['files'][string], RegExp][] = [
    ['fifo', { fifo: true }, /命名管道/],
    ['dev-zero', { link: '/dev/zero' }, /设备文件/],
    ['dangling', { link: '@/nowhere.xlsx' }, /不存在/],
    ['loop', { link: '@/in/a.xlsx' }, /循环/],
    ['too-large', { sparse: 60 * 1024 * 1024 }, /太大/],
  ];
  const out: FuzzCase[] = [];
  for (const [name, input, message] of specials) {
    out.push({
      id: `fs:${name}`,
      klass: 'file system',
      files: { 'in/a.xlsx': input },
      args: ['check', '@/in/a.xlsx'],
      expect: { kind: 'refused', message },
    });
    out.push({
      id: `fs-check-batch:${name}`,
      klass: 'file system',
      files: { 'in/a.xlsx': input, 'in/b.xlsx': f.other },
      args: ['check', '@/in'],
      expect: {
        kind: 'accepted',
        codes: [1],
        check: (r) => (r.stdout.includes('吉林市') && /共 2 个文件/.test(r.stderr) ? null : 'batch stopped'),
      },
    });
    out.push({
      id: `fs-consolidate:${name}`,
      klass: 'file system',
      files: { 'in/a.xlsx': input, 'in/b.xlsx': f.other },
      args: ['consolidate', '@/in', '--workers', '0', '-o', '@/汇总.xlsx'],
      outputs: ['汇总.xlsx'],
      expect: {
        kind: 'accepted',
        codes: [0, 1],
        check: (r, dir) =>
          r.stdout.includes('汇总 2 个文件') && existsSync(path.join(dir, '汇总.xlsx')) ? null : 'no summary',
      },
    });
  }
  out.push({
    id: 'fs:folder-named-xlsx',
    klass: 'file system',
    files: { 'in/a.xlsx': { dir: true }, 'in/b.xlsx': f.other },
    args: ['check', '@/in'],
    expect: {
      kind: 'accepted',
      codes: [0],
      check: (r) => (r.stdout.includes('吉林市') ? null : 'good file not read'),
    },
  });
  out.push({
    id: 'fs:folder-alone',
    klass: 'file system',
    files: { 'a.xlsx': { dir: true } },
    args: ['check', '@/a.xlsx'],
    expect: { kind: 'refused', message: /没有 \.xlsx/ },
  });
  return out;
}

function outputCases(f: Fixtures): FuzzCase[] {
  const two = { 'in/长春市.xlsx': f.filled, 'in/吉林市.xlsx': f.other };
  const refused = (id: string, files: FuzzCase['files'], args: string[], message?: RegExp): FuzzCase => ({
    id: `output:${id}`,
    klass: 'output path',
    files,
    args,
    expect: { kind: 'refused', message },
  });
  return [
    refused('consolidate-onto-input', two, ['consolidate', '@/in', '-o', '@/in/长春市.xlsx'], /输入文件/),
    refused(
      'consolidate-onto-input-dotdot',
      two,
      ['consolidate', '@/in', '-o', '@/in/../in/长春市.xlsx'],
      /输入文件/,
    ),
    refused('consolidate-parent-is-file', { ...two, 'plain.txt': 'x' }, [
      'consolidate',
      '@/in',
      '-o',
      '@/plain.txt/汇总.xlsx',
    ]),
    refused(
      'consolidate-onto-folder',
      { ...two, '汇总.xlsx': { dir: true } },
      ['consolidate', '@/in', '-o', '@/汇总.xlsx'],
      /文件夹/,
    ),
    refused(
      'consolidate-long-name',
      two,
      ['consolidate', '@/in', '-o', `@/${'长'.repeat(300)}.xlsx`],
      /太长/,
    ),
    refused('compare-onto-old', two, [
      'compare',
      '@/in/长春市.xlsx',
      '@/in/吉林市.xlsx',
      '--cross',
      '-o',
      '@/in/长春市.xlsx',
    ]),
    refused(
      'upgrade-onto-input',
      { ...base(f), 'a.xlsx': f.filled },
      ['workbook', '--upgrade', '@/a.xlsx', '--catalogue', '@/catalogue.json', '-o', '@/a.xlsx'],
      /输入文件|相同/,
    ),
    refused('catalogue-onto-text', { 'a.txt': f.seedText }, [
      'catalogue',
      'build',
      '@/a.txt',
      '-o',
      '@/a.txt',
    ]),
    refused('workbook-onto-catalogue', base(f), [
      'workbook',
      '@/catalogue.json',
      '--office',
      '长春市',
      '--period',
      '2025年度',
      '-o',
      '@/catalogue.json',
    ]),
    refused('report-into-file-parent', { ...two, 'plain.txt': 'x' }, [
      'report',
      '@/in/长春市.xlsx',
      '-o',
      '@/plain.txt/r.docx',
    ]),
    {
      id: 'output:stale-temp-removed',
      klass: 'output path',
      files: { ...two, 'out/.luoshi-4194000-aaaaaaaaaaaa.tmp': 'leftover' },
      args: ['consolidate', '@/in', '--workers', '0', '-o', '@/out/汇总.xlsx'],
      outputs: ['out/汇总.xlsx', 'out/.luoshi-4194000-aaaaaaaaaaaa.tmp'],
      expect: {
        kind: 'accepted',
        codes: [0, 1],
        check: (_r, dir) =>
          readdirSync(path.join(dir, 'out')).join(',') === '汇总.xlsx'
            ? null
            : `left ${readdirSync(path.join(dir, 'out')).join(',')}`,
      },
    },
  ];
}

function rosterCase(f: Fixtures, id: string, csv: string, expect: FuzzCase['expect']): FuzzCase {
  return {
    id: `roster:${id}`,
    klass: 'roster',
    files: { ...base(f), 'roster.csv': csv },
    args: [
      'workbook',
      '@/catalogue.json',
      '--roster',
      '@/roster.csv',
      '--period',
      '2025年度',
      '--out-dir',
      '@/out',
      '--no-protect',
    ],
    expect,
  };
}

function writtenFiles(dir: string): string[] {
  const out = path.join(dir, 'out');
  return existsSync(out) ? readdirSync(out).filter((n) => n.endsWith('.xlsx')) : [];
}

function rosterCases(f: Fixtures, randomCount: number): FuzzCase[] {
  const allDistinctAndValid = (expected: number) => (_r: CliResult, dir: string) => {
    const files = writtenFiles(dir);
    if (files.length !== expected) return `${files.length} files for ${expected} offices: ${files.join(',')}`;
    const bad = files.filter((n) => !windowsValid(n));
    return bad.length ? `not valid on Windows: ${bad.join(',')}` : null;
  };
  const cases: FuzzCase[] = [
    rosterCase(f, 'collisions', '单位\n长春/市\n长春_市\n长春:市\n长春*市\n', {
      kind: 'accepted',
      codes: [0],
      check: allDistinctAndValid(4),
    }),
    rosterCase(f, 'reserved', '单位\nCON\nprn\nAux.xlsx\nNUL.\nCOM1\nLPT9\n长春市. \n', {
      kind: 'accepted',
      codes: [0],
      check: allDistinctAndValid(7),
    }),
    rosterCase(f, 'backslash', '单位\n"长春\\市"\n长春市\\\n', {
      kind: 'accepted',
      codes: [0],
      check: allDistinctAndValid(2),
    }),
    rosterCase(f, 'case-only', '单位\nABC\nabc\n', {
      kind: 'accepted',
      codes: [0],
      check: allDistinctAndValid(2),
    }),
    rosterCase(f, 'long-name', `单位\n${'长'.repeat(300)}\n`, {
      kind: 'accepted',
      codes: [0],
      check: allDistinctAndValid(1),
    }),
    rosterCase(f, 'filter-nothing', '单位,文件,责任单位\n长春市,不存在的文件,\n吉林市,,\n', {
      kind: 'accepted',
      codes: [1],
      check: (r, dir) =>
        /筛选后没有/.test(r.stderr) && writtenFiles(dir).length === 1
          ? null
          : 'empty workbook written or no message',
    }),
    rosterCase(f, 'units-nothing', '单位,责任单位\n长春市,火星局\n', {
      kind: 'refused',
      message: /筛选后没有/,
    }),
    rosterCase(f, 'empty', '', { kind: 'refused' }),
    rosterCase(f, 'header-only', '单位\n', { kind: 'refused' }),
    rosterCase(f, 'binary', '\u0000\u0001\u0002', { kind: 'refused' }),
    rosterCase(f, 'formula-names', '单位\n=HYPERLINK("http://x")\n@SUM(1)\n', { kind: 'handled' }),
  ];
  const r = rng(77);
  for (let i = 0; i < randomCount; i++) {
    const names = Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
      randomText(r, 3).replace(/[\n,"]/g, ''),
    );
    cases.push(
      rosterCase(f, `random:${i}`, `单位\n${names.join('\n')}\n`, {
        kind: 'handled',
      }),
    );
    const last = cases[cases.length - 1];
    last.expect = { kind: 'handled' };
    randomRosterChecks.set(last.id, (dir) => {
      const bad = writtenFiles(dir).filter((n) => !windowsValid(n));
      return bad.length ? `not valid on Windows: ${bad.join(',')}` : null;
    });
  }
  return cases;
}

/** File-name checks for random rosters (run by the case's accepted check). */
const randomRosterChecks = new Map<string, (dir: string) => string | null>();

function policyCase(id: string, text: Uint8Array | string, expect: FuzzCase['expect']): FuzzCase {
  return {
    id: `policy:${id}`,
    klass: 'policy text',
    files: { 'a.txt': text },
    args: ['catalogue', 'build', '@/a.txt', '-o', '@/c.json'],
    outputs: ['c.json'],
    expect,
  };
}

function targetsOf(dir: string): number {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'c.json'), 'utf8')) as { targets: unknown[] }).targets
      .length;
  } catch {
    return -1;
  }
}

function policyCases(f: Fixtures, truncations: number, randoms: number): FuzzCase[] {
  const lf = f.seedText.replace(/\r\n/g, '\n');
  const sameAsLf = (_r: CliResult, dir: string) => (targetsOf(dir) > 0 ? null : 'no targets');
  const iconvGbk = (s: string) => new Uint8Array(Buffer.from(s, 'utf8')); // placeholder replaced below
  void iconvGbk;
  const utf16 = (le: boolean) => {
    const b = Buffer.from(lf, 'utf16le');
    if (!le) b.swap16();
    return new Uint8Array([...(le ? [0xff, 0xfe] : [0xfe, 0xff]), ...b]);
  };
  const cases: FuzzCase[] = [
    policyCase('cr-only', lf.replace(/\n/g, '\r'), { kind: 'accepted', codes: [0, 1], check: sameAsLf }),
    policyCase('crlf', lf.replace(/\n/g, '\r\n'), { kind: 'accepted', codes: [0, 1], check: sameAsLf }),
    policyCase('utf16le', utf16(true), { kind: 'accepted', codes: [0, 1], check: sameAsLf }),
    policyCase('utf16be', utf16(false), { kind: 'accepted', codes: [0, 1], check: sameAsLf }),
    policyCase('bom', `\ufeff${lf}`, { kind: 'accepted', codes: [0, 1], check: sameAsLf }),
    policyCase('tsv-only', '序号\t指标\t目标值\n1\t床位\t\n2\t护士\t\n', { kind: 'refused' }),
    policyCase('empty', '', { kind: 'refused' }),
    policyCase('spaces', ' \n\t\n　\n', { kind: 'refused' }),
    policyCase('binary', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]), { kind: 'refused' }),
    policyCase('one-long-line', '一、'.concat('加强'.repeat(200_000)), { kind: 'handled' }),
    policyCase('headings-only', '一、总体要求\n二、主要任务\n（一）加强\n', { kind: 'handled' }),
  ];
  const r = rng(31);
  for (let i = 0; i < truncations; i++) {
    const at = Math.floor(r() * lf.length);
    cases.push(policyCase(`truncate:${at}`, lf.slice(0, at), { kind: 'handled' }));
  }
  for (let i = 0; i < randoms; i++) {
    const lines = Array.from(
      { length: 1 + Math.floor(r() * 12) },
      () =>
        pick(r, ['一、', '（一）', '1.', '第一章', '', '到2025年，', '不低于', '%', '万人']) +
        randomText(r, 4),
    );
    cases.push(policyCase(`random:${i}`, lines.join(pick(r, ['\n', '\r', '\r\n'])), { kind: 'handled' }));
  }
  return cases;
}

function reportCase(
  f: Fixtures,
  id: string,
  config: string | null,
  expect: FuzzCase['expect'],
  workbook?: Uint8Array,
): FuzzCase {
  return {
    id: `report:${id}`,
    klass: 'report.json',
    files: { 'a.xlsx': workbook ?? f.filled, ...(config === null ? {} : { 'report.json': config }) },
    args: [
      'report',
      '@/a.xlsx',
      '-o',
      '@/r.docx',
      '--force',
      ...(config === null ? [] : ['-c', '@/report.json']),
    ],
    outputs: ['r.docx'],
    expect,
  };
}

function reportCases(f: Fixtures): FuzzCase[] {
  const cfg = JSON.parse(f.reportJson) as Json;
  const withField = (k: string, v: unknown) => JSON.stringify({ ...cfg, [k]: v });
  return [
    reportCase(f, 'title-200k', withField('标题', '关于'.concat('落实'.repeat(100_000))), {
      kind: 'refused',
      message: /标题/,
    }),
    reportCase(f, 'invalid-json', '{"发文机关": ', { kind: 'refused' }),
    reportCase(f, 'array', '[]', { kind: 'refused' }),
    reportCase(f, 'null', 'null', { kind: 'refused' }),
    reportCase(f, 'proto', '{"__proto__": {"polluted": 1}}', { kind: 'handled' }),
    reportCase(f, 'title-number', withField('标题', 42), { kind: 'refused' }),
    reportCase(f, 'bad-date', withField('成文日期', '2025年13月40日'), { kind: 'refused' }),
    reportCase(f, 'bad-docnumber', withField('文号', '〔〕'), { kind: 'refused' }),
    reportCase(
      f,
      'cc-5000',
      JSON.stringify({ ...cfg, 版记: { 抄送: Array.from({ length: 5000 }, (_, i) => `单位${i}`) } }),
      { kind: 'refused', message: /抄送.*最多/ },
    ),
    reportCase(f, 'binary', '\u0000\u0001', { kind: 'refused' }),
  ];
}

/** The report's document.xml. */
function documentXml(dir: string): string {
  const parts = unzip(new Uint8Array(readFileSync(path.join(dir, 'r.docx'))));
  return new TextDecoder().decode(parts['word/document.xml']);
}

/** The visible text of each paragraph of the report (every <w:t> run, entities decoded). */
function paragraphTexts(xml: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''));
}

/**
 * The shape of a report: each paragraph's properties (heading, body, title, page break before…) in
 * order, and the number of tables and explicit breaks. Text acting as markup changes it; text printed
 * as data does not.
 */
function shapeOf(xml: string): string {
  const props = xml.split(/<\/w:p>/).map((p) => /<w:pPr>.*?<\/w:pPr>/.exec(p)?.[0] ?? '');
  const count = (re: RegExp) => (xml.match(re) ?? []).length;
  return JSON.stringify([props, count(/<w:tbl>/g), count(/<w:br\b/g), count(/<w:drawing>/g)]);
}

/**
 * Compared modulo what the report does to any text on purpose: line breaks fold into one space (a
 * data text is one paragraph), and ASCII ,;:?!() beside Chinese become full-width (GB/T 15834).
 */
function loose(s: string): string {
  const half: Record<string, string> = {
    '，': ',',
    '；': ';',
    '：': ':',
    '？': '?',
    '！': '!',
    '（': '(',
    '）': ')',
  };
  return s.replace(/\s+/g, '').replace(/[，；：？！（）]/g, (c) => half[c]);
}

let baseline: Promise<{ shape: string; at: number }> | null = null;

/** The report of the untouched problemOnly workbook: its shape and the paragraph quoting the sentinel. */
function reportBaseline(f: Fixtures): Promise<{ shape: string; at: number }> {
  baseline ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-fuzz-base-'));
    try {
      writeFileSync(path.join(dir, 'a.xlsx'), f.problemOnly);
      const r = await runCli(['report', path.join(dir, 'a.xlsx'), '-o', path.join(dir, 'r.docx'), '--force']);
      if (r.code !== 0) throw new Error(`baseline report failed: ${r.stderr}`);
      const xml = documentXml(dir);
      const at = paragraphTexts(xml).findIndex((t) => t.includes(SENTINEL_TEXT));
      if (at < 0) throw new Error('the baseline report does not quote the 存在问题 text');
      return { shape: shapeOf(xml), at };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return baseline;
}

/** Hostile 存在问题 texts: report headings and directives, handlebars, Word XML, formulas. */
const INJECTIONS = [
  '正常推进\n# 注入的标题\n::pagebreak\n::table 完成率矩阵',
  '::chart 完成率\n{{标题}}{{{自称}}}{{> partial}}',
  '<w:br w:type="page"/></w:t></w:r></w:p><w:p><w:r><w:t>注入段落',
  '=HYPERLINK("http://x","点击")',
  '@SUM(1)+1 与 -2 &amp; \'单引号\' "双引号"',
  '## 二级\n#### 四级\n::title 假标题\n::attachments\n::colophon',
  '${x} %s {{#each 领域}}{{名称}}{{/each}} {{!注释}}',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "注入">]>&e;结束',
  '  \n# 开头就是标题\n\n\n空行之后',
  '\uFF03 全角井号 \uFF1A\uFF1A全角冒号 ::: ####### 七级',
];

/** Text the report reads under a cause keyword or trims at the end would not be quoted as typed. */
const CAUSE_WORDS =
  /资金|经费|财政|投入|预算|审批|立项|用地|手续|工期|项目|协同|协调|配合|机制|联动|人才|人员|队伍|能力|技术|统计|口径|数据|监测|【|】/;

function injectionTexts(count: number): string[] {
  const r = rng(1414);
  const texts = [...INJECTIONS];
  while (texts.length < count) {
    // Control characters cannot be stored in Word XML at all; they are the upgrade cases' concern.
    // eslint-disable-next-line no-control-regex -- control characters are the point here
    const t = randomText(r, 6).replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff\u202e]/g, '');
    if (t && !CAUSE_WORDS.test(t) && !/[。；;，,\s]$/.test(t)) texts.push(t);
  }
  return texts.slice(0, count);
}

/**
 * Workbook text that looks like report markup reaches the report as text: typed into 存在问题 (the
 * only one in the workbook, so the one-office report quotes it), it must appear in the same paragraph
 * as the plain sentinel did, and the report must keep the sentinel report's shape (no new heading,
 * page break, table, chart or paragraph).
 */
function injectionCases(f: Fixtures, count: number): FuzzCase[] {
  return injectionTexts(count).map((p, i) =>
    reportCase(
      f,
      `injection:${i}`,
      null,
      {
        kind: 'accepted',
        codes: [0],
        check: async (_r, dir) => {
          const base = await reportBaseline(f);
          const xml = documentXml(dir);
          const quoted = paragraphTexts(xml)[base.at] ?? '';
          if (!loose(quoted).includes(loose(p.trim())))
            return `存在问题 not quoted as typed: ${JSON.stringify(quoted.slice(0, 160))}`;
          return shapeOf(xml) === base.shape ? null : 'the text changed the report structure';
        },
      },
      replaceText(f.problemOnly, excelXmlText(p)),
    ),
  );
}

function argCases(f: Fixtures, count: number): FuzzCase[] {
  const r = rng(5);
  const commands = [
    'check',
    'consolidate',
    'compare',
    'workbook',
    'catalogue',
    'catalogue build',
    'catalogue show',
    'report',
    'nonsense',
    '',
  ];
  const tokens = [
    '@/a.xlsx',
    '@/in',
    '@/catalogue.json',
    '@/missing.xlsx',
    '-o',
    '@/out.xlsx',
    '--json',
    '--workers',
    '-1',
    'abc',
    '999',
    '--roster',
    '--period',
    '',
    '--office',
    '长春市',
    '--upgrade',
    '--catalogue',
    '--out-dir',
    '@/a.xlsx/x',
    '--force',
    '-c',
    '--',
    '-',
    '--pdf=no',
    '--help',
    '--version',
    'x'.repeat(5000),
    '--cross',
    '--deadline',
    '2025-13-45',
    '--sample',
    '--no-protect',
    '--units',
    '、',
    '--documents',
    '\u0000',
  ];
  const out: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(r() * 6);
    const args = [
      ...pick(r, commands).split(' ').filter(Boolean),
      ...Array.from({ length: n }, () => pick(r, tokens)),
    ];
    if (args.includes('--pdf') || args.includes('--sample')) continue;
    // A path the arguments name as an output may be written (the user asked for it).
    const outputs = args
      .filter((_, k) => k > 0 && ['-o', '--out-dir'].includes(args[k - 1]))
      .map((a) => a.replace(/^@\//, ''));
    out.push({
      id: `args:${i}`,
      klass: 'cli arguments',
      files: { ...base(f), 'a.xlsx': f.filled, 'in/b.xlsx': f.other },
      args,
      outputs: [...outputs, 'out.xlsx'],
      expect: { kind: 'handled' },
    });
  }
  return out;
}

/** Issue 14's own failures first, then the generated cases; the sample keeps every seeded case. */
export async function buildCorpus(scale: 'sample' | 'full'): Promise<Corpus> {
  const f = await fixtures();
  const firstId = f.firstTargetId;
  const full = scale === 'full';
  const seeded = [
    ...workbookValueCases(f, firstId),
    ...textCases(f, firstId, 6),
    ...upgradeCases(f, firstId),
    ...variantCases(f),
    ...structureCases(f),
    ...fsCases(f),
    ...outputCases(f),
    ...rosterCases(f, 0),
    ...policyCases(f, 0, 0),
    ...reportCases(f),
    ...injectionCases(f, INJECTIONS.length),
    ...zipBombCases(full),
  ];
  const generated = [
    ...textCases(f, firstId, full ? 260 : 60).slice(6),
    ...byteCases(f, full ? 150 : 45, full ? 150 : 45),
    ...rosterCases(f, full ? 30 : 6).filter((c) => c.id.startsWith('roster:random')),
    ...policyCases(f, full ? 60 : 15, full ? 80 : 20).filter((c) => /policy:(truncate|random)/.test(c.id)),
    ...argCases(f, full ? 260 : 60),
    ...(full ? injectionCases(f, 60).slice(INJECTIONS.length) : []),
  ];
  const all = [...seeded, ...generated];
  for (const c of all) {
    const extra = randomRosterChecks.get(c.id);
    if (extra) c.expect = { kind: 'accepted', check: (_r, dir) => extra(dir) };
  }
  return { all, sample: all };
}
