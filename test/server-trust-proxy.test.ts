/**
 * Behind a reverse proxy (`luoshi serve --trust-proxy ADDR`): a request arriving from the proxy is
 * recorded under the client address its X-Forwarded-For names; without the option, or from any other
 * address, the header is ignored and the connection's own address is recorded, so a client cannot
 * write another address into the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyAddresses } from '../src/cli/commands/serve.js';
import { isLuoshiError } from '../src/core/errors.js';
import { buildApp } from '../src/server/app.js';
import { testDb, type TestDb } from './helpers/server.js';

let t: TestDb;

beforeAll(async () => {
  t = await testDb('pglite');
});

afterAll(async () => {
  await t.close();
});

/** A failed sign-in from `remoteAddress` with the given X-Forwarded-For; the address the audit log kept. */
async function auditedAddress(trustProxy: string[] | undefined, remoteAddress: string, forwarded?: string) {
  const app = await buildApp({ db: t.db, trustProxy });
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress,
    headers: { 'content-type': 'application/json', ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) },
    payload: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
  });
  await app.close();
  expect(res.statusCode).toBe(401);
  const rows = await t.db.query<{ remote_addr: string }>(
    "SELECT remote_addr FROM audit_log WHERE action = 'login-failed' ORDER BY id DESC LIMIT 1",
  );
  return rows[0].remote_addr;
}

describe('--trust-proxy', () => {
  it('records the forwarded client address for requests from the trusted proxy', async () => {
    expect(await auditedAddress(['127.0.0.1'], '127.0.0.1', '10.1.2.3')).toBe('10.1.2.3');
  });

  it('trusts a proxy by range, and takes the address the proxy itself added', async () => {
    // The client wrote 6.6.6.6 itself; the proxy appended the address it saw (172.16.5.4).
    expect(await auditedAddress(['10.0.0.0/8'], '10.9.9.9', '6.6.6.6, 172.16.5.4')).toBe('172.16.5.4');
  });

  it('ignores X-Forwarded-For without the option, and from addresses that are not the proxy', async () => {
    expect(await auditedAddress(undefined, '127.0.0.1', '10.1.2.3')).toBe('127.0.0.1');
    expect(await auditedAddress(['10.0.0.5'], '192.168.1.7', '10.1.2.3')).toBe('192.168.1.7');
  });

  it('takes IP addresses and ranges, separated by commas, and refuses anything else in Chinese', () => {
    expect(proxyAddresses('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(proxyAddresses('10.0.0.5, 10.0.0.0/8，::1')).toEqual(['10.0.0.5', '10.0.0.0/8', '::1']);
    for (const bad of ['nginx', '10.0.0.0/33', '10.0.0.1/8/1', '', '::1/129', '10.0.0.0/x']) {
      let error: unknown;
      try {
        proxyAddresses(bad);
      } catch (e) {
        error = e;
      }
      expect(isLuoshiError(error)).toBe(true);
      expect((error as Error).message).toMatch(/--trust-proxy 应为反向代理的 IP 地址或网段/);
    }
  });
});
