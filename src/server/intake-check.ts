/**
 * The CPU-bound half of an upload — unzip limits, reading the grid, the same check as `luoshi check` —
 * as one plain-data task, so it can run on a worker thread (intake-pool.ts) and keep the event loop
 * free for other requests. The parsed submission leaves as UTF-8 JSON raw-deflated here (a tenth of its
 * size): the bytes are moved (not copied) to the main thread and stored as they are, so the main thread
 * (which also runs the embedded database) never walks, copies, checks or re-encodes it.
 */
import { createHash } from 'node:crypto';
import type { Catalogue } from '../core/model/catalogue.js';
import { deflatedJson } from './deflated-json.js';
import { HttpError } from './errors.js';
import { checkWorkbook, type SubmissionHead } from './intake.js';

export interface CheckTask {
  bytes: Uint8Array;
  fileName: string;
  catalogueId: number;
  /**
   * The catalogue as stored, UTF-8 JSON in memory shared with the worker threads (handed over without a
   * copy); parsed once per thread and id (catalogues never change).
   */
  catalogueUtf8: SharedArrayBuffer;
  maxUnzippedBytes: number;
}

/** Text as UTF-8 in shared memory, as a catalogue is handed to the checking threads (shared, not copied). */
export function sharedUtf8(text: string): SharedArrayBuffer {
  const bytes = Buffer.from(text, 'utf8');
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/**
 * What the check found, with the uploaded file's bytes handed back: a checking thread is given the bytes
 * (moved, not copied: intake-pool.ts) and returns them the same way, for the main thread to store.
 */
export type CheckOutcome =
  | { kind: 'read'; head: SubmissionHead; parsedDeflated: Uint8Array; sha256: string; bytes: Uint8Array }
  | {
      kind: 'refused';
      status: number;
      code: string;
      message: string;
      /** The refusal's further fields (problems, needsConfirmation): plain data. */
      extra: Record<string, unknown>;
      sha256: string;
      bytes: Uint8Array;
    };

export { deflatedJson };

const catalogues = new Map<number, Catalogue>();

function catalogueOf(task: CheckTask): Catalogue {
  let c = catalogues.get(task.catalogueId);
  if (!c) {
    c = JSON.parse(Buffer.from(task.catalogueUtf8).toString('utf8')) as Catalogue;
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
    return { kind: 'read', head, parsedDeflated: deflatedJson(sub), sha256, bytes: task.bytes };
  } catch (e) {
    if (e instanceof HttpError) {
      const { status, code, message, extra } = e;
      return { kind: 'refused', status, code, message, extra, sha256, bytes: task.bytes };
    }
    throw e;
  }
}
