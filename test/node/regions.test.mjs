// Region data in Node: the files the build writes to dist/regions/, read by
// `loket validate` and by the receiver (server/), which checks region answers
// with the same data the browser used. Needs dist/ (npm test builds it first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { openRegionData } from '../../bin/region-data.mjs';
import { startReceiver } from './receiver-helpers.mjs';
import { dist, lib, root } from './helpers.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'loket-regions-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const FORM = {
  version: 1,
  id: 'izin-lokasi',
  title: 'Izin lokasi',
  office: { name: 'DPMPTSP Kabupaten Tabanan' },
  help: { phone: '0361 811 111' },
  steps: [{ heading: 'Lokasi', fields: [{ type: 'region', name: 'lokasi', label: 'Lokasi usaha', within: '51.02' }] }],
};

describe('dist/regions', () => {
  it('holds the country, every province and every regency, each small', () => {
    const files = readdirSync(join(dist, 'regions')).filter((f) => f.endsWith('.json'));
    assert.equal(files.length, 1 + 38 + 514);
    let largest = 0;
    for (const file of files) largest = Math.max(largest, brotliCompressSync(readFileSync(join(dist, 'regions', file))).length);
    assert.ok(largest < 8000, `the largest region file is ${largest} B brotli`);
    const license = readFileSync(join(dist, 'regions/LICENSE.md'), 'utf8');
    assert.match(license, /idn-area-data/);
    assert.match(license, /Open Database License/);
    assert.ok(existsSync(join(dist, 'regions/LICENSE-ODbL.md')));
  });

  it('resolves the five seed regencies and Merauke by their Kemendagri codes', async () => {
    const regions = openRegionData(await lib());
    assert.deepEqual(regions.names('21.04'), ['Kepulauan Riau', 'Kabupaten Lingga']);
    assert.deepEqual(regions.names('33.14'), ['Jawa Tengah', 'Kabupaten Sragen']);
    assert.deepEqual(regions.names('64.74'), ['Kalimantan Timur', 'Kota Bontang']);
    assert.deepEqual(regions.names('31.72'), ['DKI Jakarta', 'Kota Administrasi Jakarta Utara']);
    assert.deepEqual(regions.names('51.02'), ['Bali', 'Kabupaten Tabanan']);
    assert.deepEqual(regions.names('93.01'), ['Papua Selatan', 'Kabupaten Merauke']);
    assert.deepEqual(regions.names('33.14.20.2002'), ['Jawa Tengah', 'Kabupaten Sragen', 'Jenar', 'Ngepringan']);
    assert.equal(regions.names('93.01.99'), null);
    assert.equal(regions.names('99.01'), null);
  });
});

describe('loket validate and region fields', () => {
  const run = (...args) => spawnSync(process.execPath, [join(root, 'bin/loket.mjs'), 'validate', ...args], { encoding: 'utf8' });
  it('refuses a "within" that is not in the region data, and accepts one that is', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...FORM, steps: [{ heading: 'Lokasi', fields: [{ ...FORM.steps[0].fields[0], within: '51.99' }] }] }));
    const good = join(tmp, 'good.json');
    writeFileSync(good, JSON.stringify(FORM));
    const refused = run(bad);
    assert.equal(refused.status, 1, refused.stdout);
    assert.match(refused.stdout, /steps\[0\]\.fields\[0\]\.within: kode wilayah "51\.99" tidak ada dalam data wilayah Kemendagri/);
    const accepted = run(good);
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
  });
});

describe('the receiver (server/) and region answers', () => {
  let server;
  before(async () => (server = await startReceiver('sqlite', { forms: { 'izin-lokasi': FORM } })));
  after(() => server.close());
  let n = 0;
  const post = (answers) =>
    fetch(`${server.url}/api/forms/izin-lokasi/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `region-key-${Date.now()}-${++n}`.padEnd(24, '0') },
      body: JSON.stringify({ loket: 1, form: { id: 'izin-lokasi' }, submittedAt: '2020-09-16T02:00:00.000Z', locale: 'id', answers, files: [] }),
      signal: AbortSignal.timeout(10_000),
    });

  for (const [what, code, message] of [
    ['a village outside the form\'s regency', '51.03.01.2001', 'Lokasi usaha harus berada di Kabupaten Tabanan'],
    ['a code that does not exist', '51.02.01.2999', 'Lokasi usaha: wilayah yang dipilih tidak ada dalam daftar wilayah; pilih lagi'],
    ['a kecamatan where a desa is asked', '51.02.01', 'Lokasi usaha: pilih desa/kelurahan'],
  ]) {
    it(`refuses ${what} (422 at the answer)`, async () => {
      const res = await post({ lokasi: { code, names: ['Bali', 'Kabupaten Tabanan', 'Selemadeg', 'Antap'] } });
      assert.equal(res.status, 422);
      assert.deepEqual((await res.json()).errors.map((e) => [e.pointer, e.detail]), [['/answers/lokasi', message]]);
    });
  }

  it('stores a village of Tabanan with the names from its own data, not the ones sent', async () => {
    const res = await post({ lokasi: { code: '51.02.01.2007', names: ['Bali', 'Tabanan', '<b>forged</b>', 'Antap'] } });
    assert.equal(res.status, 201, await res.clone().text());
    const { trackingNumber } = await res.json();
    const [row] = await server.db.all('SELECT answers FROM submissions WHERE tracking_number = ?', [trackingNumber]);
    assert.deepEqual(JSON.parse(row.answers).lokasi, { code: '51.02.01.2007', names: ['Bali', 'Kabupaten Tabanan', 'Selemadeg', 'Antap'] });
  });
});
