/** One row of the 报送进度 dashboard per roster office, from the round the server returns. */
import { officeState, type OfficeState, type OfficeStatus } from './api/index.js';

export interface ProgressRow {
  office: string;
  state: OfficeState;
  lastSubmittedAt: string | null;
  errors: number;
  warnings: number;
  contact: string | null;
  phone: string | null;
  username: string | null;
}

export function progressRows(offices: readonly OfficeStatus[]): ProgressRow[] {
  return offices.map((o) => ({
    office: o.office,
    state: officeState(o.latest),
    lastSubmittedAt: o.latest?.submittedAt ?? null,
    errors: o.latest?.errors ?? 0,
    warnings: o.latest?.warnings ?? 0,
    contact: o.contact,
    phone: o.phone,
    username: o.username,
  }));
}
