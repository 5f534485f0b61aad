// Worker entry for intake-pool.ts. Plain ESM so it starts without a build step: it registers tsx's
// loader (as bin/luoshi.mjs does), then loads the TypeScript check.
import { Tinypool } from 'tinypool';
import { register } from 'tsx/esm/api';

register();
const { checkUpload } = await import('./intake-check.ts');
const { allocateThroughQuietSpells } = await import('./gc-tuning.ts');

allocateThroughQuietSpells();

/**
 * The uploaded file and the parsed submission's bytes are moved to the main thread, not copied: tinypool
 * transfers what a result object lists under its transferable symbol and answers with the value under
 * its value symbol. The file came in the same way (intake-pool.ts), and the main thread stores it.
 */
export default async function checkAndMove(task) {
  const outcome = await checkUpload(task);
  const buffers =
    outcome.kind === 'read' ? [outcome.bytes.buffer, outcome.parsedDeflated.buffer] : [outcome.bytes.buffer];
  return Tinypool.move({
    [Tinypool.transferableSymbol]: buffers,
    [Tinypool.valueSymbol]: outcome,
  });
}
