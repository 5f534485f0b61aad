/**
 * Full-width → half-width, the one normalisation every reader of Chinese text needs: full-width ASCII
 * (！..～, so ０-９ ％ ．（） too) to its half-width form, and the ideographic and no-break spaces to a space.
 * Length-preserving (one UTF-16 unit for one), so offsets found in the normalised copy hold in the original.
 */
const WIDE = /[\uff01-\uff5e\u3000\u00a0]/g;

export function halfWidth(s: string): string {
  return s.replace(WIDE, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff01 ? String.fromCharCode(code - 0xfee0) : ' ';
  });
}
