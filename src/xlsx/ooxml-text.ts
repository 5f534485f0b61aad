/**
 * Text as it must be stored in a cell so every reader (Excel, exceljs, our fast reader) gives back the
 * same characters. OOXML escapes characters XML cannot carry as _xHHHH_, so a literal "_x0041_" typed by a
 * user must itself be escaped (its underscore as _x005F_), and control characters (which exceljs would
 * silently drop, and a carriage return, which XML parsing turns into a line feed) are written escaped.
 */

// eslint-disable-next-line no-control-regex -- the control characters are what this escapes
const NEEDS_ESCAPE = /_x[0-9A-F]{4}_|[\u0000-\u0008\u000b-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPES = /_(?=x[0-9A-F]{4}_)|[\u0000-\u0008\u000b-\u001f\u007f]/g;

function hex4(code: number): string {
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** `text` with OOXML's _xHHHH_ escapes applied where needed (unchanged for ordinary text). */
export function escapeCellText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (ch) => hex4(ch.charCodeAt(0)));
}
