/**
 * Correcting a stored catalogue over HTTP (what the web page's 目录审核 does): the rows are read by the
 * 目录审核 rules, a new version is stored beside the old one, the audit log records the corrections, a
 * round without submissions may move onto the new version, and an office may not correct anything.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { fillWorkbook } from './helpers/fill.js';
import { serverWithAdmin, signInOffice, uploadSeeds, type ApiClient, type TestDb } from './helpers/server.js';

const ROSTER = readFileSync(path.resolve('templates/roster-吉林省.csv'), 'utf8');

let t: TestDb;
let app: FastifyInstance;
let admin: ApiClient;
let office: ApiClient;
let catalogueId: number;
let original: Catalogue;
let roundId: number;

beforeAll(async () => {
  ({ t, app, admin } = await serverWithAdmin());
  const cat = await uploadSeeds(admin);
  catalogueId = cat.json<{ id: number }>().id;
  original = (await admin.request('GET', `/api/catalogues/${catalogueId}`)).json<Catalogue>();
  const round = await admin.request('POST', '/api/rounds', {
    name: '目录修正',
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

const corrections = (body: unknown) =>
  admin.request('POST', `/api/catalogues/${catalogueId}/corrections`, body);

/** A numeric target of a document 长春市 reports on, so its workbook carries it. */
function numericTarget(c: Catalogue): Target {
  return c.targets.find((x) => x.value !== null && x.comparator !== 'range' && x.kind !== 'total')!;
}

describe('catalogue corrections', () => {
  it('refuses an office account, and a value the 目录审核 rules cannot read', async () => {
    const target = numericTarget(original);
    const denied = await office.request('POST', `/api/catalogues/${catalogueId}/corrections`, {
      corrections: [{ action: 'delete', targetId: target.id }],
    });
    expect(denied.status).toBe(403);

    const notNumber = await corrections({
      corrections: [{ action: 'edit', targetId: target.id, fields: { 目标值: '十二点五' } }],
    });
    expect(notNumber.status).toBe(422);
    expect(notNumber.json<{ error: string }>().error).toBe(`指标 ${target.id}的“目标值”：“十二点五”不是数字`);
    const badKind = await corrections({
      corrections: [{ action: 'edit', targetId: target.id, fields: { 指标类型: '面积' } }],
    });
    expect(badKind.status).toBe(422);
    expect(badKind.json<{ error: string; field: string }>()).toMatchObject({ field: '指标类型' });
    const unknown = await corrections({
      corrections: [{ action: 'delete', targetId: 'no-such-target' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json<{ error: string }>().error).toContain('no-such-target');
    // Nothing refused was stored.
    const list = (await admin.request('GET', '/api/catalogues')).json<unknown[]>();
    expect(list).toHaveLength(1);
  });

  it('stores a new version with the corrections, keeps the old one, logs them and moves the round', async () => {
    const target = numericTarget(original);
    const dropped = original.targets.find((x) => x.id !== target.id && x.documentId === target.documentId)!;
    const r = await corrections({
      roundId,
      corrections: [
        {
          action: 'edit',
          targetId: target.id,
          fields: {
            简称: '修正后的简称',
            比较: '不低于',
            目标值: '12.5',
            单位: '%',
            指标类型: '比率',
            期限: '2030年',
            牵头单位: '省卫生健康委、省发展改革委',
          },
        },
        { action: 'delete', targetId: dropped.id },
      ],
    });
    expect(r.status).toBe(201);
    const revised = r.json<{ id: number; version: string; previousId: number; applied: number }>();
    expect(revised.id).not.toBe(catalogueId);
    expect(revised.previousId).toBe(catalogueId);
    expect(revised.applied).toBe(2);
    expect(revised.version).not.toBe(original.version);

    const after = (await admin.request('GET', `/api/catalogues/${revised.id}`)).json<Catalogue>();
    expect(after.version).toBe(revised.version);
    expect(after.targets.find((x) => x.id === target.id)).toMatchObject({
      name: '修正后的简称',
      comparator: '>=',
      value: 12.5,
      unit: '%',
      kind: 'rate',
      deadline: '2030',
      lead: ['省卫生健康委', '省发展改革委'],
      corrected: 'edited',
    });
    expect(after.targets.some((x) => x.id === dropped.id)).toBe(false);
    expect(after.deletedTargets?.map((d) => d.id)).toEqual([dropped.id]);
    expect(after.targets).toHaveLength(original.targets.length - 1);

    // The old version is untouched.
    const before = (await admin.request('GET', `/api/catalogues/${catalogueId}`)).json<Catalogue>();
    expect(before).toEqual(original);

    const audit = (await admin.request('GET', '/api/audit')).json<
      { action: string; object: string; detail: { from: number; corrections: unknown[] } }[]
    >();
    const entry = audit.find((a) => a.action === 'catalogue-corrected')!;
    expect(entry.object).toBe(`catalogue:${revised.id}`);
    expect(entry.detail.from).toBe(catalogueId);
    expect(entry.detail.corrections).toHaveLength(2);

    // The round now hands out the corrected catalogue.
    const round = (await admin.request('GET', `/api/rounds/${roundId}`)).json<{
      round: { catalogueId: number };
    }>();
    expect(round.round.catalogueId).toBe(revised.id);
    const pulled = (await office.request('GET', '/api/addin/catalogue')).json<{ catalogue: Catalogue }>();
    expect(pulled.catalogue.version).toBe(revised.version);

    // A second correction of the new version keeps the first one's dropped target on record.
    const second = await admin.request('POST', `/api/catalogues/${revised.id}/corrections`, {
      corrections: [{ action: 'edit', targetId: target.id, fields: { 单位: '无' } }],
    });
    expect(second.status).toBe(201);
    const third = (
      await admin.request('GET', `/api/catalogues/${second.json<{ id: number }>().id}`)
    ).json<Catalogue>();
    expect(third.targets.find((x) => x.id === target.id)?.unit).toBeNull();
    expect(third.deletedTargets?.map((d) => d.id)).toEqual([dropped.id]);
  });

  it('does not move a round once an office has submitted', async () => {
    const current = (await admin.request('GET', `/api/rounds/${roundId}`)).json<{
      round: { catalogueId: number };
    }>().round.catalogueId;
    const catalogue = (await admin.request('GET', `/api/catalogues/${current}`)).json<Catalogue>();
    const blank = (await office.request('GET', `/api/rounds/${roundId}/workbook`)).bytes;
    const scope = (await admin.request('GET', `/api/rounds/${roundId}`))
      .json<{ offices: { office: string; documents: string[]; units: string[] }[] }>()
      .offices.find((o) => o.office === '长春市')!;
    const filled = await fillWorkbook(blank, sampleEntries(catalogue, '长春市', '2025年度', '7', scope));
    const sent = await office.upload(
      `/api/rounds/${roundId}/submissions`,
      [{ field: 'file', name: '长春市.xlsx', bytes: filled }],
      { confirm: 'true' },
    );
    expect(sent.status).toBe(201);
    const r = await admin.request('POST', `/api/catalogues/${current}/corrections`, {
      roundId,
      corrections: [{ action: 'confirm', targetId: numericTarget(catalogue).id }],
    });
    expect(r.status).toBe(409);
    expect(r.json<{ error: string }>().error).toContain('已有单位报送');
    const still = (await admin.request('GET', `/api/rounds/${roundId}`)).json<{
      round: { catalogueId: number };
    }>();
    expect(still.round.catalogueId).toBe(current);
  });
});
