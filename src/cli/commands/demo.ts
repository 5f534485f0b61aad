import type { Command } from 'commander';

/** Placeholder: filled in by the issue that builds `luoshi demo`. */
export function registerDemo(_program: Command): void {}
