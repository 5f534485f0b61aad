/**
 * The real inputs the fuzz cases start from, built once per process from the seeds: the catalogue, a
 * blank and two filled office workbooks, a roster, a report.json, and filled workbooks with a sentinel
 * value in one cell (截至日期, 完成值, 进展情况) whose raw XML the cases then replace.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Catalogue } from '../../src/core/model/catalogue.js';
import { seedCatalogue } from '../helpers/seeds.js';
import { filledWorkbook, generate } from '../helpers/workbooks.js';
import { sampleTaskEntries } from '../../src/core/workbook/sample.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Sentinels typed into one cell each; unique enough never to occur elsewhere in a workbook. */
export const SENTINEL_DATE = 987654.125;
export const SENTINEL_NUMBER = 876543.25;
export const SENTINEL_TEXT = 'ZZSENTINELZZ';
/** Every other target's 存在问题 in problemOnly (a funding cause, so it never shares the sentinel's group). */
export const OTHER_PROBLEM = '资金到位不足';

export interface Fixtures {
  catalogue: Catalogue;
  /** The target whose cells hold the sentinels. */
  firstTargetId: string;
  catalogueJson: string;
  blank: Uint8Array;
  /** 长春市, filled with sample figures. */
  filled: Uint8Array;
  /** 吉林市, filled: the good file beside a broken one in batch cases. */
  other: Uint8Array;
  /** 长春市 with SENTINEL_TEXT in the first target's 进展情况 only (a valid workbook otherwise). */
  textOnly: Uint8Array;
  /**
   * 长春市 whose 存在问题 is SENTINEL_TEXT in the first target and OTHER_PROBLEM (a 资金 cause) in every
   * other target and task: a one-office report quotes the first text of each cause (“推进中仍有
   * 困难。其他困难，如“…””), so whatever replaces the sentinel, free of cause keywords, provably reaches
   * the report body.
   */
  problemOnly: Uint8Array;
  /** 长春市 with SENTINEL_DATE in a 截至日期 cell, SENTINEL_NUMBER in a 完成值 cell, SENTINEL_TEXT in 进展情况. */
  sentinel: Uint8Array;
  roster: string;
  reportJson: string;
  seedText: string;
}

let cached: Promise<Fixtures> | null = null;

async function build(): Promise<Fixtures> {
  const catalogue = seedCatalogue();
  const first = catalogue.targets.find((t) => t.comparator !== 'milestone') ?? catalogue.targets[0];
  const filled = (await filledWorkbook(catalogue, '长春市', { protect: false })).bytes;
  const sentinel = (
    await filledWorkbook(catalogue, '长春市', {
      protect: false,
      tweak: (entries) =>
        entries.map((e) =>
          e.targetId === first.id
            ? { ...e, asOf: SENTINEL_DATE, actual: SENTINEL_NUMBER, progress: SENTINEL_TEXT }
            : e,
        ),
    })
  ).bytes;
  const textOnly = (
    await filledWorkbook(catalogue, '长春市', {
      protect: false,
      tweak: (entries) =>
        entries.map((e) => (e.targetId === first.id ? { ...e, progress: SENTINEL_TEXT } : e)),
    })
  ).bytes;
  const problemOnly = (
    await filledWorkbook(catalogue, '长春市', {
      protect: false,
      taskEntries: sampleTaskEntries(catalogue, '长春市', '2025年度').map((t) => ({
        ...t,
        problems: OTHER_PROBLEM,
      })),
      tweak: (entries) =>
        entries.map((e) => ({ ...e, problems: e.targetId === first.id ? SENTINEL_TEXT : OTHER_PROBLEM })),
    })
  ).bytes;
  return {
    catalogue,
    textOnly,
    problemOnly,
    firstTargetId: first.id,
    catalogueJson: JSON.stringify(catalogue),
    blank: await generate(catalogue, { office: '长春市', protect: false }),
    filled,
    other: (await filledWorkbook(catalogue, '吉林市', { protect: false })).bytes,
    sentinel,
    roster: readFileSync(path.join(ROOT, 'templates', 'roster-吉林省.csv'), 'utf8'),
    reportJson: readFileSync(path.join(ROOT, 'templates', 'report.json'), 'utf8'),
    seedText: readFileSync(path.join(ROOT, 'seeds', '000_11bb2424aa0bf510.txt'), 'utf8'),
  };
}

export function fixtures(): Promise<Fixtures> {
  cached ??= build();
  return cached;
}

// ---- raw package edits

export type Parts = Record<string, Uint8Array>;

export function unzip(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function zip(parts: Parts): Uint8Array {
  return zipSync(parts);
}

/** The part name of the sheet called `name` (through workbook.xml and its relationships). */
export function sheetPart(parts: Parts, name: string): string {
  const wb = strFromU8(parts['xl/workbook.xml']);
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rel =
    new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  if (!rel) throw new Error(`no relationship ${sheet[1]}`);
  return rel[1].startsWith('/') ? rel[1].slice(1) : `xl/${rel[1]}`;
}

/** Apply `edit` to the text of every part whose name `which` accepts; throws if nothing changed. */
export function editParts(
  bytes: Uint8Array,
  which: (part: string) => boolean,
  edit: (xml: string) => string,
): Uint8Array {
  const parts = unzip(bytes);
  let changed = false;
  for (const name of Object.keys(parts)) {
    if (!which(name)) continue;
    const before = strFromU8(parts[name]);
    const after = edit(before);
    if (after !== before) {
      parts[name] = strToU8(after);
      changed = true;
    }
  }
  if (!changed) throw new Error('edit changed nothing');
  return zip(parts);
}

/** Edit the XML of the sheet called `name`. */
export function editSheet(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const part = sheetPart(unzip(bytes), name);
  return editParts(bytes, (p) => p === part, edit);
}

/** Replace the <v> holding `sentinel` (a number) with raw `v` content. */
export function replaceNumber(bytes: Uint8Array, sentinel: number, v: string): Uint8Array {
  return editSheet(bytes, '指标', (xml) => xml.replace(`<v>${sentinel}</v>`, `<v>${v}</v>`));
}

/** Replace the sentinel text (in shared strings or inline) by raw XML text `xmlText`. */
export function replaceText(bytes: Uint8Array, xmlText: string): Uint8Array {
  return editParts(
    bytes,
    (p) => p === 'xl/sharedStrings.xml' || p.startsWith('xl/worksheets/'),
    (xml) => xml.replace(SENTINEL_TEXT, () => xmlText),
  );
}
