/** Allocation (分解下达): parse an allocation workbook's grid, apply it to one office, lay out its template. */
export * from './types.js';
export { ALLOCATION_COLUMNS, SHEET_ALLOCATION, SHEET_ALLOCATION_GUIDE } from './layout.js';
export { parseAllocationGrid, type AllocationContext, type AllocationResult } from './parse.js';
export { applyAllocation, allocatedTargetText, overallText, recordedAllocation, sharesOf } from './apply.js';
export { parseShare } from './share.js';
export { scopeOf, DEFAULT_SCOPE } from './scope.js';
export { planAllocationTemplate } from './template.js';
