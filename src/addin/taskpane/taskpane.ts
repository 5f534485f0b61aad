/**
 * The task pane (DOM host). Wires the four buttons to src/addin/actions.ts and shows results.
 * All text reaches the page through textContent; no HTML is ever built from data.
 * Heavy parts (exceljs for 对比, docx/echarts for 生成报告) load on first use.
 */
import 'core-js/stable/promise';
import { config as zodConfig } from 'zod';
import type { Catalogue } from '../../core/model/catalogue.js';
import type { Problem } from '../../core/model/submission.js';
import { isLuoshiError } from '../../core/errors.js';
import { parseCatalogueJson } from '../../core/catalogue/schema.js';
import { CHANGE_KIND_LABELS, describeCounts } from '../../core/review/compare.js';
import { describeExcel, openSettings, startExcelHost, type ExcelHost } from '../office/excel-host.js';
import { reportDeliveryMessage } from '../report-delivery.js';
import {
  checkWorkbook,
  compareWithOther,
  highlightGroups,
  rosterSuggestions,
  problemTarget,
  pullCatalogue,
  PullBlocked,
  type ComparedChange,
  type RosterEntry,
} from '../actions.js';
import { getText, readFileBytes } from '../browser/io.js';

// zod's JIT compiles validators into code at run time; the pane's CSP forbids that, so opt out up front.
zodConfig({ jitless: true });

const settings = openSettings();
let host: ExcelHost | null = null;
/** Platform code from HostStart ("PC", "MAC", "OFFICE_ONLINE", …), for report delivery. */
let platform: string | null = null;
let roster: RosterEntry[] = [];
let catalogueCache: { key: string; catalogue: Catalogue } | null = null;
let busy = false;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

function el(tag: string, text?: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function clear(node: HTMLElement): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

const buttons = ['btn-pull', 'btn-check', 'btn-compare', 'btn-report'];

function setBusy(on: boolean): void {
  busy = on;
  for (const id of buttons) byId<HTMLButtonElement>(id).disabled = on || host === null;
}

function setStatus(text: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
  const s = byId('status');
  s.textContent = text;
  s.className = `status${kind === 'info' ? '' : ` ${kind}`}`;
}

function setNotes(notes: string[]): void {
  const ul = byId('notes');
  clear(ul);
  for (const n of notes) ul.appendChild(el('li', n));
}

interface Item {
  tag: string;
  tagClass: string;
  text: string;
  where?: string;
  onClick?: () => void;
}

function showResults(title: string, items: Item[], extra?: HTMLElement): void {
  const box = byId('results');
  clear(box);
  if (title) box.appendChild(el('p', title, 'results-title'));
  if (extra) box.appendChild(extra);
  const ul = el('ul', undefined, 'items');
  for (const it of items) {
    const li = el('li', undefined, it.onClick ? 'clickable' : undefined);
    li.appendChild(el('span', it.tag, `tag ${it.tagClass}`));
    li.appendChild(el('span', it.text));
    if (it.where) li.appendChild(el('span', it.where, 'where'));
    if (it.onClick) {
      const go = it.onClick;
      li.setAttribute('role', 'button');
      li.tabIndex = 0;
      li.addEventListener('click', go);
      li.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter') go();
      });
    }
    ul.appendChild(li);
  }
  box.appendChild(ul);
}

function errorText(e: unknown): string {
  if (isLuoshiError(e)) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  return `操作失败：${msg}`;
}

/** Runs one button's work with the buttons disabled and errors shown in Chinese. */
async function guarded(label: string, work: () => Promise<void>): Promise<void> {
  if (busy || !host) return;
  setBusy(true);
  setStatus(`${label}…`);
  setNotes([]);
  // a new action never shows the previous action's list under its own result or error
  showResults('', []);
  try {
    await work();
  } catch (e) {
    setStatus(errorText(e), 'error');
  } finally {
    setBusy(false);
  }
}

function officeInput(): HTMLInputElement {
  return byId<HTMLInputElement>('office');
}
function periodInput(): HTMLInputElement {
  return byId<HTMLInputElement>('period');
}

function catalogueSource(): { key: string; url: string } {
  const remote = byId<HTMLInputElement>('catalogue-remote').checked;
  const url = remote ? byId<HTMLInputElement>('catalogue-url').value.trim() : 'catalogue.json';
  return { key: remote ? `url:${url}` : 'bundled', url };
}

async function loadCatalogue(): Promise<Catalogue> {
  const src = catalogueSource();
  if (!src.url) throw new Error('请填写目录网址');
  if (catalogueCache && catalogueCache.key === src.key) return catalogueCache.catalogue;
  const catalogue = parseCatalogueJson(await getText(src.url), src.url);
  catalogueCache = { key: src.key, catalogue };
  byId('catalogue-line').textContent = catalogueLine(catalogue);
  return catalogue;
}

/** "目录：《…》等 3 个文件，120 项指标" — the documents a clerk recognises, not the content hash. */
function catalogueLine(catalogue: Catalogue): string {
  const first = catalogue.documents[0];
  const docs = first
    ? `《${first.title}》${catalogue.documents.length > 1 ? `等 ${catalogue.documents.length} 个文件` : ''}`
    : '0 个文件';
  return `目录：${docs}，${catalogue.targets.length} 项指标`;
}

