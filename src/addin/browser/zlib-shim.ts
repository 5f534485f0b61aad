/**
 * Stand-in for node:zlib in the browser bundle. src/xlsx/read-grid.ts first tries its Node-only
 * fast reader (which inflates with node:zlib) and falls back to exceljs on any error; in the pane
 * this shim makes that fallback immediate.
 */
export function inflateRawSync(): never {
  throw new Error('node:zlib is not available in the browser');
}
