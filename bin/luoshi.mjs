#!/usr/bin/env node
// Entry point for the `luoshi` command. The CLI is TypeScript run through tsx's
// loader, so the installed command always matches the sources (no stale build).
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();

// Output piped into `head` or a closed pager: stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
