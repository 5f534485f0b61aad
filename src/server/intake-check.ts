/**
 * The CPU-bound half of an upload — unzip limits, reading the grid, the same check as `luoshi check` —
 * as one plain-data task, so it can run on a worker thread (intake-pool.ts) and keep the event loop
 * free for other requests. The parsed submission leaves as JSON text: it is stored as it is and the
 * main thread never walks it.
 */
import { createHash } from 'node:crypto';
import type { Catalogue } from '../core/model/catalogue.js';
import { HttpError } from './errors.js';
import { checkWorkbook, type SubmissionHead } from './intake.js';

export interface CheckTask {
  bytes: Uint8Array;
  fileName: string;
  catalogueId: number;
  /** The catalogue as stored (JSON text); parsed once per thread and id (catalogues never change). */
  catalogueJson: string;
  maxUnzippedBytes: number;
}

export type CheckOutcome =
  | { kind: 'read'; head: SubmissionHead; parsedJson: string; sha256: string }
  | { kind: 'refused'; status: number; code: string; message: string; sha256: string };

const catalogues = new Map<number, Catalogue>();

function catalogueOf(task: CheckTask): Catalogue {
  let c = catalogues.get(task.catalogueId);
  if (!c) {
    c = JSON.parse(task.catalogueJson) as Catalogue;
    catalogues.set(task.catalogueId, c);
  }
  return c;
}

export async function checkUpload(task: CheckTask): Promise<CheckOutcome> {
  const sha256 = createHash('sha256').update(task.bytes).digest('hex');
  try {
    const sub = await checkWorkbook(task.bytes, task.fileName, catalogueOf(task), task.maxUnzippedBytes);
    const { office, period, catalogueVersion, problems } = sub;
    const head = { office, period, catalogueVersion, problems };
    return { kind: 'read', head, parsedJson: JSON.stringify(sub), sha256 };
  } catch (e) {
    if (e instanceof HttpError)
      return { kind: 'refused', status: e.status, code: e.code, message: e.message, sha256 };
    throw e;
  }
}
