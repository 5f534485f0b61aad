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
import { getText, readFileBytes, xhrTransport } from '../browser/io.js';
import {
  ServerClient,
  type ServerCatalogue,
  type ServerProblem,
  type SubmitOutcome,
} from '../server-client.js';

// zod's JIT compiles validators into code at run time; the pane's CSP forbids that, so opt out up front.
zodConfig({ jitless: true });

const settings = openSettings();
let host: ExcelHost | null = null;
/** Platform code from HostStart ("PC", "MAC", "OFFICE_ONLINE", …), for report delivery. */
let platform: string | null = null;
let roster: RosterEntry[] = [];
let catalogueCache: { key: string; catalogue: Catalogue } | null = null;
let busy = false;
/** The luoshi server that serves this pane (same origin); its session lives only in this page. */
const server = new ServerClient(xhrTransport, window.location.protocol + '//' + window.location.host);
/** The office's round, targets and tasks from the server, once fetched in this session. */
let serverRound: ServerCatalogue | null = null;

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

const buttons = ['btn-pull', 'btn-check', 'btn-compare', 'btn-report', 'btn-submit'];

function setBusy(on: boolean): void {
  busy = on;
  for (const id of buttons) byId<HTMLButtonElement>(id).disabled = on || host === null;
  byId<HTMLButtonElement>('btn-submit').disabled = on || host === null || !server.signedIn;
  byId<HTMLButtonElement>('btn-signin').disabled = on;
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
      // Enter and Space, as on a button (IE11 names the space key "Spacebar")
      li.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ' || ev.key === 'Spacebar') {
          ev.preventDefault();
          go();
        }
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

/** Signed in: the office's round from the server (its own targets and tasks), fetched once. */
async function serverCatalogue(): Promise<ServerCatalogue> {
  if (!serverRound) {
    serverRound = await server.catalogue();
    byId('catalogue-line').textContent =
      `${catalogueLine(serverRound.catalogue)}（落实系统“${serverRound.roundName}”，${serverRound.office}）`;
  }
  return serverRound;
}

