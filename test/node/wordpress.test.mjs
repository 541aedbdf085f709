// The WordPress plugin in a real WordPress: Debian 12's (6.1), MariaDB and
// PHP's built-in server, all on 127.0.0.1 in a temporary folder. The plugin
// is installed from the release's loket-wordpress-<version>.zip and activated
// the way the Plugins screen does it (its "Requires at least" is checked);
// an Author (whose posts go through WordPress's KSES filter) publishes each
// shortcode, and Chromium checks that every widget renders, in Indonesian on a
// site left in English, with hostile attributes dropped or escaped; the
// settings page saves with its nonce and refuses who may not manage options.
// Skipped when WordPress, MariaDB or PHP's mysqli is missing, unless
// LOKET_REQUIRE_WORDPRESS=1 (CI installs them: see .ci/run).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
import { release } from '../../scripts/release.mjs';
import { freePort } from './databases.mjs';
import { dist, root, until } from './helpers.mjs';

const WORDPRESS = '/usr/share/wordpress';
const mariadbd = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p));
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const php = spawnSync('php', ['-m'], { encoding: 'utf8' });
const missing = [
  php.status !== 0 && 'php-cli',
  php.status === 0 && !/^mysqli$/m.test(php.stdout) && 'php-mysql',
  !existsSync(join(WORDPRESS, 'wp-settings.php')) && 'wordpress',
  !mariadbd && 'mariadb-server',
  !existsSync(chrome) && 'chromium',
].filter(Boolean);
if (missing.length && process.env.LOKET_REQUIRE_WORDPRESS === '1') throw new Error(`LOKET_REQUIRE_WORDPRESS=1 but ${missing.join(', ')} is missing`);
const skip = missing.length ? `not installed: ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})` : false;

function phpFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? phpFiles(path) : entry.name.endsWith('.php') ? [path] : [];
  });
}

test('every PHP file in the repository passes php -l', { skip: php.status !== 0 && 'PHP is not installed' }, () => {
  const files = phpFiles(root);
  assert.ok(files.some((f) => f.endsWith('wordpress/loket/loket.php')));
  for (const file of files) {
    const lint = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    assert.equal(lint.status, 0, `${relative(root, file)}: ${lint.stdout}${lint.stderr}`);
  }
});

