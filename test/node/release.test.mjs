// npm run release: the webmaster's zip, the WordPress plugin zip and the npm
// tarball hold exactly what they should; the zip, unpacked into a plain static
// folder, renders every widget in Chromium from the BACA-SAYA snippet (with
// its real integrity hash); the package's exports, types and sideEffects
// point at files the tarball really has.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
import { snippet } from '../../demo/snippet.js';
import { integrityOf } from '../../scripts/sri.mjs';
import { release } from '../../scripts/release.mjs';
import { dist, root } from './helpers.mjs';
import { serveFolder } from './static.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { version } = pkg;
const sri = JSON.parse(readFileSync(join(dist, 'sri.json'), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'loket-release-'));
const made = release({ out, build: false });
after(() => rmSync(out, { recursive: true, force: true }));

const unzip = (file) => unzipSync(new Uint8Array(readFileSync(file)));
const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')).sort();
const text = (bytes) => Buffer.from(bytes).toString('utf8');

describe('loket-<version>.zip', () => {
  const files = unzip(made.zip);
  const folder = `loket-${version}`;

  test('holds one versioned folder with loket.js, chunks/, sri.json, LICENSE and BACA-SAYA.txt, and nothing else', () => {
    assert.equal(made.zip, join(out, `loket-${version}.zip`));
    const expected = ['loket.js', ...chunks.map((c) => `chunks/${c}`), 'sri.json', 'LICENSE', 'BACA-SAYA.txt'].map((f) => `${folder}/${f}`).sort();
    assert.deepEqual(Object.keys(files).sort(), expected);
  });

  test('every script in it matches its hash in sri.json', () => {
    const hashes = JSON.parse(text(files[`${folder}/sri.json`]));
    assert.equal(hashes.version, version);
    assert.equal(integrityOf(files[`${folder}/loket.js`]), hashes['loket.js']);
    for (const chunk of chunks) assert.equal(integrityOf(files[`${folder}/chunks/${chunk}`]), hashes.chunks[`chunks/${chunk}`], chunk);
  });

  test('BACA-SAYA.txt is Indonesian, readable in Notepad, and carries the one snippet with the real hash', () => {
    const readme = text(files[`${folder}/BACA-SAYA.txt`]);
    assert.doesNotMatch(readme.replace(/\r\n/g, ''), /\n/, 'every line ends in CRLF');
    const plain = readme.replace(/\r\n/g, '\n');
    assert.ok(plain.includes(snippet({ version, integrity: sri['loket.js'] })), 'the snippet of demo/snippet.js, with the integrity of this loket.js');
    assert.match(plain, /Unggah folder ini UTUH ke situs Anda sebagai \/loket\/\d+\.\d+\.\d+\//);
    assert.match(text(files[`${folder}/LICENSE`]), /^MIT License/);
  });
});

describe('loket-wordpress-<version>.zip', () => {
  test('is the plugin folder with loket inside, ready for Plugins → Add New → Upload', () => {
    const files = Object.keys(unzip(made.wordpress));
    assert.ok(files.every((f) => f.startsWith('loket/')), 'one folder, loket/');
    for (const f of ['loket/loket.php', 'loket/readme.txt', 'loket/LICENSE', 'loket/dist/loket.js', 'loket/dist/sri.json', ...chunks.map((c) => `loket/dist/chunks/${c}`)]) {
      assert.ok(files.includes(f), `${f} is missing`);
    }
    assert.ok(!files.some((f) => f.endsWith('.map')), 'no source maps');
  });
});

describe('the npm tarball', () => {
  const listing = spawnSync('tar', ['-tzf', made.tarball], { encoding: 'utf8' });
  const files = new Set(listing.stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')));

  test('is named after the version and has the README, LICENSE, CHANGELOG, dist/ and the command', () => {
    assert.equal(listing.status, 0, listing.stderr);
    assert.equal(made.tarball, join(out, `loket-${version}.tgz`));
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/loket.js', 'dist/sri.json', 'dist/custom-elements.json', 'bin/loket.mjs']) {
      assert.ok(files.has(f), `${f} is missing`);
    }
    for (const f of chunks) assert.ok(files.has(`dist/chunks/${f}`), f);
  });

  test('leaves out sources, tests, the demo, the plugin and build leftovers', () => {
    const stray = [...files].filter((f) => /^(src|test|demo|wordpress|scripts|docs|node_modules|\.ci|release)\/|^\.build-|^dist\.old-/.test(f));
    assert.deepEqual(stray, []);
  });

  test('has every file the exports map, types, bin and the editor fields point at', () => {
    const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements, pkg['web-types'], ...Object.values(pkg.bin)];
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (key.includes('*')) continue;
      targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
    }
    for (const target of targets) assert.ok(files.has(target.replace(/^\.\//, '')), `${target} is not in the tarball`);
    assert.ok([...files].some((f) => f.startsWith('dist/schemas/') && f.endsWith('.json')), './schemas/* matches nothing');
  });
});

describe('package.json is ready to publish', () => {
  test('declares MIT, an engines range the tools run on, and side effects for every module that defines an element', () => {
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
    const major = Number(process.versions.node.split('.')[0]);
    assert.ok(major >= Number(pkg.engines.node.match(/>=\s*(\d+)/)[1]), `engines ${pkg.engines.node} excludes the Node these tests run on`);
    // Everything but the no-UI entry point (index.js) defines elements or registers message catalogues on import.
    const glob = (pattern) => new RegExp(`^${pattern.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    const patterns = pkg.sideEffects.map(glob);
    const modules = [
      'dist/loket.js',
      ...chunks.map((c) => `dist/chunks/${c}`),
      ...readdirSync(join(dist, 'esm')).filter((f) => f.endsWith('.js')).map((f) => `dist/esm/${f}`),
      ...readdirSync(join(dist, 'esm/shared')).filter((f) => f.endsWith('.js')).map((f) => `dist/esm/shared/${f}`),
    ];
    for (const m of modules) {
      const marked = patterns.some((p) => p.test(m));
      assert.equal(marked, m !== 'dist/esm/index.js', `${m} ${marked ? 'is' : 'is not'} marked as having side effects`);
    }
  });

  test('has a changelog in the Keep a Changelog form and a security policy', () => {
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, /keepachangelog\.com/);
    assert.match(changelog, /^## \[Unreleased\]$/m);
    assert.match(changelog, new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm'));
    assert.match(readFileSync(join(root, 'SECURITY.md'), 'utf8'), /## Reporting a vulnerability/);
  });
});

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';

describe('the zip on a plain static host, in Chromium', { skip: !existsSync(chrome) && `no Chromium at ${chrome}` }, () => {
  let site;
  let server;
  let browser;
  before(async () => {
    // What a webmaster does: unpack into /loket/<version>/, upload documents, paste the snippet.
    site = mkdtempSync(join(tmpdir(), 'loket-site-'));
    for (const [name, bytes] of Object.entries(unzip(made.zip))) {
      const path = join(site, 'loket', name.replace(`loket-${version}/`, `${version}/`));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    }
    copyFileSync(join(root, 'demo/status/tabanan.json'), join(site, 'loket/status.json'));
    copyFileSync(join(root, 'demo/checklists/pbg.json'), join(site, 'loket/persyaratan.json'));
    copyFileSync(join(root, 'demo/forms/tanya-ptsp.json'), join(site, 'loket/formulir.json'));
    const readme = text(unzip(made.zip)[`loket-${version}/BACA-SAYA.txt`]).replace(/\r\n/g, '\n');
    const pasted = readme.slice(readme.indexOf('<!-- loket'), readme.indexOf('</loket-service-status>') + '</loket-service-status>'.length);
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kantor</title><link rel="icon" href="data:,"></head><body>
${pasted}
${snippet({ version, integrity: sri['loket.js'], widget: 'loket-requirement-checklist' }).split('\n\n')[1]}
${snippet({ version, integrity: sri['loket.js'], widget: 'loket-permit-form' }).split('\n\n')[1]}
<loket-application-status endpoint="/api/status" lang="id"><a href="/layanan">Tanyakan status permohonan</a></loket-application-status>
</body></html>`;
    writeFileSync(join(site, 'index.html'), page);
    server = await serveFolder(site);
    browser = await puppeteer.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(site, { recursive: true, force: true });
  });

  test('renders the banner, the checklist, the form and the tracking page in Indonesian on an English page', async () => {
    const page = await browser.newPage();
    const failures = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && failures.push(`${r.url()} ${r.status()}`));
    try {
      await page.goto(`${server.url}/`);
      const seen = await page.waitForFunction(
        () => {
          const text = (tag) => document.querySelector(tag)?.shadowRoot?.textContent ?? '';
          const status = text('loket-service-status');
          const checklist = text('loket-requirement-checklist');
          const form = text('loket-permit-form');
          const tracking = text('loket-application-status');
          return /Daring \(online\)/.test(status) && /Cetak daftar/.test(checklist) && /Lanjutkan/.test(form) && /Kode akses/.test(tracking) && { status, checklist, form, tracking };
        },
        { timeout: 20000 },
      );
      const texts = await seen.jsonValue();
      assert.doesNotMatch(texts.status + texts.checklist + texts.form + texts.tracking, /Online: |In person|Continue|Print list|Access code/);
      const panels = await page.evaluate(() => [...document.querySelectorAll('loket-service-status, loket-requirement-checklist, loket-permit-form, loket-application-status')].filter((el) => el.shadowRoot.querySelector('[part~="error-panel"]')).length);
      assert.equal(panels, 0, 'no error panel');
      assert.deepEqual(failures, []);
    } finally {
      await page.close();
    }
  });
});
