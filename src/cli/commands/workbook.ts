import type { Command } from 'commander';

/** Placeholder: filled in by the issue that builds `luoshi workbook`. */
export function registerWorkbook(_program: Command): void {}
