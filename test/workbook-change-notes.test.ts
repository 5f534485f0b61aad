/**
 * The 变更提示 column an upgrade writes is read back by the next upgrade, so a note stays until a
 * newer change replaces it. Grids from the real plan of the seeds (no .xlsx).
 */
import { describe, expect, it } from 'vitest';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readChangeNotes } from '../src/core/workbook/upgrade.js';
import { planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

describe('变更提示 notes', () => {
  it('are read back by target id, and there are none without the column', () => {
    const catalogue = seedCatalogue();
    const [a, b] = catalogue.targets;
    const options = { office: '长春市', period: '2025年度', generatedAt: '2026-01-05T08:00:00Z' };
    const noted = planGrid(
      planWorkbook(catalogue, {
        ...options,
        changeNotes: { [a.id]: '目标值由 ≥5 改为 ≥6。请核对已填内容', [b.id]: '' },
      }),
    );
    expect(readChangeNotes(noted)).toEqual({ [a.id]: '目标值由 ≥5 改为 ≥6。请核对已填内容' });
    expect(readChangeNotes(planGrid(planWorkbook(catalogue, options)))).toEqual({});
    expect(readChangeNotes({ sheets: [] })).toEqual({});
  });
});
