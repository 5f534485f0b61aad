/**
 * 报送单位名单 as .xlsx or .csv over HTTP: a real workbook written with exceljs (a title row above the
 * header, a phone typed as a number, an empty and a repeated row) is read by the grid reader and the core
 * roster rules; the problems name the sheet and row; the answered CSV creates a round with the same offices.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ApiClient } from './helpers/server.js';
import { serverWithAdmin, uploadSeeds, type TestDb } from './helpers/server.js';

let t: TestDb;
let app: FastifyInstance;
let admin: ApiClient;

beforeAll(async () => {
  ({ t, app, admin } = await serverWithAdmin());
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

async function rosterWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['请在“名单”工作表中填写']);
  const ws = wb.addWorksheet('名单');
  ws.addRow(['2026年上半年报送单位名单']);
  ws.addRow(['单位', '联系人', '电话', '文件']);
  ws.addRow(['长春市', '张三', 13800000000, '吉政发〔2014〕14号']);
  ws.addRow(['吉林市', '李四', '0432-1234567', '']);
  ws.addRow(['', '王五', '0433-7654321', '']);
  ws.addRow(['长春市', '赵六', '', '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface Read {
  offices: { office: string; phone: string | null; documents: string[]; line: number }[];
  problems: { line: number; message: string }[];
  csv: string;
}

describe('roster files', () => {
  it('reads a roster workbook by the roster rules, with problems by sheet and row', async () => {
    const r = await admin.upload('/api/rosters/read', [
      { field: 'file', name: '名单.xlsx', bytes: await rosterWorkbook() },
    ]);
    expect(r.status).toBe(200);
    const read = r.json<Read>();
    expect(read.offices.map((o) => [o.office, o.phone, o.documents, o.line])).toEqual([
      ['长春市', '13800000000', ['吉政发〔2014〕14号'], 3],
      ['吉林市', '0432-1234567', [], 4],
    ]);
    expect(read.problems.map((p) => p.message)).toEqual([
      '名单.xlsx 工作表“名单” 第 5 行：“单位”为空，已跳过',
      '名单.xlsx 工作表“名单” 第 6 行：单位“长春市”与第 3 行重复，已跳过',
    ]);

    // The CSV it answers is what the round is created with.
    const cat = await uploadSeeds(admin);
    const round = await admin.request('POST', '/api/rounds', {
      name: '名单测试',
      catalogueId: cat.json<{ id: number }>().id,
      period: '2026年上半年',
      rosterCsv: read.csv,
    });
    expect(round.status).toBe(201);
    const offices = round.json<{ offices: { office: string; phone: string | null }[] }>().offices;
    expect(offices.map((o) => [o.office, o.phone])).toEqual([
      ['长春市', '13800000000'],
      ['吉林市', '0432-1234567'],
    ]);
  });

  it('reads a CSV roster the same way, and refuses an unreadable file in Chinese', async () => {
    const csv = readFileSync(path.resolve('templates/roster-吉林省.csv'));
    const r = await admin.upload('/api/rosters/read', [
      { field: 'file', name: 'roster.csv', bytes: new Uint8Array(csv) },
    ]);
    expect(r.status).toBe(200);
    const lines = csv.toString('utf8').trim().split('\n').length - 1;
    expect(r.json<Read>().offices).toHaveLength(lines);

    const old = await admin.upload('/api/rosters/read', [
      { field: 'file', name: '名单.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) },
    ]);
    expect(old.status).toBe(422);
    expect(old.json<{ error: string }>().error).toContain('.xlsx');
    expect(old.text).not.toMatch(/at .*\.(ts|js):\d+/);

    const none = await admin.upload('/api/rosters/read', []);
    expect(none.status).toBe(400);
  });
});