function rosterEntry(office: string): RosterEntry | null {
  return roster.find((r) => r.office === office.trim()) ?? null;
}

function remember(): void {
  settings.set('office', officeInput().value.trim());
  settings.set('period', periodInput().value.trim());
  settings.set('catalogueSource', catalogueSource().key === 'bundled' ? 'bundled' : 'url');
  settings.set('catalogueUrl', byId<HTMLInputElement>('catalogue-url').value.trim());
}

function where(sheet: string | null, cell: string | null): string | undefined {
  if (!sheet) return undefined;
  return cell ? `${sheet}!${cell}` : sheet;
}

// ---- the four buttons

/** An office name the clerk chose to use although it is not in the roster. */
let confirmedOffice: string | null = null;

/**
 * When the typed office is not in the roster, stops 拉取指标 with a warning and a list of roster
 * names to pick (or keep the typed one, which gets the unfiltered catalogue). True = stopped.
 */
function offerRosterNames(): boolean {
  const typed = officeInput().value.trim();
  const names = rosterSuggestions(typed, roster);
  if (names.length === 0 || typed === confirmedOffice) return false;
  setStatus(`“${typed}”不在填报单位名单中，请从下面选择本单位（点击即按该单位拉取指标）。`, 'error');
  const items: Item[] = names.map((name) => ({
    tag: '选择',
    tagClass: 'change',
    text: name,
    onClick: () => {
      officeInput().value = name;
      void onPull();
    },
  }));
  items.push({
    tag: '仍使用',
    tagClass: 'warning',
    text: `仍按“${typed}”拉取（不在名单中，将写入全部指标，不按单位筛选）`,
    onClick: () => {
      confirmedOffice = typed;
      void onPull();
    },
  });
  showResults('填报单位名单', items);
  return true;
}

async function onPull(): Promise<void> {
  await guarded('正在拉取指标', async () => {
    const h = host;
    if (!h) return;
    if (offerRosterNames()) return;
    remember();
    // kept only in the pane (never in storage): the password lives as long as the pane is open
    h.password = byId<HTMLInputElement>('unprotect-password').value || undefined;
    const catalogue = await loadCatalogue();
    const office = officeInput().value;
    const s = await pullCatalogue(h, {
      catalogue,
      office,
      period: periodInput().value,
      now: new Date().toISOString(),
      roster: rosterEntry(office),
    }).catch((e: unknown) => {
      if (e instanceof PullBlocked) showResults('请先改正以下填报内容', e.problems.map(problemItem));
      throw e;
    });
    const parts = [`已写入 ${s.targets} 项指标、${s.tasks} 项任务`];
    if (!s.fresh) parts.push(`保留已填内容 ${s.kept} 项`);
    if (s.removed.length) parts.push(`移除 ${s.removed.length} 项（见“已移除指标”工作表）`);
    if (s.changed.length) parts.push(`表述变化 ${s.changed.length} 项（见“变更提示”列）`);
    setStatus(`${s.fresh ? '已生成填报表' : '已更新填报表'}：${parts.join('；')}。`, 'ok');
    setNotes(s.notes);
    const items: Item[] = [
      ...s.removed.map((r) => ({
        tag: '已移除',
        tagClass: 'warning',
        text: `${r.row.targetId} ${r.row.quote}`,
      })),
      ...s.changed.map((c) => ({
        tag: '表述变化',
        tagClass: 'change',
        text: `${c.targetId}：${c.note}`,
      })),
    ];
    showResults(items.length ? '本次拉取的变化' : '', items);
  });
}

function problemItem(p: Problem): Item {
  const target = problemTarget(p);
  const h = host;
  return {
    tag: p.severity === 'error' ? '错误' : '提示',
    tagClass: p.severity,
    text: p.message,
    where: where(p.sheet, p.cell),
    onClick:
      target && h
        ? () =>
            void h.select(target.sheet, target.cell).catch((e: unknown) => setStatus(errorText(e), 'error'))
        : undefined,
  };
}

async function onCheck(): Promise<void> {
  await guarded('正在检查', async () => {
    const h = host;
    if (!h) return;
    const catalogue = await loadCatalogue().catch(() => null);
    const sub = await checkWorkbook(h, catalogue);
    const errors = sub.problems.filter((p) => p.severity === 'error').length;
    const warnings = sub.problems.length - errors;
    if (sub.problems.length === 0) setStatus(`检查通过：${sub.rows.length} 项指标，未发现问题。`, 'ok');
    else
      setStatus(
        `检查完成：错误 ${errors} 项，提示 ${warnings} 项。点击问题可定位到单元格。`,
        errors ? 'error' : 'ok',
      );
    showResults(sub.problems.length ? '问题清单' : '', sub.problems.map(problemItem));
  });
}

