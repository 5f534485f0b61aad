// Writes the warm-up workbook (intake-warm-up.ts) and hands its bytes back; the thread then ends, and
// the workbook writer with it. Plain ESM registering tsx's loader, as intake-worker.mjs.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { warmUpCatalogue, WARM_UP_OFFICE, WARM_UP_PERIOD } = await import('./intake-warm-up.ts');
const { generateWorkbook } = await import('../host/generate-workbook.ts');
const bytes = await generateWorkbook(
  warmUpCatalogue(),
  { office: WARM_UP_OFFICE },
  { period: WARM_UP_PERIOD, sample: 'warm-up' },
);
parentPort.postMessage(bytes, [bytes.buffer]);
