#!/usr/bin/env node
// Entry point for the `luoshi` command. The CLI is TypeScript run through tsx's
// loader, so the installed command always matches the sources (no stale build).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