async function loadCatalogue(): Promise<Catalogue> {
  if (server.signedIn) return (await serverCatalogue()).catalogue;
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

/**
 * The catalogue for 检查, 对比 and 生成报告, which also work without one (the workbook carries its
 * targets): a catalogue that cannot be read is said in a note, never passed over in silence.
 */
async function catalogueOrNote(): Promise<{ catalogue: Catalogue | null; notes: string[] }> {
  try {
    return { catalogue: await loadCatalogue(), notes: [] };
  } catch (e) {
    return {
      catalogue: null,
      notes: [`未能读取指标目录（${errorText(e)}），以下结果只按工作簿本身核对，未对照目录。`],
    };
  }
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
    if (!server.signedIn && offerRosterNames()) return;
    remember();
    // kept only in the pane (never in storage): the password lives as long as the pane is open
    h.password = byId<HTMLInputElement>('unprotect-password').value || undefined;
    const catalogue = await loadCatalogue();
    if (serverRound) {
      // signed in: the round says which office and period (the account belongs to one office)
      officeInput().value = serverRound.office;
      periodInput().value = serverRound.period;
    }
    const office = officeInput().value;
    const s = await pullCatalogue(h, {
      catalogue,
      office,
      period: periodInput().value,
      now: new Date().toISOString(),
      // the server already cut the catalogue to the office's own targets
      roster: serverRound ? null : rosterEntry(office),
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
    const { catalogue, notes } = await catalogueOrNote();
    setNotes(notes);
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

/** 指标名称 (or a task's title) by id, for lists a clerk reads; the id where none is known. */
function targetNames(catalogue: Catalogue | null): (id: string) => string {
  const names = new Map<string, string>();
  for (const t of catalogue?.targets ?? []) names.set(t.id, t.quote);
  for (const k of catalogue?.tasks ?? []) names.set(k.id, k.title || k.text);
  return (id) => {
    const n = names.get(id);
    if (!n) return id;
    return n.length > 40 ? `${n.slice(0, 40)}…` : n;
  };
}

function changeItem(c: ComparedChange, name: (id: string) => string): Item {
  const h = host;
  const ch = c.change;
  const fmt = (v: string | number | null): string => (v === null || v === '' ? '（空）' : String(v));
  const sheet = c.sheet;
  const cell = c.cell;
  return {
    tag: CHANGE_KIND_LABELS[ch.kind],
    tagClass: 'change',
    text: `${name(ch.targetId)} ${ch.field}：${fmt(ch.before)} → ${fmt(ch.after)}${ch.note ? `（${ch.note}）` : ''}`,
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
    const { catalogue, notes } = await catalogueOrNote();
    setNotes(notes);
    const result = await compareWithOther(h, otherGrid, file.name, catalogue);
    const summary = describeCounts(result.comparison.summary.counts);
    setStatus(`与 ${file.name} 对比：${summary}。`, 'ok');
    const buttons = highlightGroups(result.changes).map((g, i) =>
      highlightButton(h, g, i === 0 ? 'btn-highlight' : `btn-highlight-${i + 1}`),
    );
    const extra = buttons.length > 0 ? el('div') : undefined;
    buttons.forEach((b) => extra?.appendChild(b));
    const name = targetNames(catalogue);
    showResults(
      result.changes.length ? '差异清单' : '',
      result.changes.map((c) => changeItem(c, name)),
      extra,
    );
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
    const { catalogue, notes } = await catalogueOrNote();
    const sub = await checkWorkbook(h, catalogue);
    const report = await import(/* webpackChunkName: "report" */ './report-browser.js');
    const result = await report.buildReportInBrowser(sub, catalogue);
    const kb = Math.max(1, Math.round(result.bytes.length / 1024));
    const delivery = reportDeliveryMessage(result.fileName, kb, platform, result.method);
    setStatus(delivery.text, delivery.kind);
    setNotes(notes.concat(result.notes));
    showResults('', []);
  });
}

// ---- 落实系统: sign in, 报送

function serverProblemItem(p: ServerProblem): Item {
  return problemItem({
    severity: p.severity,
    sheet: p.sheet,
    cell: p.cell,
    targetId: p.targetId,
    message: p.message,
    code: '',
  });
}

async function onSignIn(): Promise<void> {
  if (busy) return;
  setBusy(true);
  setStatus('正在登录…');
  setNotes([]);
  showResults('', []);
  try {
    const password = byId<HTMLInputElement>('server-password');
    const user = await server.signIn(byId<HTMLInputElement>('server-user').value, password.value);
    // the password is not kept anywhere; the session lasts as long as this pane stays open
    password.value = '';
    serverRound = null;
    const round = await serverCatalogue();
    byId('server-line').textContent =
      `已登录：${user.displayName}（${round.office}），本轮“${round.roundName}”，填报期间 ${round.period}${round.deadline ? `，截止 ${round.deadline}` : ''}。拉取指标将使用本单位在本轮的指标。`;
    officeInput().value = round.office;
    periodInput().value = round.period;
    setStatus('已登录落实系统。', 'ok');
  } catch (e) {
    byId('server-line').textContent = server.signedIn
      ? '已登录，但未能获取本单位的填报轮次。'
      : '未登录：拉取指标使用随加载项提供的目录，不能报送。';
    setStatus(errorText(e), 'error');
  } finally {
    setBusy(false);
  }
}

function showSubmitOutcome(outcome: SubmitOutcome, resubmit: () => void): void {
  const items = outcome.problems.map(serverProblemItem);
  if (outcome.kind === 'accepted') {
    setStatus(
      `报送成功：落实系统已收到本单位的填报表${outcome.problems.length ? `（另有 ${outcome.problems.length} 项提示）` : ''}。`,
      'ok',
    );
    showResults(items.length ? '提示' : '', items);
  } else if (outcome.kind === 'refused') {
    setStatus(`未报送：${outcome.message || '填报表有错误'}。请按下列问题改正后重新报送。`, 'error');
    showResults('问题清单（点击定位到单元格）', items);
  } else {
    setStatus(
      `尚未报送：${outcome.message || '填报表有需要确认的提示'}。请核对下列提示，确认无误后点击“确认报送”。`,
      'error',
    );
    const confirm = el('button', '确认报送');
    confirm.setAttribute('type', 'button');
    confirm.id = 'btn-confirm-submit';
    confirm.addEventListener('click', resubmit);
    showResults('需要确认的提示', items, confirm);
  }
}

async function onSubmit(confirmed = false): Promise<void> {
  await guarded(confirmed ? '正在确认报送' : '正在报送', async () => {
    const h = host;
    if (!h) return;
    if (!server.signedIn) throw new Error('请先登录落实系统');
    const round = await serverCatalogue();
    const bytes = await h.documentBytes();
    const fileName = `${round.office}${round.period}填报表.xlsx`;
    const outcome = await server.submit(round.roundId, bytes, fileName, confirmed);
    showSubmitOutcome(outcome, () => void onSubmit(true));
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
  byId('btn-submit').addEventListener('click', () => void onSubmit());
  byId('btn-signin').addEventListener('click', () => void onSignIn());
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
