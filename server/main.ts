// `loket serve` and `loket erase`, as bin/loket.mjs calls them.
import { readFileSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, helpText, parseConfig, splitArgs, sqliteFileOf, type Config } from './config.js';
import { deleteSubmission } from './data/submissions.js';
import { openMigrated } from './db/migrate.js';
import type { FaultRule } from './faults.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Takes `--faults <json|file>` out of argv; refused unless LOKET_TEST_FAULTS=1 (test use only). */
function takeFaults(argv: readonly string[], env: Env): { argv: string[]; faults: FaultRule[] } {
  const rest: string[] = [];
  let faults: FaultRule[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg !== '--faults' && !arg.startsWith('--faults=')) {
      rest.push(arg);
      continue;
    }
    if (env.LOKET_TEST_FAULTS !== '1') throw new ConfigError('--faults is for tests only (set LOKET_TEST_FAULTS=1)');
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
    if (value === undefined) throw new ConfigError('--faults needs a value');
    faults = JSON.parse(value.trim().startsWith('[') ? value : readFileSync(value, 'utf8'));
  }
  return { argv: rest, faults };
}

/** Where the data is, for people. */
const whereOf = (config: Config) => (config.databaseUrl ? 'PostgreSQL' : sqliteFileOf(config));

/** `loket serve`: runs until SIGINT/SIGTERM. Resolves to an exit code once stopped (or at once on --help / a mistake). */
export async function serve(args: readonly string[], env: Env = process.env, locale: 'id' | 'en' = 'id'): Promise<number> {
  const { argv, faults } = takeFaults(args, env);
  const { config, help } = parseConfig(argv, env);
  if (help) {
    console.log(helpText(locale));
    return 0;
  }
  const app = await createApp(config, { faults });
  const url = await app.listen({ port: config.port, host: config.host });
  console.log(`loket receiver: ${url}/api/forms/<form>/submissions`);
  console.log(`  ${locale === 'en' ? 'forms' : 'formulir'}: ${config.formsDir} · ${locale === 'en' ? 'data' : 'data'}: ${config.databaseUrl ? app.loket.db.where : whereOf(config)}`);
  if (!config.token) console.log(locale === 'en' ? '  listing and export are off (set LOKET_RECEIVER_TOKEN)' : '  daftar dan ekspor mati (isi LOKET_RECEIVER_TOKEN)');
  return new Promise((done) => {
    const stop = () => {
      app.close().then(() => done(0), () => done(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `loket erase <tracking number>…`: deletes applications entirely (a request under UU PDP). */
export async function erase(args: readonly string[], env: Env = process.env, locale: 'id' | 'en' = 'id'): Promise<number> {
  const split = splitArgs(args, {}, 'loket erase');
  const numbers = split.positionals;
  const { config } = parseConfig(split.config, env);
  const help = split.help;
  if (help || numbers.length === 0) {
    console.log(locale === 'en' ? 'Usage: loket erase <tracking number>… [--data ./data | --database-url URL]\nDeletes the application, its answers, files and history.' : 'Pemakaian: loket erase <nomor registrasi>… [--data ./data | --database-url URL]\nMenghapus permohonan beserta isian, berkas dan riwayatnya.');
    return help ? 0 : 1;
  }
  const { db } = await openMigrated({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileOf(config) });
  try {
    let missing = 0;
    for (const n of numbers) {
      const deleted = await deleteSubmission(db, n);
      if (!deleted) missing++;
      console.log(deleted ? (locale === 'en' ? `deleted ${n}` : `${n} dihapus`) : locale === 'en' ? `no application ${n}` : `tidak ada permohonan ${n}`);
    }
    return missing ? 1 : 0;
  } finally {
    await db.close();
  }
}