test('the plugin says it runs on WordPress 5.8 and PHP 7.4, in its header and its readme', () => {
  const header = readFileSync(join(root, 'wordpress/loket/loket.php'), 'utf8');
  const readme = readFileSync(join(root, 'wordpress/loket/readme.txt'), 'utf8');
  for (const text of [header, readme]) {
    assert.match(text, /Requires at least:\s+5\.8$/m);
    assert.match(text, /Requires PHP:\s+7\.4$/m);
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.match(header, new RegExp(`^ \\* Version:\\s+${version.replace(/\./g, '\\.')}$`, 'm'), 'the plugin version follows package.json');
  assert.match(readme, new RegExp(`^Stable tag: ${version.replace(/\./g, '\\.')}$`, 'm'));
});

/** Runs a command to completion; throws with its output when it fails. */
function must(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The posts an Author publishes: one per widget, a relative src, an explicit lang, and hostile ones. */
const POSTS = [
  { key: 'status', content: '[loket_status src="/loket/status.json" refresh="300"]<a href="/layanan">Lihat status layanan di situs kantor</a>[/loket_status]' },
  { key: 'checklist', content: '[loket_checklist src="loket/persyaratan.json" heading_level="3"]<a href="/persyaratan">Persyaratan PBG</a>[/loket_checklist]' },
  { key: 'form', content: '[loket_form src="./loket/formulir.json" action="/api/forms/tanya-ptsp/submissions"]<a href="/formulir.pdf">Unduh formulir</a>[/loket_form]' },
  { key: 'tracking', content: '[loket_tracking endpoint="api/status"]<a href="/layanan">Tanyakan status permohonan</a>[/loket_tracking]' },
  { key: 'all', content: '[loket_status src="/loket/status.json"]\n\n[loket_checklist src="/loket/persyaratan.json"]\n\n[loket_form src="/loket/formulir.json"]\n\n[loket_status src="/loket/status.json" lang="id"]' },
  {
    key: 'block',
    content: '<!-- wp:loket/widget {"widget":"checklist","src":"loket/persyaratan.json","fallbackUrl":"/persyaratan","fallbackText":"Persyaratan \\u003cb\\u003ePBG\\u003c/b\\u003e \\u0026 IMB"} /-->',
  },
  { key: 'tracking-block', content: '<!-- wp:loket/widget {"widget":"tracking","src":"/api/status"} /-->' },
  {
    key: 'hostile',
    content: [
      `[loket_status src='/loket/status.json" onmouseover="alert(1)' lang="jv" refresh="5" heading_level="9" onclick="alert(2)" style="display:none"]<a href="/layanan" onclick="alert(3)">Jam</a><img src="x" onerror="alert(4)"><script>alert(5)</script>[/loket_status]`,
      '[loket_form src="javascript:alert(6)" action="data:text/html,<script>alert(7)</script>" prefill="always"]',
      '[loket_checklist src="/loket/persyaratan.json?a=1&b=<b>2</b>" remember_answers="tidak" timeout="1e9"]',
    ].join('\n\n'),
  },
];

describe('the plugin in a real WordPress', { skip }, () => {
  let dir;
  let home;
  let db;
  let web;
  let browser;
  let ids;
  let installed;
  let integrity;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loket-wordpress-'));
    const wp = join(dir, 'wp');
    const socket = join(dir, 'mysql.sock');
    const port = await freePort();
    home = `http://127.0.0.1:${port}`;

    // WordPress: a private copy of Debian's, with our own wp-config.php (Debian's
    // reads /etc/wordpress/config-<host>.php) and the plugin from the release zip.
    cpSync(WORDPRESS, wp, { recursive: true, dereference: true, filter: (src) => !src.endsWith('.htaccess') });
    const made = release({ out: join(dir, 'release'), build: false, pack: false });
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(made.wordpress))))) {
      const path = join(wp, 'wp-content/plugins', name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    }
    integrity = JSON.parse(readFileSync(join(dist, 'sri.json'), 'utf8'))['loket.js'];
    mkdirSync(join(wp, 'loket'));
    copyFileSync(join(root, 'demo/status/tabanan.json'), join(wp, 'loket/status.json'));
    copyFileSync(join(root, 'demo/checklists/pbg.json'), join(wp, 'loket/persyaratan.json'));
    copyFileSync(join(root, 'demo/forms/tanya-ptsp.json'), join(wp, 'loket/formulir.json'));
    const salt = () => randomBytes(24).toString('hex');
    writeFileSync(
      join(wp, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', '${home}' );
define( 'WP_SITEURL', '${home}' );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define( '${k}', '${salt()}' );`).join('\n')}
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, 'debug.log')}' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );

    // MariaDB on a socket only, without grant tables: a throwaway server for this test.
    must('mariadb-install-db', ['--no-defaults', `--datadir=${join(dir, 'db')}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal']);
    db = spawn(mariadbd, ['--no-defaults', `--datadir=${join(dir, 'db')}`, `--socket=${socket}`, '--skip-networking', '--skip-grant-tables', '--user=root', `--pid-file=${join(dir, 'mysql.pid')}`, '--innodb-buffer-pool-size=32M'], { stdio: 'ignore' });
    await until(() => spawnSync('mariadb-admin', ['--no-defaults', `--socket=${socket}`, 'ping'], { stdio: 'ignore' }).status === 0, 'MariaDB', 30_000, 200);
    must('mariadb', ['--no-defaults', `--socket=${socket}`, '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4']);

    const setup = (step, input) => JSON.parse(must('php', [join(root, 'test/wordpress/setup.php'), wp, step], { input }));
    installed = setup('install');
    installed.activation = setup('activate');
    ids = setup('posts', JSON.stringify(POSTS));

    // Its own process group: with PHP_CLI_SERVER_WORKERS the server forks workers, which
    // outlive a kill of the parent alone.
    web = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', wp], { stdio: 'ignore', detached: true, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
    await until(async () => (await fetch(`${home}/wp-login.php`).catch(() => null))?.ok, 'PHP built-in server', 30_000, 200);
    browser = await puppeteer.launch({ executablePath: chrome, protocolTimeout: 60000, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });

  after(async () => {
    await browser?.close();
    if (web?.pid) process.kill(-web.pid, 'SIGTERM');
    // Wait for MariaDB to shut down before its data folder goes.
    if (db && db.exitCode === null) await new Promise((resolve) => {
      db.once('exit', resolve);
      db.kill();
      setTimeout(resolve, 15000);
    });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page that records dialogs (an injected alert) and page errors instead of hanging on them. */
  async function watched(context = browser) {
    const page = await context.newPage();
    const problems = [];
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return { page, problems };
  }

  /** Logs a page in through wp-login.php. */
  // wp-login.php focuses and selects the user field 200 ms after load, so keys
  // typed meanwhile can end up there: the fields are filled, not typed into, and
  // the login must have reached wp-admin.
  async function login(page, user, password) {
    await page.goto(`${home}/wp-login.php`);
    await page.$eval('#user_login', (input, value) => (input.value = value), user);
    await page.$eval('#user_pass', (input, value) => (input.value = value), password);
    await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
    assert.match(page.url(), /\/wp-admin\//, `${user} could not log in`);
  }

  /** Opens a post in a watched page. */
  async function open(key, context = browser) {
    const { page, problems } = await watched(context);
    await page.goto(`${home}/?p=${ids[key]}`);
    return { page, problems };
  }

  /** The shadow text of every loket element, once each has rendered (not just its fallback). */
  async function rendered(page, count) {
    const read = () =>
      page.evaluate(() => [...document.querySelectorAll('loket-service-status, loket-requirement-checklist, loket-permit-form, loket-application-status')].map((el) => el.shadowRoot?.textContent?.trim() ?? ''));
    const started = Date.now();
    for (;;) {
      const texts = await read();
      if (texts.length === count && texts.every((t) => t.length > 40)) return texts;
      if (Date.now() - started > 20000) throw new Error(`expected ${count} rendered widgets, got ${JSON.stringify(texts)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test('activates on Debian 12\'s WordPress, older than 6.3, as the Plugins screen does', () => {
    assert.match(installed.version, /^6\.[0-2]\./, `expected Debian 12's WordPress 6.1, got ${installed.version}`);
    assert.equal(installed.locale, 'en_US');
    assert.deepEqual(installed.activation, { active: true });
  });

  for (const [key, tag, indonesian] of [
    ['status', 'loket-service-status', /Daring \(online\)/],
    ['checklist', 'loket-requirement-checklist', /Dokumen yang perlu disiapkan/],
    ['form', 'loket-permit-form', /Lanjutkan/],
    ['tracking', 'loket-application-status', /Kode akses/],
  ]) {
    test(`[loket_${key}] renders <${tag}> in Indonesian on a site left in English`, async () => {
      const { page, problems } = await open(key);
      try {
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-US');
        const [text] = await rendered(page, 1);
        assert.match(text, indonesian);
        assert.equal(await page.$eval(tag, (el) => el.getAttribute('lang')), 'id');
        assert.equal(await page.$eval(tag, (el) => !!el.shadowRoot.querySelector('[part~="error-panel"]')), false, 'no error panel');
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  test('resolves relative document addresses against the site, not as host names', async () => {
    const { page } = await open('checklist');
    const form = await open('form');
    try {
      assert.equal(await page.$eval('loket-requirement-checklist', (el) => el.getAttribute('src')), `${home}/loket/persyaratan.json`);
      assert.equal(await form.page.$eval('loket-permit-form', (el) => el.getAttribute('src')), `${home}/loket/formulir.json`);
      assert.equal(await form.page.$eval('loket-permit-form', (el) => el.getAttribute('action')), '/api/forms/tanya-ptsp/submissions');
      const tracking = await open('tracking');
      assert.equal(await tracking.page.$eval('loket-application-status', (el) => el.getAttribute('endpoint')), `${home}/api/status`);
      await tracking.page.close();
    } finally {
      await page.close();
      await form.page.close();
    }
  });

  test('loads loket.js once per page, as a deferred module with the bundled integrity hash', async () => {
    const { page, problems } = await open('all');
    try {
      const texts = await rendered(page, 4);
      assert.match(texts[0], /Daring \(online\)/);
      const scripts = await page.$$eval('script[src*="loket.js"]', (els) => els.map((el) => el.outerHTML));
      assert.deepEqual(scripts, [`<script type="module" src="${home}/wp-content/plugins/loket/dist/loket.js" id="loket-js" defer="" integrity="${integrity}" crossorigin="anonymous"></script>`]);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('drops hostile shortcode attributes, escapes what it keeps, and runs no injected script', async () => {
    const { page, problems } = await open('hostile');
    try {
      const elements = await page.$$eval('loket-service-status, loket-requirement-checklist, loket-permit-form', (els) =>
        els.map((el) => ({ tag: el.localName, attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])), fallback: el.innerHTML })),
      );
      assert.deepEqual(
        elements.map((e) => ({ tag: e.tag, attributes: e.attributes })),
        [
          // The quotes are gone, so "onmouseover" is only text inside the address.
          { tag: 'loket-service-status', attributes: { src: '/loket/status.json%20onmouseover=alert(1)', lang: 'id' } },
          { tag: 'loket-permit-form', attributes: { lang: 'id' } },
          { tag: 'loket-requirement-checklist', attributes: { src: '/loket/persyaratan.json?a=1&b=b2/b', lang: 'id', 'remember-answers': 'false' } },
        ],
      );
      assert.doesNotMatch(elements[0].fallback, /onclick|onerror|<script/);
      assert.match(elements[0].fallback, /<a href="\/layanan">Jam<\/a>/);
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('the loket block renders the same element, with its fallback link escaped', async () => {
    const { page, problems } = await open('block');
    try {
      const [text] = await rendered(page, 1);
      assert.match(text, /Dokumen yang perlu disiapkan/);
      const element = await page.$eval('loket-requirement-checklist', (el) => ({ src: el.getAttribute('src'), lang: el.getAttribute('lang'), fallback: el.innerHTML }));
      assert.deepEqual(element, { src: `${home}/loket/persyaratan.json`, lang: 'id', fallback: '<a href="/persyaratan">Persyaratan &lt;b&gt;PBG&lt;/b&gt; &amp; IMB</a>' });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('the loket block makes the tracking page with its service address', async () => {
    const { page } = await open('tracking-block');
    try {
      const [text] = await rendered(page, 1);
      assert.match(text, /Kode akses/);
      assert.equal(await page.$eval('loket-application-status', (el) => el.getAttribute('endpoint')), '/api/status');
    } finally {
      await page.close();
    }
  });

  test('the block editor offers the loket block', async () => {
    const context = await browser.createBrowserContext();
    try {
      const { page } = await watched(context);
      await login(page, 'admin', 'rahasia-admin-123');
      await page.goto(`${home}/wp-admin/post-new.php`);
      const block = await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('loket/widget'), { timeout: 60000 });
      assert.equal(await block.evaluate((b) => b.title), 'loket');
      const attributes = await block.evaluate((b) => Object.keys(b.attributes));
      for (const name of ['widget', 'src', 'lang', 'fallbackUrl', 'fallbackText']) assert.ok(attributes.includes(name), name);
    } finally {
      await context.close();
    }
  });

  test('the settings page saves the default language with its nonce, and an explicit lang still wins', async () => {
    const context = await browser.createBrowserContext();
    try {
      const { page, problems } = await watched(context);
      await login(page, 'admin', 'rahasia-admin-123');
      await page.goto(`${home}/wp-admin/options-general.php?page=loket`);
      assert.equal(await page.$eval('h1', (h) => h.textContent), 'Pengaturan loket');
      assert.match(await page.$eval('.wrap', (w) => w.textContent), /Plugin ini membawa loket \d+\.\d+\.\d+/);
      // A bad hash is refused with a message, the rest is saved.
      await page.type('#loket-integrity', 'sha384-"><script>alert(1)</script>');
      await page.click('input[name="loket_settings[lang]"][value="en"]');
      await Promise.all([page.waitForNavigation(), page.click('#submit')]);
      assert.match(await page.$eval('.wrap', (w) => w.textContent), /Hash integritas harus berbentuk sha384-/);
      assert.equal(await page.$eval('input[name="loket_settings[lang]"][value="en"]', (i) => i.checked), true);
      assert.equal(await page.$eval('#loket-integrity', (i) => i.value), '');

      // Without the page's nonce, options.php refuses and nothing changes.
      const forged = await page.evaluate(async () => {
        const body = new URLSearchParams({ option_page: 'loket', action: 'update', _wpnonce: 'forged', 'loket_settings[lang]': 'id' });
        return (await fetch('/wp-admin/options.php', { method: 'POST', body })).status;
      });
      assert.equal(forged, 403);

      const { page: post } = await open('all', context);
      const texts = await rendered(post, 4);
      assert.match(texts[0], /Online/, 'the default is English now');
      assert.doesNotMatch(texts[0], /Daring/);
      assert.match(texts[3], /Daring \(online\)/, 'lang="id" on the shortcode still wins');
      await post.close(); // A background tab gets no animation frames, and clicks wait for one.

      // Back to Indonesian for the other tests.
      await page.goto(`${home}/wp-admin/options-general.php?page=loket`);
      await page.click('input[name="loket_settings[lang]"][value="id"]');
      await Promise.all([page.waitForNavigation(), page.click('#submit')]);
      assert.equal(await page.$eval('input[name="loket_settings[lang]"][value="id"]', (i) => i.checked), true);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('an Author can neither see nor save the settings', async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await login(page, 'penulis', 'rahasia-penulis-123');
      const response = await page.goto(`${home}/wp-admin/options-general.php?page=loket`);
      assert.equal(response.status(), 403);
      assert.doesNotMatch(await page.content(), /Pengaturan loket/);
      const saved = await page.evaluate(async () => {
        const body = new URLSearchParams({ option_page: 'loket', action: 'update', _wpnonce: 'x', 'loket_settings[lang]': 'en' });
        return (await fetch('/wp-admin/options.php', { method: 'POST', body })).status;
      });
      assert.equal(saved, 403);
    } finally {
      await context.close();
    }
  });

  test('WordPress logged no notice or warning from the plugin', () => {
    const log = existsSync(join(dir, 'debug.log')) ? readFileSync(join(dir, 'debug.log'), 'utf8') : '';
    assert.deepEqual(log.split('\n').filter((line) => /plugins\/loket\//.test(line)), []);
  });
});
