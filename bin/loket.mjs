#!/usr/bin/env node
// The `loket` command for schema authors: validate, new, preview.
// Node 20+, no dependencies beyond the package's own (it uses the built
// parsers in ../dist/esm/). A user's mistake is one line and a non-zero exit,
// never a stack trace.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openRegionData } from './region-data.mjs';

const pkgRoot = fileURLToPath(new URL('../', import.meta.url));
const { version: PKG_VERSION } = JSON.parse(readFileSync(`${pkgRoot}package.json`, 'utf8'));

/** Exit statuses: 1 a document is not valid, 2 the command could not do its job (usage, unreadable file). */
const INVALID = 1;
const USAGE = 2;

/** A user mistake: printed as one line, never with a stack. */
class UserError extends Error {
  constructor(message, status = USAGE) {
    super(message);
    this.name = 'UserError';
    this.status = status;
  }
}

// The command's own messages; the problems in documents come from the parsers' catalogues.
const MESSAGES = {
  id: {
    notFound: 'berkas tidak ditemukan',
    notAFile: 'bukan berkas',
    notJson: 'bukan JSON yang sah: {reason}',
    notJsonPlain: 'bukan JSON yang sah',
    unknownKind: 'jenis dokumen tidak dikenali: tambahkan "$schema" atau pakai --kind {kinds}',
    kindConflict: '"$schema" ({schema}) menyatakan dokumen {declared}, tetapi --kind meminta {kind}; hapus --kind atau perbaiki "$schema"',
    futureVersion: 'versi {found} lebih baru daripada yang dipahami loket {pkg} (versi {supported}); perbarui loket',
    valid: 'sah ({kind} v{version})',
    problems: '{count} masalah',
    root: '(dokumen)',
    written: '{file} dibuat ({kind}). Periksa: loket validate {file} · lihat: loket preview {file}',
    noComments: 'JSON tidak mengenal komentar (dan format loket menolak kunci tak dikenal): penjelasan setiap kunci ada di docs/ dan di editor Anda lewat "$schema".',
    exists: '{file} sudah ada; pakai --force untuk menimpanya',
  },
  en: {
    notFound: 'file not found',
    notAFile: 'not a file',
    notJson: 'not valid JSON: {reason}',
    notJsonPlain: 'not valid JSON',
    unknownKind: 'cannot tell which kind of document this is: add "$schema" or use --kind {kinds}',
    kindConflict: '"$schema" ({schema}) says this is a {declared} document but --kind asks for {kind}; drop --kind or fix "$schema"',
    futureVersion: 'version {found} is newer than loket {pkg} understands (version {supported}); update loket',
    valid: 'valid ({kind} v{version})',
    problems: '{count} problem(s)',
    root: '(document)',
    written: 'wrote {file} ({kind}). Check it: loket validate {file} · see it: loket preview {file}',
    noComments: 'JSON has no comments (and loket formats refuse unknown keys): every key is explained in docs/ and in your editor through "$schema".',
    exists: '{file} already exists; use --force to overwrite it',
  },
};
const t = (lang, key, params = {}) => MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));

const HELP = {
  main: `loket ${PKG_VERSION} — tools for loket documents (service status, permit forms, requirement checklists)

Usage:
  loket validate <file…> [--kind K] [--lang id|en] [--json]   check documents, every problem with its path
  loket new status|form|checklist [file] [--force]            write a starter document
  loket preview <file> [--port N] [--lang id|en]              see a document in the real widget, live
  loket serve --forms ./forms [--data ./data] [--port N]      receive applications (SQLite, or PostgreSQL with DATABASE_URL)
  loket erase <tracking number>… [--data ./data]              delete one applicant's application (UU PDP)
  loket user add [--admin] <name> [--data ./data]             create a staff inbox account (/petugas/); password from LOKET_PASSWORD or typed
  loket <command> --help                                      more about one command
  loket --version`,
  validate: `Usage: loket validate <file…> [--kind status|form|checklist] [--lang id|en] [--json]

Checks each file with the same parser the widgets use and prints every problem
as "file: path: message" (Indonesian by default, --lang en for English).
The kind is read from "$schema", else from the document's keys (channels → status,
steps → form, groups → checklist), else from --kind. A --kind that contradicts
"$schema" is an error.

  --json   print an array of { file, kind, version, valid, problems: [{ path, message }], error? }

Exit status: 0 every file is valid, 1 some file is not (invalid, not JSON, unknown
kind, a newer version), 2 a file could not be read or the command was misused.`,
  new: `Usage: loket new status|form|checklist [file] [--force]

Writes a starter document that validates and previews as it is, with a "$schema"
line for editor completion. The file defaults to <kind>.json; an existing file is
kept unless --force.`,
  preview: `Usage: loket preview <file> [--port N] [--lang id|en]

Serves a page on 127.0.0.1 that renders the document with the real widget from
this package's dist/, and re-renders it each time the file is saved. The page has
an id/en switch and a phone-width (360 px) frame. A broken document shows the
error panel the widget shows in production. When the port (default 8080) is
taken, the next free one is used.`,
};

