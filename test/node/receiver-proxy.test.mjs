// --trust-proxy: X-Forwarded-For and X-Forwarded-Proto are believed only from
// the proxies it names. Without it (the default) a client cannot forge them:
// not to escape the status lookup's per-address limit, not to get the inbox's
// HTTPS cookie over plain HTTP. With it, behind nginx, each citizen has their
// own limit and the inbox knows it is served over HTTPS.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from './databases.mjs';
import { ADMIN_PASSWORD, ONE_QUESTION_FORM, server, startReceiver } from './receiver-helpers.mjs';

const COST = { logN: 14, r: 8, p: 1 };

const lookup = (target, forwardedFor) =>
  fetch(`${target.url}/api/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ trackingNumber: 'UJI-2026-999999', secret: 'bukan-kode-yang-benar' }),
    signal: AbortSignal.timeout(10_000),
  });
const login = (target, headers = {}) =>
  fetch(`${target.url}/petugas/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  });

async function start(kind, trustProxy) {
  const target = await startReceiver(kind, { forms: { 'uji-izin': ONE_QUESTION_FORM }, statusFailuresPerIp: 2, statusFailuresPerNumber: 0, passwordCost: 14, trustProxy });
  assert.equal((await server.addAccount(target.db, { name: 'admin', displayName: 'Admin', password: ADMIN_PASSWORD, role: 'admin' }, new Date(), COST)).ok, true);
  return target;
}

for (const kind of databaseKinds()) {
  describe(`without --trust-proxy on ${kind}`, () => {
    let target;
    before(async () => (target = await start(kind, [])));
    after(() => target.close());

    it('counts failed lookups by the socket address, whatever X-Forwarded-For says', async () => {
      assert.equal((await lookup(target, '203.0.113.1')).status, 404);
      assert.equal((await lookup(target, '203.0.113.2')).status, 404);
      assert.equal((await lookup(target, '203.0.113.3')).status, 429);
    });

    it('gives a plain-HTTP client claiming X-Forwarded-Proto: https the plain cookie, not the Secure one', async () => {
      const res = await login(target, { 'x-forwarded-proto': 'https' });
      assert.equal(res.status, 200);
      const cookie = res.headers.get('set-cookie');
      assert.match(cookie, /^loket_petugas=/);
      assert.doesNotMatch(cookie, /Secure/);
    });
  });

  describe(`with --trust-proxy 127.0.0.1 on ${kind}`, () => {
    let target;
    before(async () => (target = await start(kind, ['127.0.0.1'])));
    after(() => target.close());

    it("counts each citizen's failed lookups by the address the proxy forwards", async () => {
      assert.equal((await lookup(target, '203.0.113.1')).status, 404);
      assert.equal((await lookup(target, '203.0.113.1')).status, 404);
      assert.equal((await lookup(target, '203.0.113.1')).status, 429);
      // Another citizen behind the same proxy still has their own tries.
      assert.equal((await lookup(target, '203.0.113.2')).status, 404);
    });

    it('sets the Secure __Host- cookie when the proxy says the page came over HTTPS', async () => {
      const res = await login(target, { 'x-forwarded-proto': 'https', origin: `https://${new URL(target.url).host}` });
      assert.equal(res.status, 200);
      const cookie = res.headers.get('set-cookie');
      assert.match(cookie, /^__Host-loket_petugas=/);
      assert.match(cookie, /; Secure/);
    });
  });
}

describe('--trust-proxy names only proxies', () => {
  it('believes X-Forwarded-For only from the named address, not from 127.0.0.1 when another is named', async () => {
    const target = await start(databaseKinds()[0], ['10.0.0.0/8']);
    try {
      assert.equal((await lookup(target, '203.0.113.1')).status, 404);
      assert.equal((await lookup(target, '203.0.113.2')).status, 404);
      assert.equal((await lookup(target, '203.0.113.3')).status, 429);
    } finally {
      await target.close();
    }
  });

  it('takes addresses, ranges and names from the flag and LOKET_TRUST_PROXY, and says which value is wrong', () => {
    assert.deepEqual(server.parseConfig(['--trust-proxy', '127.0.0.1', '--trust-proxy', '10.0.0.0/8,::1']).config.trustProxy, ['127.0.0.1', '10.0.0.0/8', '::1']);
    assert.deepEqual(server.parseConfig([], { LOKET_TRUST_PROXY: 'loopback' }).config.trustProxy, ['loopback']);
    assert.deepEqual(server.parseConfig([]).config.trustProxy, []);
    assert.throws(() => server.parseConfig(['--trust-proxy', 'nginx.lokal']), /--trust-proxy "nginx.lokal" is not an address like 127.0.0.1/);
    assert.throws(() => server.parseConfig(['--trust-proxy', '10.0.0.0/33']), /--trust-proxy "10.0.0.0\/33"/);
  });
});
