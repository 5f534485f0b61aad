/**
 * Warming the checking threads up at start. V8 compiles the reader and the check to fast code only
 * after running them a while: a server's first burst of uploads (200 offices at a deadline) otherwise
 * pays for that compilation and the slow first runs, about a quarter more CPU per upload. So a started
 * server has each checking thread check a made-up workbook a few times, in the background: nothing is
 * stored, and uploads that come in meanwhile just queue behind a few short checks. Once a round is known
 * (created, or the newest at start: handlers/rounds.ts), the threads check a workbook of its own
 * catalogue the same way.
 *
 * The workbook is written by the same writer as the offices' workbooks (exceljs), in a worker thread of
 * its own that then ends, so neither the main thread nor the checking threads keep the writer loaded.
 */
import { Worker } from 'node:worker_threads';
import type { Catalogue, Target, Task } from '../core/model/catalogue.js';
import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION } from '../core/model/catalogue.js';
import { sharedUtf8 } from './intake-check.js';
import type { IntakeChecker } from './intake-pool.js';

/** Targets in the made-up catalogue: enough rows for V8 to optimise the per-row code in a few checks. */
const TARGETS = 120;
const TASKS = 40;
/**
 * Checks per checking thread of the made-up workbook at start. V8 optimises a function called once per
 * upload (unzipping, the zip guard, parsing _meta) only after a few hundred calls, and did so during the
 * first bursts of uploads, on the same two cores: with 30, TurboFan compiled for 850, 568 and 445 ms in a
 * bench's three bursts; with 300, for 667, 443 and 272 ms (bench/server.ts with --trace-opt). Server CPU
 * per upload in the first burst, in runs paired in time: 21.0 → 19.3 and 15.1 → 14.2 ms. The 300 take
 * about 1.8 s of CPU per thread after start (a made-up check is ~5 ms), in the background.
 */
const START_ROUNDS = 300;
/** Checks per checking thread of a round's own workbook: its catalogue's paths, not the JIT's tiering. */
const ROUND_ROUNDS = 30;
/** A catalogue id no stored catalogue has (ids are positive). */
const WARM_UP_CATALOGUE_ID = -1;
export const WARM_UP_PERIOD = '2025年度';
export const WARM_UP_OFFICE = '预热单位';

const DOC = 'warm-up';

/** The kinds of target a workbook holds (figure, range, rate, milestone), in turn. */
const KINDS: Pick<Target, 'comparator' | 'value' | 'valueMax' | 'unit' | 'kind'>[] = [
  { comparator: '>=', value: 90, valueMax: null, unit: '%', kind: 'rate' },
  { comparator: '<=', value: 12, valueMax: null, unit: '‰', kind: 'rate' },
  { comparator: 'range', value: 10, valueMax: 20, unit: '万人', kind: 'total' },
  { comparator: 'milestone', value: null, valueMax: null, unit: null, kind: 'milestone' },
  { comparator: '=', value: 100, valueMax: null, unit: '%', kind: 'rate' },
  { comparator: '≈', value: 3.5, valueMax: null, unit: '张', kind: 'per-capita' },
];

function target(i: number): Target {
  const k = KINDS[i % KINDS.length];
  const indicator = `第${i + 1}项指标`;
  return {
    id: `${DOC}/${i + 1}`,
    documentId: DOC,
    taskId: null,
    path: ['一、'],
    quote: `到2025年，${indicator}${k.comparator === 'milestone' ? '全面完成' : `达到${k.value}${k.unit}`}`,
    indicator,
    comparator: k.comparator,
    value: k.value,
    valueMax: k.valueMax,
    unit: k.unit,
    normalizedValue: k.value,
    baseUnit: k.unit,
    deadline: '2025',
    perYear: false,
    perUnit: null,
    linked: [],
    lead: [WARM_UP_OFFICE],
    participants: [],
    offset: i * 100,
    kind: k.kind,
  };
}

function task(i: number): Task {
  return {
    id: `${DOC}/T${i + 1}`,
    documentId: DOC,
    path: ['二、'],
    title: `第${i + 1}项任务`,
    text: `推进第${i + 1}项工作。`,
    lead: [WARM_UP_OFFICE],
    participants: [],
    origin: 'text',
    offset: 100_000 + i * 100,
  };
}

/** The made-up catalogue the warm-up workbook is written from. */
export function warmUpCatalogue(): Catalogue {
  return {
    format: CATALOGUE_FORMAT,
    formatVersion: CATALOGUE_FORMAT_VERSION,
    version: 'warm-up',
    documents: [
      {
        id: DOC,
        title: '预热用实施方案',
        docNumber: null,
        issuer: null,
        date: '2025-01-01',
        source: 'warm-up.txt',
        textHash: 'warm-up',
      },
    ],
    headings: [],
    tasks: Array.from({ length: TASKS }, (_, i) => task(i)),
    targets: Array.from({ length: TARGETS }, (_, i) => target(i)),
  };
}

/**
 * A round whose uploads the checking threads are warmed up for: its catalogue (as the checking threads
 * are handed it), one office of its roster and its period.
 */
export interface WarmUpRound {
  catalogueId: number;
  catalogueUtf8: SharedArrayBuffer;
  office: string;
  period: string;
}

/** A warm-up workbook's bytes (the made-up one, or a round's), written in a worker thread that ends with it. */
export function warmUpWorkbook(round?: WarmUpRound): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const workerData = round
      ? { catalogueUtf8: round.catalogueUtf8, office: round.office, period: round.period }
      : null;
    const worker = new Worker(new URL('./intake-warm-up-worker.mjs', import.meta.url), { workerData });
    worker.unref(); // a server stopping meanwhile does not wait for it
    worker.once('message', (bytes: Uint8Array) => {
      resolve(bytes);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`warm-up writer exited (${code})`)));
  });
}

/** The made-up catalogue as the checking threads are handed one. */
function madeUp(): Omit<WarmUpRound, 'office' | 'period'> {
  return { catalogueId: WARM_UP_CATALOGUE_ID, catalogueUtf8: sharedUtf8(JSON.stringify(warmUpCatalogue())) };
}

/**
 * Check a warm-up workbook a number of times on each of `threads` checking threads; what the checks find is
 * dropped. Without a round, the made-up workbook: what a server can check before it knows any round.
 * With one, a workbook of the round's own catalogue, which the offices' uploads will look like: its
 * targets' texts, kinds and units take paths through the reader and the check the made-up one does not,
 * and the threads parse and keep the catalogue itself (intake-check.ts), as for the first upload.
 */
export async function warmUpChecker(
  checker: IntakeChecker,
  threads: number,
  round?: WarmUpRound,
): Promise<void> {
  const bytes = await warmUpWorkbook(round);
  const { catalogueId, catalogueUtf8 } = round ?? madeUp();
  for (let r = 0; r < (round ? ROUND_ROUNDS : START_ROUNDS); r++) {
    await Promise.all(
      Array.from({ length: threads }, () =>
        checker.check({
          bytes: bytes.slice(),
          fileName: 'warm-up.xlsx',
          catalogueId,
          catalogueUtf8,
          maxUnzippedBytes: 64 * 1024 * 1024,
        }),
      ),
    );
  }
}
