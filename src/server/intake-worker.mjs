// Worker entry for intake-pool.ts. Plain ESM so it starts without a build step: it registers tsx's
// loader (as bin/luoshi.mjs does), then loads the TypeScript check.
import { register } from 'tsx/esm/api';

register();
const { checkUpload } = await import('./intake-check.ts');

export default checkUpload;
