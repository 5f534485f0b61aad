import type { Command } from 'commander';

/** Placeholder: filled in by the issue that builds `luoshi check`. */
export function registerCheck(_program: Command): void {}
