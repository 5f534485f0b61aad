/**
 * A typed recording fake of the Excel JavaScript API subset that src/addin/office/excel-host.ts
 * uses. It is NOT Excel: it models what our code relies on and what real Excel enforces on it:
 * - operations are queued and applied at context.sync(), in order; errors surface at sync;
 * - reading a property that was not load()ed and synced throws, as in Office.js;
 * - values/numberFormat arrays must match the range's shape; strings are parsed like typing
 *   (a leading apostrophe keeps text, "=…" and non-numeric "+…"/"-…" are formulas, numeric text
 *   becomes a number, "1/2" becomes a date of the current year);
 * - protected sheets reject writes; protect() on a protected sheet fails; the active sheet can't
 *   be hidden; a name can't be added twice; a validation rule can't be set over an existing one;
 * - members above the host's ExcelApi version throw ApiNotFound;
 * - each request's and each response's JSON size is recorded, and either over 5 MB fails (Excel on
 *   the web's limit; the response is sized from the loaded values themselves, not from the add-in's
 *   own estimate);
 * It records everything written so tests assert on exact cells, formats, validations, protection
 * and names, and counts syncs.
 *
 * Only type imports (erased): the e2e tests transpile this file with TypeScript and inject it into the page.
 * It stands in for office.js, which brings its own code to IE11, so it uses only ES5 built-ins (plus
 * Map, Set and iteration): the IE11 emulation of test/e2e takes the others away from the page.
 */
import type { ExcelDataValidation, ExcelDataValidationRule } from '../../src/addin/office/excel-host.js';

/** Taken when this script loads, before the IE11 emulation of test/e2e removes the global Promise. */
const NativePromise = Promise;

export interface FakeCell {
  /** '' for an empty cell, as Office.js reports it. */
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  fill: string | null;
  bold: boolean | null;
  fontColor: string | null;
  fontSize: number | null;
  fontName: string | null;
  wrap: boolean | null;
  hAlign: string | null;
  vAlign: string | null;
  border: string | null;
}

export interface FakeValidation {
  address: string;
  rule: unknown;
  ignoreBlanks: boolean | null;
  errorAlert: unknown;
  prompt: unknown;
}

export interface FakeProtection {
  protected: boolean;
  options: unknown;
  password: string | null;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  validations: FakeValidation[];
  merges: string[];
  protection: FakeProtection;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  /** Rows (1-based) Excel was asked to fit to their text. */
  autofitRows: Set<number>;
  freeze: string | null;
  tabColor: string | null;
  pageLayout: Record<string, unknown>;
}

export interface FakeOptions {
  /** Highest ExcelApi 1.x minor version the fake host supports (default 9). */
  apiMinor?: number;
  /** Request size limit in bytes (default 5 MB, as Excel on the web). */
  payloadLimit?: number;
}

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

