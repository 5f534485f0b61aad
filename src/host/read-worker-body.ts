/** Body of a read worker: reads the files it is sent and posts back each Submission (or the failure). */
import { parentPort } from 'node:worker_threads';
import { failureMessage, slimSubmission } from './read-pool.js';
import { readSubmissionFile } from './read-submission.js';

interface Job {
  id: number;
  file: string;
  slim: boolean;
}

async function readJob(job: Job): Promise<void> {
  try {
    const { submission } = await readSubmissionFile(job.file);
    const out = job.slim ? slimSubmission(submission) : submission;
    parentPort?.postMessage({ id: job.id, outcome: { file: job.file, ok: true, submission: out } });
  } catch (e) {
    const message = failureMessage(job.file, e);
    parentPort?.postMessage({ id: job.id, outcome: { file: job.file, ok: false, message } });
  }
}

parentPort?.on('message', (job: Job) => void readJob(job));
