/**
 * When a workbook was last saved, as the workbook itself records it: dcterms:modified in docProps/core.xml,
 * which Excel, WPS and LibreOffice rewrite on every save. Used by the which-version rule
 * (src/core/progress/version.ts); the typed 截至日期 never decides.
 */
import { strFromU8, unzipSync } from 'fflate';

const CORE_PART = 'docProps/core.xml';

/** ISO timestamp of the last save, or null when the workbook does not record one (or cannot be unzipped). */
export function workbookSavedAt(bytes: Uint8Array): string | null {
  let xml: string;
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name === CORE_PART });
    const part = parts[CORE_PART];
    if (!part) return null;
    xml = strFromU8(part);
  } catch {
    return null;
  }
  const m = xml.match(/<dcterms:modified\b[^>]*>\s*([^<\s]+)\s*<\/dcterms:modified>/);
  if (!m) return null;
  const t = Date.parse(m[1]);
  // Writers that never set it leave 1970 (or nothing); that says nothing about which copy is newer.
  return Number.isNaN(t) || t <= 0 ? null : new Date(t).toISOString();
}
