/**
 * Corrections entered in a form (the web page's 目录审核) rather than in the 目录审核 workbook: each is
 * laid out as the workbook row it stands for and read by readCorrectionsGrid, so both ways of correcting
 * follow one set of rules and one set of messages. A value that cannot be read names the correction and
 * the field instead of a cell.
 */
import { LuoshiError } from '../errors.js';
import type { CellValue, WorkbookGrid } from '../model/grid.js';
import {
  CORRECTABLE_FIELDS,
  readCorrectionsGrid,
  REVIEW_SHEET,
  type CatalogueCorrections,
  type CorrectableField,
  type CorrectionAction,
} from './corrections.js';
import { columnIndex } from '../workbook/a1.js';

export interface CorrectionInput {
  action: CorrectionAction;
  /** The target corrected; absent for an added one. */
  targetId?: string | null;
  /** New values as text, written as in the workbook's 改为… columns (“无” clears a value). */
  fields?: Partial<Record<CorrectableField, string>>;
  /** An added target's 文件 (发文字号 or title) and 原文. */
  document?: string;
  quote?: string;
  note?: string;
}

/** A form value the 目录审核 rules refuse: which correction (0-based), which field, and why. */
export class CorrectionInputError extends LuoshiError {
  constructor(
    message: string,
    readonly index: number,
    readonly field: string,
  ) {
    super('bad-correction', message);
  }
}

const ACTION_LABEL: Record<CorrectionAction, string> = {
  edit: '修改',
  delete: '删除',
  confirm: '确认',
  add: '新增',
};
const HEADER = ['编号', '处理', '文件', '原文', ...CORRECTABLE_FIELDS.map((f) => `改为${f}`), '备注'];
/** The grid's header is row 1, so correction i is row i + 2. */
const FIRST_ROW = 2;
const SOURCE = '目录修正';

function inputRow(c: CorrectionInput): CellValue[] {
  return [
    c.targetId ?? '',
    ACTION_LABEL[c.action],
    c.document ?? '',
    c.quote ?? '',
    ...CORRECTABLE_FIELDS.map((f) => c.fields?.[f] ?? ''),
    c.note ?? '',
  ];
}

function columnOfCell(cell: string): number {
  return columnIndex(/^[A-Z]+/.exec(cell)?.[0] ?? 'A');
}

/** Read form corrections by the workbook's rules; throws CorrectionInputError for a value it refuses. */
export function readCorrectionInputs(inputs: readonly CorrectionInput[]): CatalogueCorrections {
  const grid: WorkbookGrid = {
    sheets: [{ name: REVIEW_SHEET, state: 'visible', rows: [HEADER, ...inputs.map(inputRow)] }],
  };
  try {
    return readCorrectionsGrid(grid, SOURCE);
  } catch (e) {
    const cell = e instanceof LuoshiError ? e.where.cell : undefined;
    if (!cell) throw e;
    const index = Number(/\d+$/.exec(cell)?.[0] ?? FIRST_ROW) - FIRST_ROW;
    const field = (HEADER[columnOfCell(cell)] ?? '').replace(/^改为/, '');
    const message = (e as LuoshiError).message;
    const at = message.indexOf(`${cell}：`);
    const why = at >= 0 ? message.slice(at + cell.length + 1) : message;
    const c = inputs[index];
    const which = c?.targetId ? `指标 ${c.targetId}` : `第 ${index + 1} 条修正`;
    throw new CorrectionInputError(`${which}的“${field}”：${why}`, index, field);
  }
}
