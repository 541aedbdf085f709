// Cleanup runs on timers, not inside requests: the status lookups' counters
// of ended windows and staff sessions that can no longer be used are
// forgotten while nobody asks anything. Waits for a state, never a duration.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from './databases.mjs';
import { until } from './helpers.mjs';
import { ADMIN_PASSWORD, ONE_QUESTION_FORM, server, startReceiver } from './receiver-helpers.mjs';


for (const kind of databaseKinds()) {
  describe(`housekeeping on ${kind}`, () => {
    let clock = Date.parse('2026-11-27T03:00:00.000Z');
    let target;
    const count = async (table) => Number((await target.db.get(`SELECT COUNT(*) AS n FROM ${table}`)).n);
    before(async () => {
      target = await startReceiver(kind, { forms: { 'uji-izin': ONE_QUESTION_FORM }, now: () => new Date(clock), housekeepingMs: 50, statusWindowSeconds: 60, passwordCost: 14 });
      assert.equal((await server.addAccount(target.db, { name: 'admin', displayName: 'Admin', password: ADMIN_PASSWORD, role: 'admin' }, new Date(clock), { logN: 14, r: 8, p: 1 })).ok, true);
    });
    after(() => target.close());

    it("forgets failed-lookup counters once their window has ended, without waiting for the next lookup", async () => {
      const res = await fetch(`${target.url}/api/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ trackingNumber: 'UJI-2026-999999', secret: 'salah' }) });
      assert.equal(res.status, 404);
      assert.equal(await count('status_lookup_failures'), 2);
      clock += 61_000;
      await until(async () => (await count('status_lookup_failures')) === 0, 'the old counters forgotten', 10_000);
    });

    it('forgets a session past its 12 hours, without waiting for the next login', async () => {
      const res = await fetch(`${target.url}/petugas/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }) });
      assert.equal(res.status, 200);
      assert.equal(await count('staff_sessions'), 1);
      clock += 13 * 3_600_000;
      await until(async () => (await count('staff_sessions')) === 0, 'the old session forgotten', 10_000);
    });
  });
}
