/** Body of a read worker: reads the files it is sent and posts back each Submission (or the failure). */
import { parentPort } from 'node:worker_threads';
import { isLuoshiError } from '../core/errors.js';
import { slimSubmission } from './read-pool.js';
import { readSubmissionFile } from './read-submission.js';

interface Job {
  id: number;
  file: string;
  slim: boolean;
}

parentPort?.on('message', (job: Job) => void readJob(job));

/** Reads one file and posts the outcome; never rejects. */
async function readJob(job: Job): Promise<void> {
  try {
    const { submission } = await readSubmissionFile(job.file);
    const out = job.slim ? slimSubmission(submission) : submission;
    parentPort?.postMessage({ id: job.id, outcome: { file: job.file, ok: true, submission: out } });
  } catch (e) {
    const message = isLuoshiError(e)
      ? e.message
      : `${job.file} 无法读取：${e instanceof Error ? e.message : String(e)}`;
    parentPort?.postMessage({ id: job.id, outcome: { file: job.file, ok: false, message } });
  }
}
