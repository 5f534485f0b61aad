// Writes a warm-up workbook (intake-warm-up.ts) and hands its bytes back; the thread then ends, and the
// workbook writer with it. Plain ESM registering tsx's loader, as intake-worker.mjs. Its workerData names
// a round's catalogue (UTF-8 JSON in shared memory), office and period, or is empty for the made-up one.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { warmUpCatalogue, WARM_UP_OFFICE, WARM_UP_PERIOD } = await import('./intake-warm-up.ts');
const { generateWorkbook } = await import('../host/generate-workbook.ts');
const round = workerData ?? null;
const catalogue = round ? JSON.parse(Buffer.from(round.catalogueUtf8).toString('utf8')) : warmUpCatalogue();
const bytes = await generateWorkbook(
  catalogue,
  { office: round ? round.office : WARM_UP_OFFICE },
  { period: round ? round.period : WARM_UP_PERIOD, sample: 'warm-up' },
);
parentPort.postMessage(bytes, [bytes.buffer]);
