/**
 * One fuzz case and its verdict. Each case writes its input files into a fresh folder, runs the CLI
 * in-process, and is judged by what a user would see: a crash is an internal error, a stack trace, an
 * exception that escaped or an English-only failure; wrong is a result that breaks the case's own
 * expectation; modified is any input file whose bytes changed.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliResult } from './cli.js';

/** A file to lay out before the run: bytes or text, or something that is not a regular file. */
export type Input =
  Uint8Array | string | { link: string } | { fifo: true } | { dir: true } | { sparse: number };

export type Expect =
  /** Refused: non-zero exit with a Chinese message. */
  | { kind: 'refused'; message?: RegExp }
  /** Accepted: the exit code is one of `codes`; `check` returns a reason when the result is wrong. */
  | {
      kind: 'accepted';
      codes?: number[];
      check?: (r: CliResult, dir: string) => string | null | Promise<string | null>;
    }
  /** Either, as long as it is handled (no crash, no hang, inputs intact). */
  | { kind: 'handled' };

export interface FuzzCase {
  id: string;
  klass: string;
  files: Record<string, Input>;
  /** Arguments; `@/x` stands for the file x of the case folder. */
  args: string[];
  expect: Expect;
  /** Files the command may write (relative); everything else in `files` must stay byte for byte. */
  outputs?: string[];
}

export type Verdict = 'ok' | 'crash' | 'hang' | 'wrong' | 'modified';

export interface Outcome {
  id: string;
  verdict: Verdict;
  why: string;
  ms: number;
}

const CJK = /[\u4e00-\u9fff]/;
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

function lay(dir: string, name: string, input: Input): void {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  if (typeof input === 'string' || input instanceof Uint8Array) writeFileSync(file, input);
  else if ('link' in input) symlinkSync(input.link.replace(/^@\//, `${dir}/`), file);
  else if ('fifo' in input) execFileSync('mkfifo', [file]);
  else if ('dir' in input) mkdirSync(file, { recursive: true });
  else {
    writeFileSync(file, '');
    execFileSync('truncate', ['-s', String(input.sparse), file]);
  }
}

function digest(file: string): string | null {
  try {
    if (!lstatSync(file).isFile()) return null;
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** Why the result is a crash, or null. */
export function crashOf(r: CliResult): string | null {
  if (r.escaped) return `exception escaped: ${r.escaped instanceof Error ? r.escaped.message : 'non-error'}`;
  const all = r.stdout + r.stderr;
  if (all.includes('内部错误')) return `internal error: ${all.slice(0, 300)}`;
  if (STACK.test(all)) return `stack trace: ${all.slice(0, 300)}`;
  // Exit 1 means "the input has problems", listed on stdout; any failure must say something in Chinese.
  if (r.code !== 0 && !CJK.test(r.stderr + r.stdout))
    return `failure without a Chinese message: ${r.stderr.slice(0, 300)}`;
  return null;
}

async function wrongOf(c: FuzzCase, r: CliResult, dir: string): Promise<string | null> {
  const e = c.expect;
  if (e.kind === 'refused') {
    if (r.code === 0) return `accepted (exit 0), expected a refusal: ${r.stdout.slice(0, 200)}`;
    if (e.message && !e.message.test(r.stderr + r.stdout))
      return `message does not match ${e.message}: ${r.stderr.slice(0, 300)}`;
    return null;
  }
  if (e.kind === 'accepted') {
    if (e.codes && !e.codes.includes(r.code))
      return `exit ${r.code}, expected ${e.codes.join('/')}: ${r.stderr.slice(0, 300)}`;
    return e.check ? e.check(r, dir) : null;
  }
  return null;
}

export interface RunOptions {
  timeoutMs?: number;
}

/** Lay out, run and judge one case; the folder is removed afterwards. */
export async function runCase(c: FuzzCase, o: RunOptions = {}): Promise<Outcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-fuzz-'));
  const started = Date.now();
  try {
    for (const [name, input] of Object.entries(c.files)) lay(dir, name, input);
    const before = new Map(Object.keys(c.files).map((n) => [n, digest(path.join(dir, n))]));
    const args = c.args.map((a) => a.replace(/^@\//, `${dir}/`).replace(/=@\//, `=${dir}/`));
    const timeout = o.timeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeout);
    });
    const r = await Promise.race([runCli(args), hung]);
    clearTimeout(timer);
    const ms = Date.now() - started;
    if (r === null) return { id: c.id, verdict: 'hang', why: `no result in ${timeout} ms`, ms };
    const crash = crashOf(r);
    if (crash) return { id: c.id, verdict: 'crash', why: crash, ms };
    for (const [name, hash] of before) {
      if (c.outputs?.includes(name) || hash === null) continue;
      if (digest(path.join(dir, name)) !== hash)
        return { id: c.id, verdict: 'modified', why: `${name} changed`, ms };
    }
    const wrong = await wrongOf(c, r, dir);
    if (wrong) return { id: c.id, verdict: 'wrong', why: wrong, ms };
    return { id: c.id, verdict: 'ok', why: '', ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The summary line printed by `npm run fuzz`. */
export function summaryLine(outcomes: readonly Outcome[]): string {
  const n = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
  return `fuzz: ${outcomes.length} inputs, ${n('crash')} crashes, ${n('hang')} hangs, ${n('wrong')} wrong, ${n('modified')} inputs modified`;
}
