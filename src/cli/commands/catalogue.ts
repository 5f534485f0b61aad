import type { Command } from 'commander';

/** Placeholder: filled in by the issue that builds `luoshi catalogue`. */
export function registerCatalogue(_program: Command): void {}