export function colLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses "A1", "A1:B2", "C:C", "3:3", "'S'!A1:B2"; null address = whole sheet. */
export function parseAddress(address: string | null): Box {
  if (address === null) return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
  const bare = address.lastIndexOf('!') >= 0 ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = bare.replace(/\$/g, '').split(':');
  const cell = (p: string): { row: number | null; col: number | null } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p.trim());
    if (!m || (m[1] === '' && m[2] === '')) throw fakeError('InvalidArgument', `bad address ${address}`);
    return { col: m[1] ? colIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const a = cell(parts[0]);
  const b = parts.length > 1 ? cell(parts[1]) : a;
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.col ?? 0;
  const c1 = b.col ?? MAX_COLS - 1;
  return {
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
}

export function boxA1(b: Box): string {
  const tl = `${colLetters(b.col)}${b.row + 1}`;
  return b.rows === 1 && b.cols === 1 ? tl : `${tl}:${colLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
}

function intersects(a: Box, b: Box): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function fakeError(code: string, message: string): Error {
  const e = new Error(`${code}: ${message}`);
  (e as Error & { code: string }).code = code;
  return e;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function newCell(): FakeCell {
  return {
    value: '',
    formula: null,
    numberFormat: 'General',
    locked: true,
    fill: null,
    bold: null,
    fontColor: null,
    fontSize: null,
    fontName: null,
    wrap: null,
    hAlign: null,
    vAlign: null,
    border: null,
  };
}

/** What Excel stores when a string is assigned to a cell's value (like typing it). */
function parseTyped(v: unknown): { value: FakeCell['value']; formula: string | null; numberFormat?: string } {
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  if (v === null || v === undefined) return { value: '', formula: null };
  if (typeof v !== 'string')
    throw new Error(`the fake Excel takes numbers, booleans and text, not ${typeof v}`);
  const s = v;
  if (s.charAt(0) === "'") return { value: s.slice(1), formula: null };
  if (s.charAt(0) === '=' && s.length > 1) return { value: '', formula: s };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim())) return { value: Number(s), formula: null };
  // Typed "+…" or "-…" that is not a number is a formula to Excel (it shows #NAME?).
  if (/^[+-]/.test(s)) return { value: '#NAME?', formula: `=${s}` };
  // "1/2" or "3-15" is a date of the current year to Excel, not a fraction or a range.
  const md = /^(\d{1,2})[/-](\d{1,2})$/.exec(s.trim());
  if (md && Number(md[1]) >= 1 && Number(md[1]) <= 12 && Number(md[2]) >= 1 && Number(md[2]) <= 31) {
    const serial = Date.UTC(new Date().getUTCFullYear(), Number(md[1]) - 1, Number(md[2])) / 86400000 + 25569;
    return { value: serial, formula: null, numberFormat: 'm/d' };
  }
  if (/^(TRUE|FALSE)$/i.test(s)) return { value: s.toUpperCase() === 'TRUE', formula: null };
  return { value: s, formula: null };
}

/** The in-memory workbook the fake Excel writes to. Tests inspect it directly. */
export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  names = new Map<string, string>();
  properties: { title: string; author: string } = { title: '', author: '' };
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  syncs = 0;
  /** UTF-8 JSON bytes of each request (one entry per sync). */
  requestBytes: number[] = [];
  /** Bytes of each sync's response (the loaded values, as JSON). */
  responseBytes: number[] = [];
  calculationSuspensions = 0;
  /** Every queued operation's name, in order, with the sync it belonged to (for order assertions). */
  log: { sync: number; op: string }[] = [];

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw fakeError('ItemAlreadyExists', `sheet ${name} exists`);
    const s: FakeSheet = {
      name,
      visibility: 'Visible',
      cells: new Map(),
      validations: [],
      merges: [],
      protection: { protected: false, options: null, password: null },
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      rowHeights: new Map(),
      autofitRows: new Set(),
      freeze: null,
      tabColor: null,
      pageLayout: {},
    };
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.filter((s) => s.name === name)[0];
  }

  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw fakeError('ItemNotFound', `sheet ${name} not found`);
    return s;
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const b = parseAddress(a1);
    return this.mustSheet(sheet).cells.get(`${b.row},${b.col}`);
  }

  /** Value of a cell ('' when empty), as Excel would return it. */
  value(sheet: string, a1: string): FakeCell['value'] {
    return this.cell(sheet, a1)?.value ?? '';
  }

  /** Test setup: types values into a sheet as a user would (no protection checks). */
  type(sheet: string, a1: string, value: string | number): void {
    const b = parseAddress(a1);
    const key = `${b.row},${b.col}`;
    const s = this.mustSheet(sheet);
    const c = s.cells.get(key) ?? newCell();
    const t = parseTyped(value);
    c.value = t.value;
    c.formula = t.formula;
    if (t.numberFormat && c.numberFormat === 'General') c.numberFormat = t.numberFormat;
    s.cells.set(key, c);
  }

  /** A plain snapshot of everything the add-in can change, for "nothing changed" comparisons. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
        validations: s.validations,
        merges: s.merges.slice().sort(),
        protection: s.protection,
        columnWidths: [...s.columnWidths.entries()],
        rowHeights: [...s.rowHeights.entries()],
        freeze: s.freeze,
        tabColor: s.tabColor,
        pageLayout: s.pageLayout,
      })),
      names: [...this.names.entries()].sort(),
      properties: this.properties,
    });
  }
}

/** `response` (loads only): what the load returns, sized at sync after the batch ran. */
type Op = { name: string; bytes: number; apply: () => void; response?: () => unknown };

/** JSON envelope Excel wraps around each loaded object in a response (ids, type tags). */
const RESPONSE_ENVELOPE_BYTES = 100;

/** One Excel.run batch: queues operations and applies them at sync(). */
export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(
    readonly model: FakeWorkbookModel,
    readonly apiMinor: number,
    private readonly payloadLimit: number,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.need(6, 'suspendApiCalculationUntilNextSync');
        this.enqueue('suspendApiCalculationUntilNextSync', null, () => {
          this.model.calculationSuspensions++;
        });
      },
    };
  }

  need(minor: number, member: string): void {
    if (this.apiMinor < minor) throw fakeError('ApiNotFound', `${member} needs ExcelApi 1.${minor}`);
  }

  enqueue(name: string, data: unknown, apply: () => void, response?: () => unknown): void {
    const bytes = data === null || data === undefined ? 60 : utf8Bytes(JSON.stringify(data)) + 60;
    this.queue.push({ name, bytes, apply, response });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.model.syncs++;
    this.model.requestBytes.push(bytes);
    if (bytes > this.payloadLimit) {
      throw fakeError(
        'RequestPayloadSizeLimitExceeded',
        `request of ${bytes} bytes exceeds ${this.payloadLimit}`,
      );
    }
    let response = 0;
    for (const op of ops) {
      this.model.log.push({ sync: this.model.syncs, op: op.name });
      op.apply();
      if (op.response) response += utf8Bytes(JSON.stringify(op.response())) + RESPONSE_ENVELOPE_BYTES;
    }
    this.model.responseBytes.push(response);
    // Excel on the web refuses a response over 5 MB (resource limits); desktop Excel has no such
    // limit, so a fake that applies it everywhere is stricter than any one Excel.
    if (response > this.payloadLimit) {
      throw fakeError(
        'ResponsePayloadSizeLimitExceeded',
        `response of ${response} bytes exceeds ${this.payloadLimit}`,
      );
    }
    await NativePromise.resolve();
  }

  pending(): number {
    return this.queue.length;
  }
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Load tracking shared by proxies: a property is readable once loaded AND synced. */
class Loadable {
  private loaded = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}

  protected markLoaded(props: string[], snapshot: () => void, response?: () => unknown): void {
    this.ctx.enqueue(
      'load',
      null,
      () => {
        snapshot();
        for (const p of props) this.loaded.add(p);
      },
      response,
    );
  }

  protected read<T>(prop: string, v: T): T {
    if (!this.loaded.has(prop))
      throw fakeError('PropertyNotLoaded', `property ${prop} was not loaded (call load() and sync() first)`);
    return v;
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNameCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNameCollection(ctx);
  }
  get properties(): { title: string; author: string } {
    this.ctx.need(7, 'workbook.properties');
    const ctx = this.ctx;
    return {
      set title(v: string) {
        ctx.enqueue('properties.title', v, () => {
          ctx.model.properties.title = v;
        });
      },
      set author(v: string) {
        ctx.enqueue('properties.author', v, () => {
          ctx.model.properties.author = v;
        });
      },
      get title(): string {
        throw fakeError('PropertyNotLoaded', 'title');
      },
      get author(): string {
        throw fakeError('PropertyNotLoaded', 'author');
      },
    };
  }
}

class FakeWorksheetCollection extends Loadable {
  private snapshotItems: FakeWorksheet[] = [];
  load(props: string): void {
    const list = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
    if (list.some((p) => p.indexOf('protection') === 0)) this.ctx.need(2, 'worksheet.protection');
    this.markLoaded(['items'], () => {
      this.snapshotItems = this.ctx.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, s.name);
        ws.preload(list, s);
        return ws;
      });
    });
  }
  get items(): FakeWorksheet[] {
    return this.read('items', this.snapshotItems);
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueue('worksheets.add', name, () => {
      this.ctx.model.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, name);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Loadable {
  private snap: { name?: string; visibility?: string; protected?: boolean } = {};
  readonly protection: FakeProtectionProxy;
  readonly freezePanes: {
    freezeAt(range: string): void;
    freezeRows(n: number): void;
    freezeColumns(n: number): void;
    unfreeze(): void;
  };
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
  ) {
    super(ctx);
    this.protection = new FakeProtectionProxy(ctx, sheetName, this);
    const set = (op: string, v: string | null): void => {
      ctx.need(7, 'freezePanes');
      ctx.enqueue(op, v, () => {
        ctx.model.mustSheet(sheetName).freeze = v;
      });
    };
    this.freezePanes = {
      freezeAt: (r) => set('freezeAt', boxA1(parseAddress(r))),
      freezeRows: (n) => set('freezeRows', `A1:${colLetters(MAX_COLS - 1)}${n}`),
      freezeColumns: (n) => set('freezeColumns', `A1:${colLetters(n - 1)}${MAX_ROWS}`),
      unfreeze: () => set('unfreeze', null),
    };
  }
  /** Values captured by a collection load (the proxy counts as loaded after that sync). */
  preload(props: string[], s: FakeSheet): void {
    this.snap = { name: s.name, visibility: s.visibility, protected: s.protection.protected };
    for (const p of props) this.loadedProps.push(p);
  }
  private loadedProps: string[] = [];
  private readSnap<T>(prop: string, v: T): T {
    if (this.loadedProps.indexOf(prop) < 0)
      throw fakeError('PropertyNotLoaded', `worksheet.${prop} was not loaded`);
    return v;
  }
  protectedState(): boolean {
    return this.readSnap('protection/protected', this.snap.protected === true);
  }
  get name(): string {
    return this.readSnap('name', this.snap.name ?? '');
  }
  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.readSnap('visibility', (this.snap.visibility ?? 'Visible') as 'Visible');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    // reading visibility is ExcelApi 1.1; setting it is 1.2
    this.ctx.need(2, 'worksheet.visibility (set)');
    this.ctx.enqueue('visibility', v, () => {
      const m = this.ctx.model;
      const s = m.mustSheet(this.sheetName);
      if (v !== 'Visible') {
        if (m.activeSheet === this.sheetName)
          throw fakeError('InvalidOperation', `cannot hide the active sheet ${this.sheetName}`);
        if (m.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0)
          throw fakeError('InvalidOperation', 'cannot hide the last visible sheet');
      }
      s.visibility = v;
    });
  }
  set position(p: number) {
    this.ctx.enqueue('position', p, () => {
      const m = this.ctx.model;
      const s = m.mustSheet(this.sheetName);
      m.sheets.splice(m.sheets.indexOf(s), 1);
      m.sheets.splice(Math.min(p, m.sheets.length), 0, s);
    });
  }
  get position(): number {
    throw fakeError('PropertyNotLoaded', 'position');
  }
  set tabColor(c: string) {
    this.ctx.need(7, 'tabColor');
    this.ctx.enqueue('tabColor', c, () => {
      this.ctx.model.mustSheet(this.sheetName).tabColor = c;
    });
  }
  get tabColor(): string {
    throw fakeError('PropertyNotLoaded', 'tabColor');
  }
  get pageLayout(): FakePageLayout {
    this.ctx.need(9, 'pageLayout');
    return new FakePageLayout(this.ctx, this.sheetName);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, address === undefined ? null : address);
  }
  getRanges(address: string): { select(): void } {
    this.ctx.need(9, 'getRanges');
    return {
      select: () => {
        this.ctx.need(18, 'RangeAreas.select');
        this.ctx.enqueue('select', address, () => {
          this.ctx.model.mustSheet(this.sheetName);
          this.ctx.model.selection = { sheet: this.sheetName, address };
        });
      },
    };
  }
  getUsedRange(): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, null, true);
  }
  activate(): void {
    this.ctx.enqueue('activate', this.sheetName, () => {
      const s = this.ctx.model.mustSheet(this.sheetName);
      if (s.visibility !== 'Visible')
        throw fakeError('InvalidOperation', `cannot activate hidden sheet ${this.sheetName}`);
      this.ctx.model.activeSheet = this.sheetName;
    });
  }
  load(props: string): void {
    const list = props.split(',').map((p) => p.trim());
    this.ctx.enqueue('load', null, () => {
      const s = this.ctx.model.mustSheet(this.sheetName);
      this.preload(list, s);
    });
  }
}

class FakeProtectionProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    private readonly ws: FakeWorksheet,
  ) {}
  get protected(): boolean {
    this.ctx.need(2, 'protection');
    return this.ws.protectedState();
  }
  protect(options?: unknown, password?: string): void {
    this.ctx.need(2, 'protection.protect');
    if (password !== undefined) this.ctx.need(7, 'protect(password)');
    if (options && typeof options === 'object' && 'selectionMode' in options)
      this.ctx.need(7, 'selectionMode');
    this.ctx.enqueue('protect', options ?? null, () => {
      const p = this.ctx.model.mustSheet(this.sheetName).protection;
      if (p.protected) throw fakeError('InvalidOperation', `sheet ${this.sheetName} is already protected`);
      p.protected = true;
      p.options = options ?? null;
      p.password = password ?? null;
    });
  }
  unprotect(password?: string): void {
    this.ctx.need(2, 'protection.unprotect');
    this.ctx.enqueue('unprotect', null, () => {
      const p = this.ctx.model.mustSheet(this.sheetName).protection;
      if (p.password !== null && p.password !== (password ?? null))
        throw fakeError('InvalidPassword', 'wrong password');
      p.protected = false;
      p.options = null;
      p.password = null;
    });
  }
}

class FakePageLayout {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
  ) {}
  private put(key: string, v: unknown): void {
    this.ctx.enqueue(`pageLayout.${key}`, v, () => {
      this.ctx.model.mustSheet(this.sheetName).pageLayout[key] = v;
    });
  }
  set orientation(v: string) {
    this.put('orientation', v);
  }
  set paperSize(v: string) {
    this.put('paperSize', v);
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.put('zoom', v);
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    throw fakeError('PropertyNotLoaded', 'zoom');
  }
  set leftMargin(v: number) {
    this.put('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.put('rightMargin', v);
  }
  set topMargin(v: number) {
    this.put('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.put('bottomMargin', v);
  }
  set headerMargin(v: number) {
    this.put('headerMargin', v);
  }
  set footerMargin(v: number) {
    this.put('footerMargin', v);
  }
  get headersFooters(): {
    defaultForAllPages: {
      leftHeader: string;
      centerHeader: string;
      rightHeader: string;
      centerFooter: string;
    };
  } {
    const put = (k: string, v: string): void => this.put(k, v);
    return {
      defaultForAllPages: {
        set leftHeader(v: string) {
          put('leftHeader', v);
        },
        set rightHeader(v: string) {
          put('rightHeader', v);
        },
        get leftHeader(): string {
          throw fakeError('PropertyNotLoaded', 'leftHeader');
        },
        get rightHeader(): string {
          throw fakeError('PropertyNotLoaded', 'rightHeader');
        },
        set centerHeader(v: string) {
          put('centerHeader', v);
        },
        set centerFooter(v: string) {
          put('centerFooter', v);
        },
        get centerHeader(): string {
          throw fakeError('PropertyNotLoaded', 'centerHeader');
        },
        get centerFooter(): string {
          throw fakeError('PropertyNotLoaded', 'centerFooter');
        },
      },
    };
  }
  setPrintTitleRows(rows: string): void {
    this.put('printTitleRows', rows);
  }
  setPrintArea(area: string): void {
    parseAddress(area.split(':')[0]); // a bad address fails, as in Excel
    this.put('printArea', area);
  }
}

class FakeRange extends Loadable {
  private snap: { address: string; values: unknown[][]; numberFormat: unknown[][] } = {
    address: '',
    values: [],
    numberFormat: [],
  };
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    readonly address0: string | null,
    private readonly used = false,
  ) {
    super(ctx);
  }

  private sheet(): FakeSheet {
    return this.ctx.model.mustSheet(this.sheetName);
  }

  private box(): Box {
    if (!this.used) return parseAddress(this.address0);
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    this.sheet().cells.forEach((_, key) => {
      const [r, c] = key.split(',').map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    });
    if (r1 < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Writes go through here: protected sheets reject changes to locked cells. */
  private eachCell(
    op: string,
    data: unknown,
    fn: (cell: FakeCell, r: number, c: number) => void,
    checkLocked = true,
  ): void {
    this.ctx.enqueue(op, data, () => {
      const s = this.sheet();
      const b = this.box();
      if (b.rows * b.cols > 5_000_000) {
        // Whole-sheet operations: touch only existing cells.
        s.cells.forEach((cell, key) => {
          const [r, c] = key.split(',').map(Number);
          if (r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols) {
            if (checkLocked && s.protection.protected)
              throw fakeError('AccessDenied', `sheet ${s.name} is protected`);
            fn(cell, r, c);
          }
        });
        return;
      }
      for (let r = b.row; r < b.row + b.rows; r++) {
        for (let c = b.col; c < b.col + b.cols; c++) {
          const key = `${r},${c}`;
          const cell = s.cells.get(key) ?? newCell();
          if (checkLocked && s.protection.protected && cell.locked) {
            throw fakeError('AccessDenied', `sheet ${s.name} is protected (cell ${colLetters(c)}${r + 1})`);
          }
          fn(cell, r, c);
          s.cells.set(key, cell);
        }
      }
    });
  }

  private shapeCheck(arr: unknown, what: string): unknown[][] {
    if (!Array.isArray(arr) || !arr.every((r) => Array.isArray(r)))
      throw fakeError('InvalidArgument', `${what} must be a 2D array`);
    const b = parseAddress(this.address0);
    const rows = arr as unknown[][];
    if (rows.length !== b.rows || rows.some((r) => r.length !== b.cols)) {
      throw fakeError(
        'InvalidArgument',
        `${what} is ${rows.length}×${rows[0]?.length ?? 0} but range ${this.address0} is ${b.rows}×${b.cols}`,
      );
    }
    return rows;
  }

  load(props: string): void {
    const list = props.split(',').map((p) => p.trim());
    this.markLoaded(
      list,
      () => {
        const s = this.sheet();
        const b = this.box();
        const values: unknown[][] = [];
        const formats: unknown[][] = [];
        for (let r = b.row; r < b.row + b.rows; r++) {
          const vr: unknown[] = [];
          const fr: unknown[] = [];
          for (let c = b.col; c < b.col + b.cols; c++) {
            const cell = s.cells.get(`${r},${c}`);
            vr.push(cell ? cell.value : '');
            fr.push(cell ? cell.numberFormat : 'General');
          }
          values.push(vr);
          formats.push(fr);
        }
        this.snap = { address: `${quoteSheet(s.name)}!${boxA1(b)}`, values, numberFormat: formats };
      },
      () => {
        // (no Object.fromEntries: the fake also runs under the IE11 emulation of test/e2e)
        const snap: Record<string, unknown> = this.snap;
        const out: Record<string, unknown> = {};
        for (const p of list) out[p] = snap[p];
        return out;
      },
    );
  }

  get address(): string {
    return this.read('address', this.snap.address);
  }
  get values(): unknown[][] {
    return this.read('values', this.snap.values);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat', this.snap.numberFormat);
  }

  set values(v: unknown[][]) {
    const rows = this.shapeCheck(v, 'values');
    const b = parseAddress(this.address0);
    this.eachCell('values', rows, (cell, r, c) => {
      const t = parseTyped(rows[r - b.row][c - b.col]);
      cell.value = t.value;
      cell.formula = t.formula;
      if (t.numberFormat && cell.numberFormat === 'General') cell.numberFormat = t.numberFormat;
    });
  }

  set numberFormat(v: unknown[][]) {
    const rows = this.shapeCheck(v, 'numberFormat');
    const b = parseAddress(this.address0);
    this.eachCell('numberFormat', rows, (cell, r, c) => {
      cell.numberFormat = String(rows[r - b.row][c - b.col]);
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, this, (op, data, fn, checkLocked) =>
      this.eachCell(op, data, fn, checkLocked),
    );
  }

  get dataValidation(): FakeDataValidation {
    this.ctx.need(8, 'dataValidation');
    return new FakeDataValidation(this.ctx, this.sheetName, this.address0);
  }

  select(): void {
    this.ctx.enqueue('select', this.address0, () => {
      this.sheet();
      this.ctx.model.selection = { sheet: this.sheetName, address: boxA1(this.box()) };
    });
  }

  clear(): void {
    this.ctx.enqueue('clear', this.address0, () => {
      const s = this.sheet();
      if (s.protection.protected) throw fakeError('AccessDenied', `sheet ${s.name} is protected`);
      const b = this.box();
      [...s.cells.keys()].forEach((key) => {
        const [r, c] = key.split(',').map(Number);
        if (r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols) s.cells.delete(key);
      });
    });
  }

  merge(): void {
    this.ctx.need(2, 'merge');
    this.ctx.enqueue('merge', this.address0, () => {
      const s = this.sheet();
      if (s.protection.protected) throw fakeError('AccessDenied', `sheet ${s.name} is protected`);
      const b = this.box();
      if (s.merges.some((m) => intersects(parseAddress(m), b)))
        throw fakeError('InvalidOperation', `merge ${this.address0} overlaps a merge`);
      s.merges.push(boxA1(b));
    });
  }

  unmerge(): void {
    this.ctx.need(2, 'unmerge');
    this.ctx.enqueue('unmerge', this.address0, () => {
      const s = this.sheet();
      const b = this.box();
      s.merges = s.merges.filter((m) => !intersects(parseAddress(m), b));
    });
  }

  boxNow(): Box {
    return this.box();
  }
}

type CellOp = (
  op: string,
  data: unknown,
  fn: (cell: FakeCell, r: number, c: number) => void,
  checkLocked?: boolean,
) => void;

class FakeRangeFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
    private readonly each: CellOp,
  ) {}
  get fill(): { color: string } {
    const each = this.each;
    return {
      set color(v: string) {
        each('fill', v, (c) => {
          c.fill = v;
        });
      },
      get color(): string {
        throw fakeError('PropertyNotLoaded', 'fill.color');
      },
    };
  }
  get font(): { bold: boolean; size: number; color: string; name: string } {
    const each = this.each;
    return {
      set bold(v: boolean) {
        each('font.bold', v, (c) => {
          c.bold = v;
        });
      },
      set size(v: number) {
        each('font.size', v, (c) => {
          c.fontSize = v;
        });
      },
      set color(v: string) {
        each('font.color', v, (c) => {
          c.fontColor = v;
        });
      },
      set name(v: string) {
        each('font.name', v, (c) => {
          c.fontName = v;
        });
      },
      get bold(): boolean {
        throw fakeError('PropertyNotLoaded', 'font.bold');
      },
      get size(): number {
        throw fakeError('PropertyNotLoaded', 'font.size');
      },
      get color(): string {
        throw fakeError('PropertyNotLoaded', 'font.color');
      },
      get name(): string {
        throw fakeError('PropertyNotLoaded', 'font.name');
      },
    };
  }
  set wrapText(v: boolean) {
    this.each('wrapText', v, (c) => {
      c.wrap = v;
    });
  }
  set horizontalAlignment(v: string) {
    this.each('horizontalAlignment', v, (c) => {
      c.hAlign = v;
    });
  }
  set verticalAlignment(v: string) {
    this.each('verticalAlignment', v, (c) => {
      c.vAlign = v;
    });
  }
  get wrapText(): boolean {
    throw fakeError('PropertyNotLoaded', 'wrapText');
  }
  get horizontalAlignment(): string {
    throw fakeError('PropertyNotLoaded', 'horizontalAlignment');
  }
  get verticalAlignment(): string {
    throw fakeError('PropertyNotLoaded', 'verticalAlignment');
  }
  set columnWidth(v: number) {
    this.ctx.need(2, 'columnWidth');
    this.ctx.enqueue('columnWidth', v, () => {
      const b = this.range.boxNow();
      const s = this.ctx.model.mustSheet(this.range.sheetName);
      for (let c = b.col; c < b.col + Math.min(b.cols, 1000); c++) s.columnWidths.set(c, v);
    });
  }
  get columnWidth(): number {
    throw fakeError('PropertyNotLoaded', 'columnWidth');
  }
  set columnHidden(v: boolean) {
    this.ctx.need(2, 'columnHidden');
    this.ctx.enqueue('columnHidden', v, () => {
      const b = this.range.boxNow();
      const s = this.ctx.model.mustSheet(this.range.sheetName);
      if (v) s.hiddenColumns.add(b.col);
      else s.hiddenColumns.delete(b.col);
    });
  }
  get columnHidden(): boolean {
    throw fakeError('PropertyNotLoaded', 'columnHidden');
  }
  set rowHeight(v: number) {
    this.ctx.need(2, 'rowHeight');
    this.ctx.enqueue('rowHeight', v, () => {
      const b = this.range.boxNow();
      const s = this.ctx.model.mustSheet(this.range.sheetName);
      for (let r = b.row; r < b.row + Math.min(b.rows, 100000); r++) s.rowHeights.set(r + 1, v);
    });
  }
  get rowHeight(): number {
    throw fakeError('PropertyNotLoaded', 'rowHeight');
  }
  /** Recorded per row (the fake measures no text): sheet.autofitRows holds the 1-based rows. */
  autofitRows(): void {
    this.ctx.need(2, 'autofitRows');
    this.ctx.enqueue('autofitRows', null, () => {
      const b = this.range.boxNow();
      const s = this.ctx.model.mustSheet(this.range.sheetName);
      for (let r = b.row; r < b.row + Math.min(b.rows, 100000); r++) s.autofitRows.add(r + 1);
    });
  }
  get protection(): { locked: boolean } {
    this.ctx.need(2, 'format.protection');
    const each = this.each;
    return {
      set locked(v: boolean) {
        each('locked', v, (c) => {
          c.locked = v;
        });
      },
      get locked(): boolean {
        throw fakeError('PropertyNotLoaded', 'locked');
      },
    };
  }
  get borders(): { getItem(i: string): { style: string; color: string; weight: string } } {
    const each = this.each;
    return {
      getItem: (i: string) => ({
        set style(_v: string) {
          /* recorded through color */
        },
        set weight(_v: string) {
          /* recorded through color */
        },
        set color(v: string) {
          each(`border.${i}`, v, (c) => {
            c.border = v;
          });
        },
        get style(): string {
          throw fakeError('PropertyNotLoaded', 'border.style');
        },
        get weight(): string {
          throw fakeError('PropertyNotLoaded', 'border.weight');
        },
        get color(): string {
          throw fakeError('PropertyNotLoaded', 'border.color');
        },
      }),
    };
  }
}

class FakeDataValidation {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    private readonly address: string | null,
  ) {}
  private find(): FakeValidation {
    const s = this.ctx.model.mustSheet(this.sheetName);
    const a = boxA1(parseAddress(this.address));
    let v = s.validations.filter((x) => x.address === a)[0];
    if (!v) {
      v = { address: a, rule: null, ignoreBlanks: null, errorAlert: null, prompt: null };
      s.validations.push(v);
    }
    return v;
  }
  private guard(): void {
    const s = this.ctx.model.mustSheet(this.sheetName);
    if (s.protection.protected) throw fakeError('AccessDenied', `sheet ${s.name} is protected`);
  }
  clear(): void {
    this.ctx.enqueue('dataValidation.clear', this.address, () => {
      this.guard();
      const s = this.ctx.model.mustSheet(this.sheetName);
      const b = parseAddress(this.address);
      s.validations = s.validations.filter((v) => !intersects(parseAddress(v.address), b));
    });
  }
  set rule(r: ExcelDataValidationRule) {
    this.ctx.enqueue('dataValidation.rule', r, () => {
      this.guard();
      const s = this.ctx.model.mustSheet(this.sheetName);
      const b = parseAddress(this.address);
      if (s.validations.some((v) => v.rule !== null && intersects(parseAddress(v.address), b))) {
        throw fakeError(
          'InvalidOperation',
          `range ${this.address} already has a validation rule; clear() it first`,
        );
      }
      this.find().rule = r;
    });
  }
  set ignoreBlanks(v: boolean) {
    this.ctx.enqueue('dataValidation.ignoreBlanks', v, () => {
      this.guard();
      this.find().ignoreBlanks = v;
    });
  }
  set errorAlert(v: ExcelDataValidation['errorAlert']) {
    this.ctx.enqueue('dataValidation.errorAlert', v, () => {
      this.guard();
      this.find().errorAlert = v;
    });
  }
  set prompt(v: ExcelDataValidation['prompt']) {
    this.ctx.enqueue('dataValidation.prompt', v, () => {
      this.guard();
      this.find().prompt = v;
    });
  }
  get rule(): ExcelDataValidationRule {
    throw fakeError('PropertyNotLoaded', 'rule');
  }
  get ignoreBlanks(): boolean {
    throw fakeError('PropertyNotLoaded', 'ignoreBlanks');
  }
  get errorAlert(): ExcelDataValidation['errorAlert'] {
    throw fakeError('PropertyNotLoaded', 'errorAlert');
  }
  get prompt(): ExcelDataValidation['prompt'] {
    throw fakeError('PropertyNotLoaded', 'prompt');
  }
}

class FakeNameCollection extends Loadable {
  private snapItems: { name: string; delete(): void }[] = [];
  load(): void {
    this.markLoaded(['items'], () => {
      this.snapItems = [...this.ctx.model.names.keys()].map((n) => this.item(n, true));
    });
  }
  get items(): { name: string; delete(): void }[] {
    return this.read('items', this.snapItems);
  }
  private item(name: string, loaded: boolean): { name: string; delete(): void } {
    const ctx = this.ctx;
    return {
      get name(): string {
        if (!loaded) throw fakeError('PropertyNotLoaded', 'name');
        return name;
      },
      delete: () => {
        ctx.need(4, 'names.delete');
        ctx.enqueue('names.delete', name, () => {
          if (!ctx.model.names.has(name)) throw fakeError('ItemNotFound', `name ${name}`);
          ctx.model.names.delete(name);
        });
      },
    };
  }
  add(name: string, reference: string): { name: string; delete(): void } {
    this.ctx.need(4, 'names.add');
    this.ctx.enqueue('names.add', [name, reference], () => {
      if (this.ctx.model.names.has(name)) throw fakeError('ItemAlreadyExists', `name ${name} exists`);
      this.ctx.model.names.set(name, reference);
    });
    return this.item(name, false);
  }
  getItem(name: string): { name: string; delete(): void } {
    return this.item(name, false);
  }
}

/** The fake `Excel` global: Excel.run gives each batch a fresh context on the shared model. */
export class FakeExcel {
  readonly model: FakeWorkbookModel;
  readonly apiMinor: number;
  private readonly payloadLimit: number;
  /** Batches that ended with operations never synced (real Excel syncs them implicitly). */
  unsyncedBatches = 0;
  constructor(model?: FakeWorkbookModel, options: FakeOptions = {}) {
    this.model = model ?? new FakeWorkbookModel();
    this.apiMinor = options.apiMinor ?? 9;
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    if (this.model.sheets.length === 0) this.model.addSheet('Sheet1');
  }
  async run<T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this.model, this.apiMinor, this.payloadLimit);
    const result = await batch(ctx);
    if (ctx.pending() > 0) {
      this.unsyncedBatches++;
      await ctx.sync();
    }
    return result;
  }
}

export interface FakeOfficeOptions {
  /** Office.context.platform: "PC" (Windows), "Mac", "OfficeOnline" (Excel on the web). */
  platform?: 'PC' | 'Mac' | 'OfficeOnline';
  /** The open workbook's .xlsx bytes for getFileAsync("compressed"); absent = no File API (File 1.1). */
  file?: () => Uint8Array;
}

/** Files handed out by getFileAsync and not yet closed (Office refuses a third while two are open). */
export const fakeOpenFiles = { count: 0 };

type FakeAsync<T> = { status: string; value: T; error?: { code: number; message: string } };

function fakeFile(
  bytes: Uint8Array,
  sliceSize: number,
): {
  size: number;
  sliceCount: number;
  getSliceAsync(i: number, cb: (r: FakeAsync<{ data: number[] }>) => void): void;
  closeAsync(cb?: (r: FakeAsync<void>) => void): void;
} {
  let open = true;
  fakeOpenFiles.count++;
  return {
    size: bytes.length,
    sliceCount: Math.max(1, Math.ceil(bytes.length / sliceSize)),
    getSliceAsync(i, cb) {
      // like Office: slices arrive later, as plain arrays of byte values (IE11 has them as arrays too)
      setTimeout(() => {
        if (!open)
          return cb({ status: 'failed', value: { data: [] }, error: { code: 5001, message: 'file closed' } });
        const data = Array.prototype.slice.call(
          bytes.subarray(i * sliceSize, (i + 1) * sliceSize),
        ) as number[];
        cb({ status: 'succeeded', value: { data } });
      }, 0);
    },
    closeAsync(cb) {
      if (open) fakeOpenFiles.count--;
      open = false;
      setTimeout(() => cb?.({ status: 'succeeded', value: undefined }), 0);
    },
  };
}

/** The fake `Office` global for a given ExcelApi level. */
export function fakeOffice(
  apiMinor: number,
  options: FakeOfficeOptions = {},
): {
  context: {
    host: string;
    platform: string;
    requirements: { isSetSupported(name: string, v?: string): boolean };
    document?: {
      getFileAsync(
        type: string,
        o: { sliceSize: number },
        cb: (r: FakeAsync<ReturnType<typeof fakeFile>>) => void,
      ): void;
    };
  };
  onReady(): Promise<{ host: string; platform: string }>;
} {
  const platform = options.platform ?? 'PC';
  const file = options.file;
  return {
    context: {
      host: 'Excel',
      platform,
      requirements: {
        isSetSupported: (name: string, v?: string) => {
          if (name === 'File') return !!file;
          if (name !== 'ExcelApi') return false;
          const minor = Number(String(v ?? '1.1').split('.')[1] ?? '1');
          return minor <= apiMinor;
        },
      },
      ...(file
        ? {
            document: {
              getFileAsync(
                type: string,
                o: { sliceSize: number },
                cb: (r: FakeAsync<ReturnType<typeof fakeFile>>) => void,
              ) {
                if (type !== 'compressed')
                  throw new Error(`the fake hands out compressed files only, not ${type}`);
                if (o.sliceSize > 4 * 1024 * 1024) throw new Error('sliceSize over 4 MB (Office refuses it)');
                if (fakeOpenFiles.count >= 2)
                  // (Office passes no file with a failure)
                  return cb({
                    status: 'failed',
                    value: undefined as never,
                    error: { code: 11101, message: 'too many open files' },
                  });
                const bytes = file();
                setTimeout(() => cb({ status: 'succeeded', value: fakeFile(bytes, o.sliceSize) }), 0);
              },
            },
          }
        : {}),
    },
    onReady: () => NativePromise.resolve({ host: 'Excel', platform }),
  };
}
