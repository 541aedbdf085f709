// The WordPress plugin (wordpress/loket/loket.php): every PHP file passes
// `php -l`, and the shortcodes — run through test/wordpress/harness.php with
// stand-ins for the WordPress functions — whitelist and escape attributes and
// load loket.js once as a deferred module. Skipped when PHP is not installed
// (CI installs php-cli).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { root } from './helpers.mjs';

const php = spawnSync('php', ['-v'], { encoding: 'utf8' });
const skip = php.status === 0 ? false : 'PHP is not installed (apt-get install -y php-cli)';

function phpFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? phpFiles(path) : entry.name.endsWith('.php') ? [path] : [];
  });
}

/** Runs shortcodes through the harness: `[{ shortcode, atts, content? }]` → `{ html, enqueued, tag, shortcodes }`. */
function run(cases, env = {}) {
  const result = spawnSync('php', [join(root, 'test/wordpress/harness.php')], { input: JSON.stringify(cases), encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(result.status, 0, result.stderr + result.stdout);
  return JSON.parse(result.stdout);
}

describe('the WordPress plugin', { skip }, () => {
  test('every PHP file in the repository passes php -l', () => {
    const files = phpFiles(root);
    assert.ok(files.some((f) => f.endsWith('wordpress/loket/loket.php')));
    for (const file of files) {
      const lint = spawnSync('php', ['-l', file], { encoding: 'utf8' });
      assert.equal(lint.status, 0, `${relative(root, file)}: ${lint.stdout}${lint.stderr}`);
    }
  });

  test('registers the three shortcodes', () => {
    assert.deepEqual(run([]).shortcodes, ['loket_status', 'loket_checklist', 'loket_form']);
  });

  test('renders the element with the whitelisted attributes only', () => {
    const { html } = run([
      { shortcode: 'loket_status', atts: { src: '/loket/status.json', lang: 'en', refresh: '300', heading_level: '3', expanded: 'yes', onclick: 'alert(1)', style: 'x' } },
      { shortcode: 'loket_checklist', atts: { src: '/loket/pbg.json', remember_answers: 'false', refresh: '60' } },
      { shortcode: 'loket_form', atts: { src: '/loket/form.json', action: 'https://kantor.example/kirim?a=1&b=2', prefill: 'none' } },
    ]);
    assert.equal(html[0], '<loket-service-status src="/loket/status.json" lang="en" heading-level="3" refresh="300" expanded></loket-service-status>');
    assert.equal(html[1], '<loket-requirement-checklist src="/loket/pbg.json" remember-answers="false"></loket-requirement-checklist>');
    assert.equal(html[2], '<loket-permit-form src="/loket/form.json" action="https://kantor.example/kirim?a=1&amp;b=2" prefill="none"></loket-permit-form>');
  });

  test('drops values that are not allowed, and escapes what it keeps', () => {
    const { html } = run([
      { shortcode: 'loket_status', atts: { src: 'javascript:alert(1)', lang: 'jv', refresh: '5', heading_level: '9', now: 'soon' } },
      { shortcode: 'loket_status', atts: { src: '/a.json" onmouseover="alert(1)' } },
      { shortcode: 'loket_form', atts: { src: 'data:text/html,<script>alert(1)</script>', action: 'ftp://x' } },
    ]);
    assert.equal(html[0], '<loket-service-status></loket-service-status>');
    assert.doesNotMatch(html[1], /" onmouseover/);
    assert.match(html[1], /^<loket-service-status src="[^"<>]*"><\/loket-service-status>$/);
    assert.equal(html[2], '<loket-permit-form></loket-permit-form>');
  });

  test('keeps a fallback link between the tags, without scripts', () => {
    const { html } = run([{ shortcode: 'loket_status', atts: { src: '/s.json' }, content: '<a href="/layanan">Jam pelayanan</a><script>alert(1)</script>' }]);
    assert.equal(html[0], '<loket-service-status src="/s.json"><a href="/layanan">Jam pelayanan</a>alert(1)</loket-service-status>');
  });

  test('loads loket.js once, as a deferred module, with integrity when configured', () => {
    const plain = run([{ shortcode: 'loket_status', atts: {} }, { shortcode: 'loket_form', atts: {} }]);
    assert.deepEqual(plain.enqueued.args, { strategy: 'defer', in_footer: true });
    assert.equal(plain.tag, '<script type="module" src="https://example.test/wp-content/plugins/loket/dist/loket.js" id="loket-js" defer></script>\n');
    const pinned = run([{ shortcode: 'loket_status', atts: {} }], { LOKET_INTEGRITY: 'sha384-abc+/=' });
    assert.match(pinned.tag, / integrity="sha384-abc\+\/=" crossorigin="anonymous"><\/script>/);
    const bogus = run([{ shortcode: 'loket_status', atts: {} }], { LOKET_INTEGRITY: '"><script>' });
    assert.doesNotMatch(bogus.tag, /integrity/);
    assert.equal(run([]).enqueued, null);
  });
});
