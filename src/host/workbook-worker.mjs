// Worker entry for workbook-pool.ts. Plain ESM so it starts without a build step: it registers tsx's
// loader (as bin/luoshi.mjs does), then loads the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./workbook-worker-body.ts');
