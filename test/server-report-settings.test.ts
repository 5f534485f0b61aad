/**
 * A round's report settings and preview over HTTP: settings are checked by the report core's report.json
 * reader (Chinese messages, nothing stored when refused), stored settings reach the .docx (主送机关, 文号,
 * 成文日期, 版记), and the preview lays the report out with LibreOffice into PNG pages, cached per report
 * version; without LibreOffice the answer says so plainly.
 */
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { findSoffice } from '../src/host/pdf.js';
import { findPdftoppm } from '../src/host/page-images.js';
import { fillWorkbook } from './helpers/fill.js';
import { serverWithAdmin, signInOffice, uploadSeeds, type ApiClient, type TestDb } from './helpers/server.js';

const ROSTER = readFileSync(path.resolve('templates/roster-吉林省.csv'), 'utf8');
const PERIOD = '2025年度';
const canRender = findSoffice() !== null && findPdftoppm() !== null;

let t: TestDb;
let app: FastifyInstance;
let admin: ApiClient;
let office: ApiClient;
let roundId: number;

beforeAll(async () => {
  ({ t, app, admin } = await serverWithAdmin());
  const cat = await uploadSeeds(admin);
  const catalogueId = cat.json<{ id: number }>().id;
  const catalogue = (await admin.request('GET', `/api/catalogues/${catalogueId}`)).json<Catalogue>();
  const round = await admin.request('POST', '/api/rounds', {
    name: '报告设置',
    catalogueId,
    period: PERIOD,
    rosterCsv: ROSTER,
  });
  roundId = round.json<{ round: { id: number } }>().round.id;
  office = await signInOffice(admin, roundId, '长春市');
  const scope = round
    .json<{ offices: { office: string; documents: string[]; units: string[] }[] }>()
    .offices.find((o) => o.office === '长春市')!;
  const blank = (await office.request('GET', `/api/rounds/${roundId}/workbook`)).bytes;
  const filled = await fillWorkbook(blank, sampleEntries(catalogue, '长春市', PERIOD, '7', scope));
  const sent = await office.upload(
    `/api/rounds/${roundId}/submissions`,
    [{ field: 'file', name: '长春市.xlsx', bytes: filled }],
    { confirm: 'true' },
  );
  expect(sent.status).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const SETTINGS = {
  发文机关: '吉林省发展和改革委员会',
  主送机关: '省人民政府',
  文号: '吉发改社会[2026]12号',
  签发人: '张三',
  版头: true,
  成文日期: '2026-07-20',
  版记: { 抄送: ['省卫生健康委'], 印发机关: '吉林省发展和改革委员会办公室', 印发日期: '2026-07-20' },
};

function documentXml(docx: Uint8Array): string {
  const parts = unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' });
  return strFromU8(parts['word/document.xml']);
}

describe('report settings', () => {
  it('refuses settings the report cannot use, in Chinese, and stores nothing', async () => {
    const put = (settings: unknown) =>
      admin.request('PUT', `/api/rounds/${roundId}/report-settings`, { settings });
    const badNumber = await put({ 文号: '十二号' });
    expect(badNumber.status).toBe(422);
    expect(badNumber.json<{ error: string }>().error).toBe(
      '报告设置 中“文号”写法不对：“十二号”，应如“长政报〔2025〕3号”',
    );
    const unknown = await put({ 主送单位: '省人民政府' });
    expect(unknown.status).toBe(422);
    expect(unknown.json<{ error: string }>().error).toContain('未知字段 “主送单位”');
    const badDate = await put({ 成文日期: '2026-02-30' });
    expect(badDate.status).toBe(422);
    expect(badDate.json<{ error: string }>().error).toContain('成文日期');
    const stored = await admin.request('GET', `/api/rounds/${roundId}/report-settings`);
    expect(stored.json()).toEqual({ settings: {} });
    const denied = await office.request('PUT', `/api/rounds/${roundId}/report-settings`, {
      settings: SETTINGS,
    });
    expect(denied.status).toBe(403);
  });

  it('stores settings the .docx then carries', async () => {
    const r = await admin.request('PUT', `/api/rounds/${roundId}/report-settings`, { settings: SETTINGS });
    expect(r.status).toBe(200);
    expect((await admin.request('GET', `/api/rounds/${roundId}/report-settings`)).json()).toEqual({
      settings: SETTINGS,
    });
    const docx = await admin.request('GET', `/api/rounds/${roundId}/report`);
    expect(docx.status).toBe(200);
    const xml = documentXml(docx.bytes);
    for (const text of ['省人民政府', '〔2026〕12号', '2026年7月20日', '省卫生健康委', '张三']) {
      expect(xml.includes(text), text).toBe(true);
    }
  });

  it.skipIf(!canRender)(
    'lays the report out as PNG pages, cached per version, and as PDF',
    async () => {
      const first = await admin.request('GET', `/api/rounds/${roundId}/report/preview`);
      expect(first.status).toBe(200);
      const preview = first.json<{ available: boolean; version: string; pages: number }>();
      expect(preview.available).toBe(true);
      expect(preview.pages).toBeGreaterThan(0);
      const page = await admin.request('GET', `/api/rounds/${roundId}/report/preview/1?v=${preview.version}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(page.bytes.subarray(1, 4)).toString()).toBe('PNG');
      const beyond = await admin.request('GET', `/api/rounds/${roundId}/report/preview/${preview.pages + 1}`);
      expect(beyond.status).toBe(404);

      // The same report again is served from the cache: same version, no second layout.
      const started = Date.now();
      const again = await admin.request('GET', `/api/rounds/${roundId}/report/preview`);
      expect(again.json<{ version: string }>().version).toBe(preview.version);
      expect(Date.now() - started).toBeLessThan(2000);

      // Changed settings make a new version.
      await admin.request('PUT', `/api/rounds/${roundId}/report-settings`, {
        settings: { ...SETTINGS, 主送机关: '省委、省政府' },
      });
      const changed = await admin.request('GET', `/api/rounds/${roundId}/report/preview`);
      expect(changed.json<{ version: string }>().version).not.toBe(preview.version);

      const pdf = await admin.request('GET', `/api/rounds/${roundId}/report/pdf`);
      expect(pdf.status).toBe(200);
      expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    },
    300_000,
  );

  it('says plainly when the server has no LibreOffice', async () => {
    const saved = process.env.LUOSHI_SOFFICE;
    process.env.LUOSHI_SOFFICE = path.join('/nonexistent', 'soffice');
    try {
      expect(existsSync(process.env.LUOSHI_SOFFICE)).toBe(false);
      const r = await admin.request('GET', `/api/rounds/${roundId}/report/preview`);
      expect(r.status).toBe(200);
      expect(r.json()).toMatchObject({ available: false, pages: 0 });
      expect(r.json<{ reason: string }>().reason).toContain('未安装 LibreOffice');
      const pdf = await admin.request('GET', `/api/rounds/${roundId}/report/pdf`);
      expect(pdf.status).toBe(409);
      expect(pdf.json<{ error: string }>().error).toContain('未安装 LibreOffice');
    } finally {
      if (saved === undefined) delete process.env.LUOSHI_SOFFICE;
      else process.env.LUOSHI_SOFFICE = saved;
    }
  });
});
