// The `loket` command, run as a user would: a child process, its output and
// its exit status. Runs against the built dist/.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { demoDocuments, root } from './helpers.mjs';

const BIN = join(root, 'bin/loket.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'loket-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `loket …args`; returns `{ status, stdout, stderr }`. */
function loket(...args) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a file in the temporary folder and returns its path. */
function file(name, content) {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const status = JSON.parse(readFileSync(join(root, 'demo/status/lingga.json'), 'utf8'));
const noStack = (out) => assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+/, `a stack trace was printed:\n${out}`);
const oneLine = (out) => assert.equal(out.trim().split('\n').length, 1, `expected one line:\n${out}`);

describe('loket validate', () => {
  test('accepts every demo document and exits 0', () => {
    const files = demoDocuments().map((d) => join(root, d.file));
    const { status: code, stdout } = loket('validate', ...files);
    assert.equal(code, 0, stdout);
    assert.equal(stdout.trim().split('\n').length, files.length);
  });

  test('prints every problem as file: path: message and exits 1', () => {
    const bad = structuredClone(status);
    bad.channels[0].state = 'buka';
    bad.office.fax = '0361';
    const path = file('bad.json', bad);
    const { status: code, stdout } = loket('validate', path);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^${path}: channels\\[0\\]\\.state: harus salah satu dari: "open", "limited", "closed"$`, 'm'));
    assert.match(stdout, new RegExp(`^${path}: office\\.fax: kunci tidak dikenal`, 'm'));
  });

  test('reports shape problems and reference problems of a form in one run', () => {
    const form = {
      version: 1,
      id: 'uji',
      title: 'Uji',
      office: { name: 'DPMPTSP Uji' },
      help: { phone: '0811-4345-757' },
      steps: [
        {
          heading: 'Data',
          fields: [
            { type: 'text', name: 'nama', label: 'Nama', hint: 'x', colour: 'merah' },
            { type: 'text', name: 'kode', label: 'Kode', pattern: '(a+)+$' },
            { type: 'text', name: 'alamat', label: 'Alamat', visibleWhen: { field: 'namaa', filled: true } },
            { type: 'text', name: 'rt', label: 'RT', visibleWhen: { field: 'nama', filled: true } },
          ],
        },
      ],
    };
    const path = file('one-run.json', form);
    const { status: code, stdout } = loket('validate', path);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n').map((line) => line.slice(path.length + 2));
    assert.equal(lines.length, 3, stdout);
    assert.match(lines[0], /^steps\[0\]\.fields\[0\]\.colour: kunci tidak dikenal/);
    assert.match(lines[1], /^steps\[0\]\.fields\[1\]\.pattern: /);
    assert.match(lines[2], /^steps\[0\]\.fields\[2\]\.visibleWhen\.field: isian "namaa" tidak ada di formulir ini$/);
  });

  test('reports shape problems and condition problems of a checklist in one run', () => {
    const checklist = JSON.parse(readFileSync(join(root, 'demo/checklists/reklame.json'), 'utf8'));
    checklist.groups[0].items[0].colour = 'merah';
    checklist.groups[0].items[1].when = { field: 'applicantTipe', equals: 'perorangan' };
    checklist.groups[1].when = { field: 'applicantType', equals: 'koperasi' };
    const path = file('checklist-one-run.json', checklist);
    const { status: code, stdout } = loket('validate', path);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n').map((line) => line.slice(path.length + 2));
    assert.equal(lines.length, 3, stdout);
    assert.match(lines[0], /^groups\[0\]\.items\[0\]\.colour: kunci tidak dikenal/);
    assert.match(lines[1], /^groups\[0\]\.items\[1\]\.when\.field: /);
    assert.match(lines[2], /^groups\[1\]\.when\.equals: pilihan "koperasi" tidak ada/);
  });

  test('says what a channel\'s hours, a stamp and a date-time may be', () => {
    const bad = structuredClone(status);
    bad.channels[1].hours = { mon: [{ open: '08:00', close: '16:00' }], tue: '08.00-16.00' };
    bad.channels[0].hours = 'kantor';
    bad.updated = '2026-11-30 23:59';
    const path = file('hours.json', bad);
    const { stdout } = loket('validate', path);
    assert.match(stdout, /channels\[1\]\.hours\.tue: harus berupa daftar \[ … \], bukan teks/);
    assert.match(stdout, /channels\[0\]\.hours: harus "office" \(jam kantor\), "always" \(24 jam\), atau jadwal mingguan sendiri/);
    assert.match(stdout, /updated: waktu "2026-11-30 23:59" tidak sah; .*TTTT-BB-HHTJJ:MM .*misalnya 2020-08-18 atau 2026-11-30T23:59/);
    assert.doesNotMatch(stdout, /harus salah satu dari: "office"/);
    const checklist = JSON.parse(readFileSync(join(root, 'demo/checklists/reklame.json'), 'utf8'));
    checklist.groups[0].items[0].stamped = 'Rp10.000';
    const { stdout: out } = loket('validate', file('stamp.json', checklist));
    assert.match(out, /groups\[0\]\.items\[0\]\.stamped: harus true \(bermeterai Rp10\.000\) atau nilai meterai dalam rupiah sebagai angka bulat, misalnya 10000/);
    checklist.groups[0].items[0].stamped = 0;
    assert.match(loket('validate', '--lang', 'en', file('stamp0.json', checklist)).stdout, /stamped: must be more than 0/);
  });

  test('speaks English with --lang en', () => {
    const bad = structuredClone(status);
    delete bad.office.timeZone;
    const { stdout } = loket('validate', '--lang', 'en', file('no-zone.json', bad));
    assert.match(stdout, /office\.timeZone: is required/);
  });

  test('prints a machine-readable array with --json', () => {
    const bad = structuredClone(status);
    bad.channels[0].state = 'buka';
    const good = file('good.json', status);
    const broken = file('broken.json', '{ "version": 1, }');
    const { status: code, stdout } = loket('validate', '--json', '--lang', 'en', good, file('bad2.json', bad), broken);
    assert.equal(code, 1);
    const results = JSON.parse(stdout);
    assert.equal(results.length, 3);
    assert.deepEqual(results[0], { file: good, kind: 'service-status', version: 1, valid: true, problems: [] });
    assert.equal(results[1].valid, false);
    assert.deepEqual(results[1].problems.map((p) => p.path), ['channels[0].state']);
    assert.equal(results[2].valid, false);
    assert.equal(results[2].error, 'not valid JSON: a comma too many before "}" (line 1, column 17)');
  });

  test('detects the kind from $schema, from the keys, or takes --kind', () => {
    const form = demoDocuments().find((d) => d.file.startsWith('demo/forms/'));
    const { $schema, ...bare } = form.json;
    assert.equal(loket('validate', file('form.json', bare)).status, 0);
    const { $schema: _, ...bareStatus } = status;
    const { stdout } = loket('validate', '--kind', 'form', file('status-as-form.json', bareStatus));
    assert.match(stdout, /steps: wajib diisi/);
  });

  test('refuses a --kind that contradicts "$schema", naming both', () => {
    const { status: code, stdout, stderr } = loket('validate', '--kind', 'form', file('status-kind.json', status));
    assert.equal(code, 1);
    assert.equal(stdout, '');
    oneLine(stderr);
    assert.match(stderr, /status-kind\.json: "\$schema" \(\.\.\/\.\.\/dist\/schemas\/service-status\.v1\.json\) menyatakan dokumen status, tetapi --kind meminta form/);
    assert.equal(loket('validate', '--kind', 'status', file('status-kind-ok.json', status)).status, 0, 'a --kind that agrees is fine');
  });

  for (const [label, setup, pattern, expected] of [
    ['a missing file', () => join(tmp, 'nope.json'), /nope\.json: berkas tidak ditemukan/, 2],
    ['a file that is not JSON', () => file('page.json', '<!doctype html>\n<p>404</p>'), /page\.json: bukan JSON yang sah: .*\(baris 1, kolom 1\)/, 1],
    ['JSON with a trailing comma', () => file('comma.json', '{\n  "version": 1,\n}\n'), /comma\.json: bukan JSON yang sah: koma berlebih sebelum "\}" \(baris 3, kolom 1\)/, 1],
    ['JSON with a comment', () => file('comment.json', '{\n  // jam buka\n  "version": 1\n}\n'), /comment\.json: bukan JSON yang sah: JSON tidak mengenal komentar \(\/\/ atau \/\* … \*\/\) \(baris 2, kolom 3\)/, 1],
    ['a document of no known kind', () => file('other.json', { hello: 'world' }), /other\.json: jenis dokumen tidak dikenali: tambahkan "\$schema" atau pakai --kind status\|form\|checklist/, 1],
    ['a document of a future version', () => file('v9.json', { ...status, version: 9 }), /v9\.json: versi 9 lebih baru daripada yang dipahami loket .* \(versi 1\); perbarui loket/, 1],
  ]) {
    test(`says in one line what is wrong with ${label}, without a stack trace`, () => {
      const { status: code, stdout, stderr } = loket('validate', setup());
      assert.equal(code, expected);
      assert.equal(stdout, '');
      oneLine(stderr);
      noStack(stderr);
      assert.match(stderr, pattern);
      assert.doesNotMatch(stderr, /Unexpected|Expected|position|token/, 'no English from the JSON parser in an Indonesian message');
    });
  }

  test('rejects unknown options, kinds and commands in one line with status 2', () => {
    for (const args of [['validate', '--frob', 'x.json'], ['validate', '--kind', 'poster', 'x.json'], ['validate', '--lang', 'jv', 'x.json'], ['validate'], ['frob']]) {
      const { status: code, stderr } = loket(...args);
      assert.equal(code, 2, args.join(' '));
      oneLine(stderr);
      noStack(stderr);
    }
  });
});

describe('loket --help', () => {
  for (const command of ['validate', 'new', 'preview']) {
    test(`loket ${command} --help explains the command`, () => {
      const { status: code, stdout } = loket(command, '--help');
      assert.equal(code, 0);
      assert.match(stdout, new RegExp(`^Usage: loket ${command}`));
    });
  }
  test('loket --help lists the commands', () => {
    const { status: code, stdout } = loket('--help');
    assert.equal(code, 0);
    for (const command of ['validate', 'new', 'preview']) assert.match(stdout, new RegExp(`loket ${command} `));
  });
});

describe('loket new', () => {
  for (const kind of ['status', 'form', 'checklist']) {
    test(`writes a ${kind} starter that validates as it is`, () => {
      const target = join(tmp, `starter-${kind}.json`);
      const made = loket('new', kind, target);
      assert.equal(made.status, 0, made.stderr);
      const doc = JSON.parse(readFileSync(target, 'utf8'));
      assert.match(doc.$schema, /\.v1\.json$/);
      const checked = loket('validate', target);
      assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    });
  }

  test('keeps an existing file unless --force', () => {
    const target = file('kept.json', '{}');
    const { status: code, stderr } = loket('new', 'status', target);
    assert.equal(code, 2);
    oneLine(stderr);
    assert.equal(readFileSync(target, 'utf8'), '{}');
    assert.equal(loket('new', 'status', target, '--force').status, 0);
  });

  test('points $schema at this package from the new file', () => {
    loket('new', 'status', 'relative.json');
    const doc = JSON.parse(readFileSync(join(tmp, 'relative.json'), 'utf8'));
    assert.ok(readFileSync(join(tmp, doc.$schema), 'utf8').includes('"$id"'));
  });
});

/** Starts `loket preview`; resolves once it prints its URL. */
function startPreview(...args) {
  const child = spawn(process.execPath, [BIN, 'preview', ...args], { cwd: tmp });
  let out = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (url) resolve({ child, url: url[1], output: () => out });
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`preview exited ${code}: ${out}`)));
  });
  return ready;
}

/** A port that something else listens on. */
async function occupiedPort() {
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return { port: blocker.address().port, close: () => blocker.close() };
}

describe('loket preview', () => {
  test('serves the page, the widget and the document, and says "changed" when the file is saved', async () => {
    const path = file('live.json', status);
    const { child, url } = await startPreview(path, '--port', '0');
    try {
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
      const html = await page.text();
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
      const info = await (await fetch(`${url}info.json`)).json();
      assert.equal(info.element, 'loket-service-status');
      assert.deepEqual(await (await fetch(`${url}document.json`)).json(), status);
      assert.equal((await fetch(`${url}loket/loket.js`)).status, 200);
      assert.equal((await fetch(`${url}loket/..%2Fpackage.json`)).status, 404);

      const events = await fetch(`${url}events`);
      const reader = events.body.getReader();
      await reader.read(); // the retry line
      setTimeout(() => writeFileSync(path, JSON.stringify({ ...status, updated: '2020-09-15T08:00' })), 100);
      let seen = '';
      while (!/data: \d+/.test(seen)) seen += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      assert.equal((await (await fetch(`${url}document.json`)).json()).updated, '2020-09-15T08:00');
    } finally {
      child.kill();
    }
  });

  test('binds 127.0.0.1 only, and moves to the next port when the first is taken', async () => {
    const taken = await occupiedPort();
    try {
      const { child, url, output } = await startPreview(file('port.json', status), '--port', String(taken.port));
      try {
        assert.notEqual(new URL(url).port, String(taken.port));
        assert.match(output(), new RegExp(`Port ${taken.port} is in use; using \\d+ instead`));
      } finally {
        child.kill();
      }
    } finally {
      taken.close();
    }
  });

  test('answers 400 to a malformed percent-escape and keeps running', async () => {
    const { child, url } = await startPreview(file('escape.json', status), '--port', '0');
    let exited = false;
    child.on('exit', () => (exited = true));
    try {
      for (const bad of ['loket/%ff', 'loket/%E0%A4%A', 'loket/%']) {
        const res = await fetch(`${url}${bad}`, { signal: AbortSignal.timeout(5000) });
        assert.equal(res.status, 400, bad);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(exited, false, 'the preview process exited');
      assert.equal((await fetch(`${url}loket/loket.js`, { signal: AbortSignal.timeout(5000) })).status, 200);
      assert.equal((await fetch(`${url}info.json`, { signal: AbortSignal.timeout(5000) })).status, 200);
    } finally {
      child.kill();
    }
  });

  test('refuses a file it cannot read in one line', () => {
    const { status: code, stderr } = loket('preview', 'missing.json');
    assert.equal(code, 2);
    oneLine(stderr);
    noStack(stderr);
  });
});
