// `loket user add [--admin] <name> [--display-name "Budi Santoso"] [--forms pbg,sipi]`
// with the password from LOKET_PASSWORD, or typed at a hidden prompt, or one
// line on stdin (`echo … | loket user add …`). Never from a flag: flags end
// up in the shell history and in `ps`.
import { ConfigError, parseConfig, splitArgs, sqliteFileOf } from '../config.js';
import { openMigrated } from '../db/migrate.js';
import { DEFAULT_COST } from './password.js';
import { addAccount } from './users.js';

type Env = Readonly<Record<string, string | undefined>>;

const HELP = {
  id: `Pemakaian: loket user add [--admin] <nama-akun> [--display-name "Nama Lengkap"] [--forms pbg,sipi] [--data ./data | --database-url URL]

Membuat akun kotak masuk petugas (/petugas/). Akun pertama dibuat dengan --admin;
admin lalu membuat akun lain di halaman "Akun petugas".
Kata sandi (minimal 10 karakter) dibaca dari LOKET_PASSWORD, atau diketik (tidak
tampil), atau satu baris dari stdin. Tidak pernah dari opsi baris perintah.`,
  en: `Usage: loket user add [--admin] <account-name> [--display-name "Full Name"] [--forms pbg,sipi] [--data ./data | --database-url URL]

Creates a staff inbox account (/petugas/). Create the first one with --admin;
admins then create the others on the "Akun petugas" page.
The password (at least 10 characters) is read from LOKET_PASSWORD, or typed (hidden),
or one line from stdin. Never from a command-line option.`,
};

/** Reads a password: typed without echo on a terminal, else the first line of stdin. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) {
      text += chunk;
      if (text.includes('\n')) break;
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stdout.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve) => {
    let typed = '';
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    input.on('data', onData);
  });
}

/** `loket user …`: resolves to an exit code. */
export async function user(args: readonly string[], env: Env = process.env, locale: 'id' | 'en' = 'id'): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || (command === 'add' && (rest.includes('--help') || rest.includes('-h')))) {
    console.log(HELP[locale]);
    return 0;
  }
  if (command !== 'add') throw new ConfigError(locale === 'en' ? `unknown subcommand "${command}" (loket user --help)` : `subperintah tidak dikenal: "${command}" (loket user --help)`);
  if (rest.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    throw new ConfigError(locale === 'en' ? 'no --password: set LOKET_PASSWORD or type it at the prompt' : 'tidak ada --password: isi LOKET_PASSWORD atau ketik saat diminta');
  }
  // Here --forms is the account's forms (pbg,sipi), not the receiver's forms folder.
  const split = splitArgs(rest, { admin: 'boolean', 'display-name': 'string', forms: 'string' }, 'loket user add');
  const admin = split.own.admin === true;
  const displayName = typeof split.own['display-name'] === 'string' ? split.own['display-name'] : undefined;
  const forms = typeof split.own.forms === 'string' ? split.own.forms.split(',').map((f) => f.trim()).filter(Boolean) : null;
  const [name, extra] = split.positionals;
  if (extra !== undefined) throw new ConfigError(locale === 'en' ? `unexpected "${extra}"` : `tidak dikenal: "${extra}"`);
  if (!name) throw new ConfigError(locale === 'en' ? 'name the account: loket user add [--admin] <name>' : 'sebutkan nama akun: loket user add [--admin] <nama>');
  if (admin && forms !== null) throw new ConfigError(locale === 'en' ? '--forms is for staff accounts: an admin sees every form' : '--forms hanya untuk akun petugas: admin melihat semua formulir');
  const { config } = parseConfig(split.config, env);
  const password = env.LOKET_PASSWORD ?? (await readPassword(locale === 'en' ? `Password for ${name}: ` : `Kata sandi untuk ${name}: `));
  const { db } = await openMigrated({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileOf(config) });
  try {
    const result = await addAccount(db, { name, displayName, password, role: admin ? 'admin' : 'staff', forms }, new Date(), { ...DEFAULT_COST, logN: config.passwordCost });
    if (!result.ok) {
      console.error(`loket user: ${result.message}`);
      return 1;
    }
    console.log(locale === 'en' ? `created ${admin ? 'admin' : 'staff'} account "${name.toLowerCase()}" · log in at /petugas/` : `akun ${admin ? 'admin' : 'petugas'} "${name.toLowerCase()}" dibuat · masuk di /petugas/`);
    return 0;
  } finally {
    await db.close();
  }
}
