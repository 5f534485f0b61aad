/**
 * One office's entry workbook from a catalogue: the options shared by `luoshi workbook`, the server's
 * blank workbooks and the demo (sample figures, allocation share), and the bytes. A host over
 * src/core/workbook and the Node workbook writer.
 */
import type { Catalogue } from '../core/model/catalogue.js';
import type { RosterOffice } from '../core/roster.js';
import { planWorkbook, type PlanOptions } from '../core/workbook/plan.js';
import { sampleEntries, sampleTaskEntries } from '../core/workbook/sample.js';
import { applyAllocation, type Allocation } from '../core/allocation/index.js';
import { writeWorkbookBytes } from './write-workbook-node.js';

/** Options shared by single and batch generation. */
export interface GenerateOptions {
  period: string;
  deadline?: string | null;
  password?: string | null;
  protect?: boolean;
  /** Fill with deterministic 示例数据 (demo); the value is the seed. */
  sample?: string | null;
  generatedAt?: string;
  /** The allocation (分解下达): each office's workbook carries its own share (src/core/allocation). */
  allocation?: Allocation | null;
}

export function planOptions(
  office: RosterOffice | { office: string },
  o: GenerateOptions,
  catalogue: Catalogue,
): PlanOptions {
  const r = office as Partial<RosterOffice>;
  const filter = { documents: r.documents ?? [], units: r.units ?? [] };
  const opts: PlanOptions = {
    office: office.office,
    period: o.period,
    deadline: o.deadline ?? null,
    contact: r.contact ?? null,
    phone: r.phone ?? null,
    documents: filter.documents,
    units: filter.units,
    protect: o.protect !== false,
    protectPassword: o.password ?? null,
    generatedAt: o.generatedAt ?? new Date().toISOString(),
    ...(o.allocation ? { allocation: o.allocation } : {}),
  };
  if (o.sample) {
    // Sample figures are drawn around the office's own target, as an office would report them.
    const own = applyAllocation(catalogue, o.allocation, office.office);
    opts.entries = sampleEntries(own, office.office, o.period, o.sample, filter);
    opts.taskEntries = sampleTaskEntries(own, office.office, o.period, o.sample, filter);
  }
  return opts;
}

/** Generate one office's workbook bytes. */
export async function generateWorkbook(
  catalogue: Catalogue,
  office: RosterOffice | { office: string },
  o: GenerateOptions,
): Promise<Uint8Array> {
  return writeWorkbookBytes(planWorkbook(catalogue, planOptions(office, o, catalogue)));
}
