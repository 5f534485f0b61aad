import type { Command } from 'commander';

/** Placeholder: filled in by the issue that builds `luoshi report`. */
export function registerReport(_program: Command): void {}