/** The receiver (dist/server), built from server/. */
async function receiver() {
  const entry = `${pkgRoot}dist/server/index.mjs`;
  if (!existsSync(entry)) throw new UserError(`${entry} is missing: build the package first (npm run build)`);
  return import(pathToFileURL(entry).href);
}

async function library() {
  const entry = `${pkgRoot}dist/esm/index.js`;
  if (!existsSync(entry)) throw new UserError(`${entry} is missing: build the package first (npm run build)`);
  const lib = await import(pathToFileURL(entry).href);
  // English is a separate module in the package (browsers on Indonesian pages never fetch it).
  await lib.loadLocale('en');
  return lib;
}

function parse(args, options, command) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(`${error.message.split('\n')[0]} (loket ${command} --help)`);
  }
}

function language(value) {
  if (value === undefined) return 'id';
  if (value !== 'id' && value !== 'en') throw new UserError(`--lang must be id or en, not "${value}"`);
  return value;
}

/**
 * Reads and parses one document file. Returns `{ json, text }`, or throws a
 * UserError whose message names the file (and the place, for bad JSON).
 */
function readDocument(lib, file, lang) {
  let text;
  try {
    if (!statSync(file).isFile()) throw new UserError(`${file}: ${t(lang, 'notAFile')}`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: ${error.code === 'ENOENT' ? t(lang, 'notFound') : error.message}`);
  }
  try {
    return { json: JSON.parse(text.replace(/^\uFEFF/, '')), text };
  } catch {
    // Our own located words (JSON.parse's are English and sometimes without a place).
    const reason = lib.describeJsonError(text, lang);
    throw new UserError(`${file}: ${reason ? t(lang, 'notJson', { reason }) : t(lang, 'notJsonPlain')}`, INVALID);
  }
}

/** The format of a parsed document: from --kind, `$schema` or its keys. Throws a one-line UserError. */
function formatOf(lib, json, file, kind, lang) {
  const kinds = lib.DOCUMENT_FORMATS.map((f) => f.short).join('|');
  const format = kind ? lib.findFormat(kind) : lib.detectFormat(json);
  if (!format) throw new UserError(`${file}: ${t(lang, 'unknownKind', { kinds })}`, INVALID);
  // --kind stands in for a missing "$schema"; it never silently overrules one.
  const declared = typeof json?.$schema === 'string' ? lib.detectFormat({ $schema: json.$schema }) : undefined;
  if (kind && declared && declared !== format) {
    throw new UserError(`${file}: ${t(lang, 'kindConflict', { schema: json.$schema, declared: declared.short, kind })}`, INVALID);
  }
  const found = json?.version;
  const newest = Math.max(...format.versions);
  if (typeof found === 'number' && found > newest) {
    throw new UserError(`${file}: ${t(lang, 'futureVersion', { found, pkg: PKG_VERSION, supported: format.versions.join(', ') })}`, INVALID);
  }
  return format;
}

async function validate(args) {
  const { values, positionals } = parse(args, { kind: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } }, 'validate');
  if (values.help) return console.log(HELP.validate), 0;
  const lang = language(values.lang);
  const lib = await library();
  if (values.kind && !lib.findFormat(values.kind)) {
    throw new UserError(`--kind must be one of ${lib.DOCUMENT_FORMATS.map((f) => f.short).join(', ')}, not "${values.kind}"`);
  }
  if (positionals.length === 0) throw new UserError('name at least one file (loket validate --help)');

  // A region field's "within" must name a region that exists: the built region data says which.
  let regions;
  const regionData = () => (regions ??= openRegionData(lib));
  const results = [];
  for (const file of positionals) {
    try {
      const { json } = readDocument(lib, file, lang);
      const format = formatOf(lib, json, file, values.kind, lang);
      const result = format.short === 'form' ? lib.parseForm(json, lang, { regions: regionData() }) : format.parse(json, lang);
      // A form whose files add up to more than the receiver accepts could never be sent whole.
      const warnings = [];
      if (result.ok && format.kind === 'permit-form') {
        const server = await receiver();
        const problem = server.capacityProblem(server.formCapacity(result.value), server.DEFAULTS, lang);
        if (problem) warnings.push({ path: 'steps', message: problem });
      }
      results.push({ file, kind: format.kind, version: json.version, valid: result.ok, problems: result.ok ? [] : result.problems, ...(warnings.length ? { warnings } : {}) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      results.push({ file, valid: false, problems: [], error: error.message.slice(file.length + 2), status: error.status });
    }
  }

  if (values.json) {
    console.log(JSON.stringify(results.map(({ status, ...r }) => r), null, 2));
  } else {
    for (const r of results) {
      if (r.error) console.error(`${r.file}: ${r.error}`);
      else if (r.valid) console.log(`${r.file}: ${t(lang, 'valid', { kind: r.kind, version: r.version })}`);
      else for (const p of r.problems) console.log(`${r.file}: ${p.path || t(lang, 'root')}: ${p.message}`);
    }
  }
  if (!values.json) for (const r of results) for (const w of r.warnings ?? []) console.log(`${r.file}: ${lang === 'en' ? 'warning' : 'peringatan'}: ${w.message}`);
  if (results.some((r) => r.status === USAGE)) return USAGE;
  return results.every((r) => r.valid) ? 0 : INVALID;
}

async function create(args) {
  const { values, positionals } = parse(args, { force: { type: 'boolean' }, lang: { type: 'string' } }, 'new');
  if (values.help) return console.log(HELP.new), 0;
  const lang = language(values.lang ?? (process.env.LANG?.startsWith('en') ? 'en' : undefined));
  const lib = await library();
  const [kind, target, ...rest] = positionals;
  const kinds = lib.DOCUMENT_FORMATS.map((f) => f.short).join('|');
  if (!kind) throw new UserError(`which kind? loket new ${kinds} [file]`);
  if (rest.length) throw new UserError('one file at a time (loket new --help)');
  const format = lib.findFormat(kind);
  if (!format) throw new UserError(`unknown kind "${kind}"; one of ${kinds}`);
  const file = resolve(target ?? `${format.short}.json`);
  const shown = target ?? `${format.short}.json`;
  if (existsSync(file) && !values.force) throw new UserError(t(lang, 'exists', { file: shown }));
  const starter = JSON.parse(readFileSync(`${pkgRoot}bin/starters/${format.kind}.json`, 'utf8'));
  // "$schema" relative to the new file, so an editor finds the schema in this package.
  let schema = relative(dirname(file), `${pkgRoot}dist/schemas/${lib.schemaFileName(format)}`).split(sep).join('/');
  if (!schema.startsWith('.')) schema = `./${schema}`;
  try {
    writeFileSync(file, `${JSON.stringify({ $schema: schema, ...starter }, null, 2)}\n`, { flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    throw new UserError(`${shown}: ${error.code === 'ENOENT' ? t(lang, 'notFound') : error.message}`);
  }
  console.log(t(lang, 'written', { file: shown, kind: format.kind }));
  console.log(t(lang, 'noComments'));
  return 0;
}

async function preview(args) {
  const { values, positionals } = parse(args, { port: { type: 'string' }, lang: { type: 'string' }, kind: { type: 'string' } }, 'preview');
  if (values.help) return console.log(HELP.preview), 0;
  const lang = language(values.lang);
  if (positionals.length !== 1) throw new UserError('name one file (loket preview --help)');
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a number from 0 (any free port) to 65535, not "${values.port}"`);
  const lib = await library();
  const file = positionals[0];
  // The kind is fixed at start; the content may be broken while it is edited.
  const { json } = readDocument(lib, file, lang);
  const format = formatOf(lib, json, file, values.kind, lang);
  const { startPreview } = await import('./preview/server.mjs');
  await startPreview({ file: resolve(file), format, port, lang, pkgRoot }).catch((error) => {
    throw error.user ? new UserError(error.message) : error;
  });
  return undefined; // keeps running until Ctrl-C
}

/**
 * Runs one of the receiver's commands (server/main.ts, server/inbox/cli.ts; built into dist/server):
 * a bad option, a busy port or an unreachable database is the user's to fix,
 * said in one line; anything else is a bug and keeps its stack.
 */
async function receiverCommand(name, args) {
  const server = await receiver();
  try {
    return await server[name](args, process.env, language(process.env.LANG?.startsWith('en') ? 'en' : undefined));
  } catch (error) {
    throw error.name === 'ConfigError' || error.code === 'EADDRINUSE' || error.code === 'ECONNREFUSED' ? new UserError(error.message) : error;
  }
}

/** `loket serve`: the receiver; options in `loket serve --help` (server/config.ts). */
const serve = (args) => receiverCommand('serve', args);
/** `loket erase <tracking number>…`: deletes applications entirely. */
const erase = (args) => receiverCommand('erase', args);
/** `loket user add [--admin] <name>`: a staff inbox account (the first admin; admins make the rest in /petugas/). */
const user = (args) => receiverCommand('user', args);

const COMMANDS = { validate, new: create, preview, serve, erase, user };

async function main(argv) {
  const [command, ...args] = argv;
  if (command === '--version' || command === '-v') return console.log(PKG_VERSION), 0;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    const topic = args[0] && HELP[args[0]];
    console.log(topic ?? HELP.main);
    return command ? 0 : USAGE;
  }
  const run = COMMANDS[command];
  if (!run) throw new UserError(`unknown command "${command}"; the commands are validate, new, preview, serve, erase, user (loket --help)`);
  return run(args);
}

try {
  const status = await main(process.argv.slice(2));
  if (status !== undefined) process.exitCode = status;
} catch (error) {
  if (error instanceof UserError) {
    console.error(`loket: ${error.message}`);
    process.exitCode = error.status;
  } else {
    // A bug in loket, not the user's mistake: keep the stack for the report.
    console.error(error);
    process.exitCode = 70;
  }
}
