/** Body of a workbook worker: plans and writes the office workbooks it is sent (see workbook-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { isLuoshiError } from '../core/errors.js';
import type { Catalogue } from '../core/model/catalogue.js';
import { planWorkbook, type PlanOptions } from '../core/workbook/plan.js';
import { writeWorkbookBytes } from './write-workbook-node.js';
import { writeOutputAtomic } from './files.js';

interface Job {
  id: number;
  options: PlanOptions;
  file: string;
}

const { catalogue, inputs } = workerData as { catalogue: Catalogue; inputs: string[] };

parentPort?.on('message', (job: Job) => void writeJob(job));

/** Writes one workbook and posts the outcome; never rejects. */
async function writeJob(job: Job): Promise<void> {
  try {
    await writeOutputAtomic(job.file, await writeWorkbookBytes(planWorkbook(catalogue, job.options)), inputs);
    parentPort?.postMessage({ id: job.id, ok: true });
  } catch (e) {
    const message = isLuoshiError(e) ? e.message : `内部错误：${e instanceof Error ? e.message : String(e)}`;
    parentPort?.postMessage({ id: job.id, ok: false, message });
  }
}
