import type { Command } from 'commander';

/** Placeholder: filled in by the issue that builds `luoshi consolidate`. */
export function registerConsolidate(_program: Command): void {}
