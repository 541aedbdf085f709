// dist/sri.json: the hash a pinned snippet carries must be the built loader's,
// and Chromium must accept it for the real file and refuse a wrong one. The
// demo server serves dist/ byte for byte (the browser-test server does not).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../demo/server/serve.mjs';
import { dist, root } from './helpers.mjs';

const sri = JSON.parse(readFileSync(join(dist, 'sri.json'), 'utf8'));

test('dist/sri.json holds the sha384 of dist/loket.js and the package version', () => {
  const expected = `sha384-${createHash('sha384').update(readFileSync(join(dist, 'loket.js'))).digest('base64')}`;
  assert.equal(sri['loket.js'], expected);
  assert.equal(sri.version, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
});

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';

describe('Subresource Integrity in Chromium', { skip: !existsSync(chrome) && `no Chromium at ${chrome}` }, () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ port: 0 });
    browser = await puppeteer.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Loads dist/loket.js as a module script with an integrity attribute, under the demo's strict CSP. */
  async function load(integrity) {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/demo/sematan.html`);
      return await page.evaluate(
        (integrity) =>
          new Promise((resolve) => {
            const script = document.createElement('script');
            script.type = 'module';
            script.crossOrigin = 'anonymous';
            script.integrity = integrity;
            script.src = `/dist/loket.js?sri=${Math.random()}`;
            script.addEventListener('load', () => resolve('load'));
            script.addEventListener('error', () => resolve('error'));
            document.head.append(script);
          }),
        integrity,
      );
    } finally {
      await page.close();
    }
  }

  test('accepts the hash for the built loket.js', async () => {
    assert.equal(await load(sri['loket.js']), 'load');
  });

  test('refuses loket.js under a wrong hash', async () => {
    assert.equal(await load(`sha384-${'A'.repeat(64)}`), 'error');
  });
});
