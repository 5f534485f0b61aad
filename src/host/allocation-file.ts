/**
 * Reading a filled allocation workbook (分解表.xlsx) from disk for the Node hosts: checked against the
 * catalogue and, when given, the roster; one Chinese error listing every problem (sheet and cell) when it
 * cannot be used.
 */
import * as path from 'node:path';
import type { Allocation, AllocationOffice } from '../core/allocation/index.js';
import type { Catalogue } from '../core/model/catalogue.js';
import type { Roster } from '../core/roster.js';
import { readAllocationOrThrow } from '../xlsx/allocation-workbook.js';
import { readInput } from './files.js';

/** The roster's offices as the allocation sees them. */
export function allocationOffices(roster: Roster): AllocationOffice[] {
  return roster.offices.map((o) => ({ office: o.office, documents: o.documents, units: o.units }));
}

export async function readAllocationFile(
  file: string,
  catalogue: Catalogue,
  roster?: Roster,
): Promise<Allocation> {
  return readAllocationOrThrow(await readInput(file), path.basename(file), {
    catalogue,
    ...(roster ? { offices: allocationOffices(roster), rosterFile: roster.file } : {}),
  });
}
