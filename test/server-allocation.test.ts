/**
 * A round's allocation (分解下达) over HTTP: the 分解表 template for the round's catalogue and roster, a
 * filled one with a mistake refused whole with every problem by sheet and cell, the corrected one stored
 * (audit-logged), and then the office's workbook and the add-in's 拉取指标 carry the office's own target
 * beside the overall one. An office may neither upload nor read an allocation.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { serverWithAdmin, signInOffice, uploadSeeds, type ApiClient, type TestDb } from './helpers/server.js';

const ROSTER = readFileSync(path.resolve('templates/roster-吉林省.csv'), 'utf8');
/** 国家临床重点专科: ≥50个, a total of 吉政办发〔2023〕21号, which every office of the roster reports on. */
const TARGET_NAME = '国家临床重点专科数';

let t: TestDb;
let app: FastifyInstance;
let admin: ApiClient;
let office: ApiClient;
let roundId: number;
let targetId: string;

beforeAll(async () => {
  ({ t, app, admin } = await serverWithAdmin());
  const cat = await uploadSeeds(admin);
  const catalogueId = cat.json<{ id: number }>().id;
  const catalogue = (await admin.request('GET', `/api/catalogues/${catalogueId}`)).json<Catalogue>();
  targetId = catalogue.targets.find((x) => x.name === TARGET_NAME)!.id;
  const round = await admin.request('POST', '/api/rounds', {
    name: '分解测试',
    catalogueId,
    period: '2025年度',
    rosterCsv: ROSTER,
  });
  roundId = round.json<{ round: { id: number } }>().round.id;
  office = await signInOffice(admin, roundId, '长春市');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** The round's template with shares typed into the target's row, by office column title. */
async function filledTemplate(shares: Record<string, ExcelJS.CellValue>): Promise<Uint8Array> {
  const r = await admin.request('GET', `/api/rounds/${roundId}/allocation/template`);
  expect(r.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('分解')!;
  const header: string[] = [];
  ws.getRow(1).eachCell((c, col) => (header[col] = c.text));
  let found = false;
  ws.eachRow((row, n) => {
    if (n === 1 || row.getCell(1).text !== targetId) return;
    found = true;
    for (const [name, v] of Object.entries(shares)) row.getCell(header.indexOf(name)).value = v;
  });
  expect(found, 'the target has a row in the template').toBe(true);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const upload = (client: ApiClient, bytes: Uint8Array) =>
  client.upload(`/api/rounds/${roundId}/allocation`, [{ field: 'file', name: '分解表.xlsx', bytes }]);

describe('round allocation', () => {
  it('refuses a filled template with problems, naming sheet and cell, and stores nothing', async () => {
    const r = await upload(admin, await filledTemplate({ 长春市: 10, 吉林市: '二十' }));
    expect(r.status).toBe(422);
    const body = r.json<{ error: string; problems: { sheet: string; cell: string; message: string }[] }>();
    expect(body.error).toContain('分解表.xlsx');
    expect(body.problems.length).toBeGreaterThan(0);
    for (const p of body.problems) {
      expect(p.sheet).toBe('分解');
      expect(p.cell).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
    }
    expect(body.problems.some((p) => p.message.includes('二十'))).toBe(true);
    const stored = await admin.request('GET', `/api/rounds/${roundId}/allocation`);
    expect(stored.json()).toEqual({ allocation: null, targets: 0, shares: 0 });
  });

  it('stores a valid allocation; the office workbook and 拉取指标 carry the office’s own target', async () => {
    const r = await upload(admin, await filledTemplate({ 长春市: 30, 吉林市: 20 }));
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ targets: 1, shares: 2 });

    const pulled = (await office.request('GET', '/api/addin/catalogue')).json<{ catalogue: Catalogue }>();
    const own = pulled.catalogue.targets.find((x) => x.id === targetId)!;
    expect(own).toMatchObject({ comparator: '>=', value: 30, overall: { comparator: '>=', value: 50 } });

    const workbook = await office.request('GET', `/api/rounds/${roundId}/workbook`);
    const grid = await readWorkbookGrid(workbook.bytes, '长春市.xlsx');
    const texts = grid.sheets.flatMap((s) => s.rows.flat()).map((v) => String(v ?? ''));
    expect(texts.some((s) => s.includes('≥30个') && s.includes('≥50个'))).toBe(true);

    // The template handed out again carries the stored shares.
    const again = await admin.request('GET', `/api/rounds/${roundId}/allocation/template`);
    const back = await readWorkbookGrid(again.bytes, '分解表.xlsx');
    const sheet = back.sheets.find((s) => s.name === '分解')!;
    const row = sheet.rows.find((x) => x[0] === targetId)!;
    const header = sheet.rows[0].map((v) => String(v ?? ''));
    expect(row[header.indexOf('长春市')]).toBe(30);

    const audit = (await admin.request('GET', '/api/audit')).json<{ action: string; object: string }[]>();
    expect(audit.find((a) => a.action === 'allocation-set')?.object).toBe(`round:${roundId}`);
  });

  it('an office may not upload, read or remove an allocation; the admin may remove it', async () => {
    expect((await upload(office, new Uint8Array([1, 2, 3]))).status).toBe(403);
    expect((await office.request('GET', `/api/rounds/${roundId}/allocation`)).status).toBe(403);
    expect((await office.request('DELETE', `/api/rounds/${roundId}/allocation`)).status).toBe(403);
    const removed = await admin.request('DELETE', `/api/rounds/${roundId}/allocation`);
    expect(removed.status).toBe(200);
    const pulled = (await office.request('GET', '/api/addin/catalogue')).json<{ catalogue: Catalogue }>();
    expect(pulled.catalogue.targets.find((x) => x.id === targetId)).toMatchObject({ value: 50 });
  });
});
