import type { Command } from 'commander';

/** Placeholder: filled in by the issue that builds `luoshi compare`. */
export function registerCompare(_program: Command): void {}
