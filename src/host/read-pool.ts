/**
 * Read many submission files across CPU cores with worker_threads, handing results back in file order
 * (so "the later file counts" stays well defined) and never holding more than a few in memory.
 * The core stays single-threaded and pure; this is a host concern only.
 */
import { isVerified, VERIFIED_MARK } from '../core/progress/plausibility.js';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Submission } from '../core/model/submission.js';
import { isLuoshiError } from '../core/errors.js';
import { readSubmissionFile } from './read-submission.js';

export type ReadOutcome =
  { file: string; ok: true; submission: Submission } | { file: string; ok: false; message: string };

/** Message shown for a file that could not be read (LuoshiError messages are already Chinese). */
export function failureMessage(file: string, e: unknown): string {
  if (isLuoshiError(e)) return e.message;
  // A defect in luoshi, not in the file: say so (the fuzz suite counts these as crashes).
  return `${file} 无法读取（内部错误：${e instanceof Error ? e.message : String(e)}；这是 luoshi 的缺陷，请报告给维护人员）`;
}

async function readOne(file: string, slim: boolean): Promise<ReadOutcome> {
  try {
    const { submission } = await readSubmissionFile(file);
    return { file, ok: true, submission: slim ? slimSubmission(submission) : submission };
  } catch (e) {
    return { file, ok: false, message: failureMessage(file, e) };
  }
}

export interface ReadPoolOptions {
  /** Worker threads; default: one per core, at most 4; 0 or 1 reads in this thread. */
  workers?: number;
  /** Drop the free-text fields and task rows before handing a Submission back (consolidation needs neither). */
  slim?: boolean;
}

/** A Submission without its free texts and task rows: what consolidation reads, at a fraction of the copy cost. */
export function slimSubmission(s: Submission): Submission {
  return {
    ...s,
    // The 数据已核实 mark is all consolidation needs of the free texts (it confirms an implausible figure).
    entries: s.entries.map((e) => ({
      ...e,
      progress: isVerified(e) ? VERIFIED_MARK : '',
      problems: '',
      nextSteps: '',
      evidence: '',
    })),
    taskEntries: [],
  };
}

interface WorkerReply {
  id: number;
  outcome: ReadOutcome;
}

/**
 * Calls `onOutcome` once per file, in the order of `files`. At most `2 × workers` results wait in
 * the reorder buffer, so memory stays bounded whatever the number of files.
 */
export async function readSubmissions(
  files: readonly string[],
  onOutcome: (outcome: ReadOutcome, index: number) => void,
  options: ReadPoolOptions = {},
): Promise<void> {
  const n = Math.min(options.workers ?? Math.min(4, Math.max(1, cpus().length)), files.length);
  if (n <= 1) {
    for (let i = 0; i < files.length; i++) onOutcome(await readOne(files[i], options.slim === true), i);
    return;
  }
  const workers = Array.from({ length: n }, () => new Worker(new URL('./read-worker.mjs', import.meta.url)));
  const pending = new Map<number, ReadOutcome>();
  let nextToSend = 0;
  let nextToEmit = 0;
  const window = n * 2;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (nextToSend < files.length && nextToSend - nextToEmit < window) {
          const id = nextToSend++;
          w.postMessage({ id, file: files[id], slim: options.slim === true });
          return true;
        }
        return false;
      };
      const idle: Worker[] = [];
      const flush = () => {
        while (pending.has(nextToEmit)) {
          const outcome = pending.get(nextToEmit)!;
          pending.delete(nextToEmit);
          onOutcome(outcome, nextToEmit);
          nextToEmit++;
        }
        while (idle.length && send(idle[idle.length - 1])) idle.pop();
        if (nextToEmit === files.length) resolve();
      };
      for (const w of workers) {
        w.on('message', (reply: WorkerReply) => {
          pending.set(reply.id, reply.outcome);
          if (!send(w)) idle.push(w);
          try {
            flush();
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        w.on('error', reject);
        if (!send(w)) idle.push(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