function changeItem(c: ComparedChange): Item {
  const h = host;
  const ch = c.change;
  const fmt = (v: string | number | null): string => (v === null || v === '' ? '（空）' : String(v));
  const sheet = c.sheet;
  const cell = c.cell;
  return {
    tag: CHANGE_KIND_LABELS[ch.kind],
    tagClass: 'change',
    text: `${ch.targetId} ${ch.field}：${fmt(ch.before)} → ${fmt(ch.after)}${ch.note ? `（${ch.note}）` : ''}`,
    where: where(sheet, cell),
    onClick:
      sheet && cell && h
        ? () => void h.select(sheet, cell).catch((e: unknown) => setStatus(errorText(e), 'error'))
        : undefined,
  };
}

async function onCompareFile(file: File): Promise<void> {
  await guarded(`正在对比 ${file.name}`, async () => {
    const h = host;
    if (!h) return;
    const bytes = await readFileBytes(file);
    const { readWorkbookGrid } = await import(/* webpackChunkName: "xlsx" */ '../../xlsx/read-grid.js');
    const otherGrid = await readWorkbookGrid(bytes, file.name);
    const catalogue = await loadCatalogue().catch(() => null);
    const result = await compareWithOther(h, otherGrid, file.name, catalogue);
    const summary = describeCounts(result.comparison.summary.counts);
    setStatus(`与 ${file.name} 对比：${summary}。`, 'ok');
    const buttons = highlightGroups(result.changes).map((g, i) =>
      highlightButton(h, g, i === 0 ? 'btn-highlight' : `btn-highlight-${i + 1}`),
    );
    const extra = buttons.length > 0 ? el('div') : undefined;
    buttons.forEach((b) => extra?.appendChild(b));
    showResults(result.changes.length ? '差异清单' : '', result.changes.map(changeItem), extra);
  });
}

/** A button selecting one sheet's differences; says so when Excel could select only some. */
function highlightButton(h: ExcelHost, g: { sheet: string; cells: string[] }, id: string): HTMLElement {
  const b = el('button', `在表中标出差异（${g.sheet} ${g.cells.length} 处）`);
  b.setAttribute('type', 'button');
  b.id = id;
  b.addEventListener('click', () => {
    void h
      .highlight(g.sheet, g.cells)
      .then((n) => {
        if (n < g.cells.length)
          setStatus(
            `已在“${g.sheet}”表选中前 ${n} 处差异（共 ${g.cells.length} 处）；当前 Excel 版本一次不能选中更多，其余请按差异清单逐项点击查看。`,
          );
      })
      .catch((e: unknown) => setStatus(errorText(e), 'error'));
  });
  return b;
}

async function onReport(): Promise<void> {
  await guarded('正在生成报告', async () => {
    const h = host;
    if (!h) return;
    const catalogue = await loadCatalogue().catch(() => null);
    const sub = await checkWorkbook(h, catalogue);
    const report = await import(/* webpackChunkName: "report" */ './report-browser.js');
    const result = await report.buildReportInBrowser(sub, catalogue);
    const kb = Math.max(1, Math.round(result.bytes.length / 1024));
    const delivery = reportDeliveryMessage(result.fileName, kb, platform, result.method);
    setStatus(delivery.text, delivery.kind);
    setNotes(result.notes);
    showResults('', []);
  });
}

// ---- start-up

async function loadRoster(): Promise<void> {
  try {
    const data: unknown = JSON.parse(await getText('roster.json'));
    const offices =
      typeof data === 'object' && data !== null && Array.isArray((data as { offices?: unknown }).offices)
        ? (data as { offices: RosterEntry[] }).offices
        : [];
    roster = offices.filter((o) => typeof o.office === 'string');
    const list = byId('office-list');
    clear(list);
    for (const r of roster) {
      const opt = document.createElement('option');
      opt.value = r.office;
      list.appendChild(opt);
    }
  } catch {
    roster = [];
  }
}

function restoreSettings(): void {
  officeInput().value = settings.get('office') ?? '';
  periodInput().value = settings.get('period') ?? '';
  const remote = settings.get('catalogueSource') === 'url';
  byId<HTMLInputElement>('catalogue-remote').checked = remote;
  byId<HTMLInputElement>('catalogue-bundled').checked = !remote;
  byId<HTMLInputElement>('catalogue-url').value = settings.get('catalogueUrl') ?? '';
}

async function main(): Promise<void> {
  restoreSettings();
  setBusy(true);
  byId('btn-pull').addEventListener('click', () => void onPull());
  byId('btn-check').addEventListener('click', () => void onCheck());
  byId('btn-report').addEventListener('click', () => void onReport());
  const fileInput = byId<HTMLInputElement>('compare-file');
  byId('btn-compare').addEventListener('click', () => {
    if (!busy) fileInput.click();
  });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (f) void onCompareFile(f);
  });
  officeInput().addEventListener('change', remember);
  periodInput().addEventListener('change', remember);
  void loadRoster();

  const start = await startExcelHost();
  host = start.host;
  platform = start.platform;
  const line = byId('host-line');
  if (!host) {
    line.textContent = '未连接 Excel';
    setStatus(start.reason, 'error');
  } else {
    line.textContent = `已连接：${describeExcel(host.caps, start.platform)}`;
    setNotes(host.notes());
  }
  setBusy(false);
}

void main();
