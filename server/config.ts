// The receiver's one configuration object: every setting has a name, a
// default, a flag and (for secrets and deployment) an environment variable.
// `loket serve --help` prints this table.
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface Config {
  /** TCP port (0: any free port). */
  readonly port: number;
  /** The address to listen on; 127.0.0.1 unless a proxy on another machine forwards to it. */
  readonly host: string;
  /** The folder of form documents, `<id>.json`. */
  readonly formsDir: string;
  /** The folder for the SQLite file (when no database URL is given). */
  readonly dataDir: string;
  /** PostgreSQL URL; SQLite in `dataDir` when absent. */
  readonly databaseUrl: string | undefined;
  /** Origins of pages on other sites allowed to submit (CORS), e.g. https://dpmptsp.example.go.id. */
  readonly origins: readonly string[];
  /** Host names this receiver answers to besides 127.0.0.1/localhost and the origins' hosts (behind a proxy). */
  readonly allowedHosts: readonly string[];
  /**
   * Addresses of the reverse proxies in front of the receiver (nginx, Apache), as IPs, CIDR
   * ranges or loopback/linklocal/uniquelocal. Only a request from one of these may say, in
   * X-Forwarded-For and X-Forwarded-Proto, who the client is and whether it used HTTPS (rate
   * limits, the inbox's Secure cookie). Empty (the default): those headers are ignored.
   */
  readonly trustProxy: readonly string[];
  /** Bearer token for the listing, export, files and erasure; those are off without it. */
  readonly token: string | undefined;
  /** The office's time zone: the year in tracking numbers. */
  readonly timeZone: string;
  /** Days after an application is closed before its answers and files are erased; 0 keeps them. */
  readonly retentionDays: number;
  /** The largest request body in bytes; a form may not declare more files than this. */
  readonly maxRequestBytes: number;
  /** The largest JSON payload (the answers) in bytes. */
  readonly maxJsonBytes: number;
  /** Time to send the request headers, ms. */
  readonly headersTimeoutMs: number;
  /** Time to send a whole request, ms (a 100 MB upload at 3 Mbit/s needs ~270 s). */
  readonly requestTimeoutMs: number;
  /** A connection with no traffic for this long is closed, ms. */
  readonly idleTimeoutMs: number;
  /** How long an idle keep-alive connection stays open, ms. */
  readonly keepAliveTimeoutMs: number;
  /** Key for deriving tracking secrets; kept in the database when not given. */
  readonly secretKey: string | undefined;
  /** The staff inbox's password hash cost: log2 of scrypt's N (17: 128 MiB per login, OWASP's minimum). */
  readonly passwordCost: number;
  /** The window of the status lookup's rate limit, seconds. */
  readonly statusWindowSeconds: number;
  /** Failed status lookups one client address may make per window (a shared mobile-carrier address counts as one client). */
  readonly statusFailuresPerIp: number;
  /** Failed status lookups for one tracking number per window, from anywhere. */
  readonly statusFailuresPerNumber: number;
}

export const DEFAULTS: Config = {
  port: 8090,
  host: '127.0.0.1',
  formsDir: './forms',
  dataDir: './data',
  databaseUrl: undefined,
  origins: [],
  allowedHosts: [],
  trustProxy: [],
  token: undefined,
  timeZone: 'Asia/Jakarta',
  retentionDays: 0,
  maxRequestBytes: 100 * 1024 * 1024,
  maxJsonBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 300_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  secretKey: undefined,
  passwordCost: 17,
  statusWindowSeconds: 900,
  statusFailuresPerIp: 30,
  statusFailuresPerNumber: 10,
};

type Kind = 'string' | 'number' | 'list';
interface Option {
  readonly key: keyof Config;
  readonly flag: string;
  readonly env?: string;
  readonly kind: Kind;
  readonly id: string;
  readonly en: string;
}

/** Every setting, in the order `--help` lists them. */
export const OPTIONS: readonly Option[] = [
  { key: 'formsDir', flag: '--forms', env: 'LOKET_FORMS', kind: 'string', id: 'folder dokumen formulir (<id>.json)', en: 'folder of form documents (<id>.json)' },
  { key: 'dataDir', flag: '--data', env: 'LOKET_DATA', kind: 'string', id: 'folder berkas SQLite (loket.sqlite)', en: 'folder of the SQLite file (loket.sqlite)' },
  { key: 'databaseUrl', flag: '--database-url', env: 'DATABASE_URL', kind: 'string', id: 'URL PostgreSQL; tanpa ini SQLite', en: 'PostgreSQL URL; SQLite without it' },
  { key: 'port', flag: '--port', env: 'PORT', kind: 'number', id: 'port TCP', en: 'TCP port' },
  { key: 'host', flag: '--host', env: 'LOKET_HOST', kind: 'string', id: 'alamat yang didengarkan', en: 'address to listen on' },
  { key: 'origins', flag: '--origin', env: 'LOKET_ORIGINS', kind: 'list', id: 'asal halaman situs lain yang boleh mengirim (CORS), boleh berulang', en: 'origin of pages on other sites allowed to submit (CORS), repeatable' },
  { key: 'allowedHosts', flag: '--allowed-host', env: 'LOKET_ALLOWED_HOSTS', kind: 'list', id: 'nama host yang dilayani selain 127.0.0.1/localhost (di belakang proxy), boleh berulang', en: 'host names served besides 127.0.0.1/localhost (behind a proxy), repeatable' },
  {
    key: 'trustProxy',
    flag: '--trust-proxy',
    env: 'LOKET_TRUST_PROXY',
    kind: 'list',
    id: 'alamat proxy di depan penerima (mis. 127.0.0.1 untuk nginx di mesin yang sama); hanya darinya X-Forwarded-For/-Proto dipercaya, boleh berulang',
    en: 'address of the proxy in front of the receiver (e.g. 127.0.0.1 for nginx on the same machine); only from it are X-Forwarded-For/-Proto believed, repeatable',
  },
  { key: 'token', flag: '--token', env: 'LOKET_RECEIVER_TOKEN', kind: 'string', id: 'token Bearer untuk daftar, ekspor, berkas dan penghapusan (mati tanpa token)', en: 'bearer token for listing, export, files and erasure (off without one)' },
  { key: 'timeZone', flag: '--time-zone', env: 'LOKET_TIME_ZONE', kind: 'string', id: 'zona waktu kantor (tahun nomor registrasi)', en: "the office's time zone (tracking-number year)" },
  { key: 'retentionDays', flag: '--retention-days', env: 'LOKET_RETENTION_DAYS', kind: 'number', id: 'hapus isian dan berkas N hari setelah permohonan selesai; 0 = simpan', en: 'erase answers and files N days after an application is closed; 0 = keep' },
  { key: 'maxRequestBytes', flag: '--max-request-bytes', env: 'LOKET_MAX_REQUEST_BYTES', kind: 'number', id: 'ukuran permintaan terbesar (byte)', en: 'largest request (bytes)' },
  { key: 'maxJsonBytes', flag: '--max-json-bytes', env: 'LOKET_MAX_JSON_BYTES', kind: 'number', id: 'ukuran isian JSON terbesar (byte)', en: 'largest JSON payload (bytes)' },
  { key: 'headersTimeoutMs', flag: '--headers-timeout', env: 'LOKET_HEADERS_TIMEOUT_MS', kind: 'number', id: 'batas waktu header permintaan (ms)', en: 'time limit for request headers (ms)' },
  { key: 'requestTimeoutMs', flag: '--request-timeout', env: 'LOKET_REQUEST_TIMEOUT_MS', kind: 'number', id: 'batas waktu seluruh permintaan (ms)', en: 'time limit for a whole request (ms)' },
  { key: 'idleTimeoutMs', flag: '--idle-timeout', env: 'LOKET_IDLE_TIMEOUT_MS', kind: 'number', id: 'koneksi tanpa lalu lintas ditutup setelah (ms)', en: 'a connection without traffic is closed after (ms)' },
  { key: 'keepAliveTimeoutMs', flag: '--keep-alive-timeout', env: 'LOKET_KEEP_ALIVE_TIMEOUT_MS', kind: 'number', id: 'koneksi keep-alive menganggur ditutup setelah (ms)', en: 'an idle keep-alive connection is closed after (ms)' },
  { key: 'statusWindowSeconds', flag: '--status-window', env: 'LOKET_STATUS_WINDOW', kind: 'number', id: 'jendela batas percobaan lacak permohonan (detik)', en: 'window of the status-lookup rate limit (seconds)' },
  { key: 'statusFailuresPerIp', flag: '--status-failures-per-ip', env: 'LOKET_STATUS_FAILURES_PER_IP', kind: 'number', id: 'percobaan lacak yang gagal per alamat klien per jendela', en: 'failed status lookups per client address per window' },
  { key: 'statusFailuresPerNumber', flag: '--status-failures-per-number', env: 'LOKET_STATUS_FAILURES_PER_NUMBER', kind: 'number', id: 'percobaan lacak yang gagal per nomor registrasi per jendela', en: 'failed status lookups per tracking number per window' },
  { key: 'secretKey', flag: '--secret-key', env: 'LOKET_SECRET_KEY', kind: 'string', id: 'kunci rahasia kode pelacakan (disimpan di basis data bila kosong)', en: 'key for tracking secrets (kept in the database when empty)' },
  { key: 'passwordCost', flag: '--password-cost', env: 'LOKET_PASSWORD_COST', kind: 'number', id: 'biaya hash kata sandi petugas: log2 N scrypt, 14–20 (17 = 128 MiB per masuk)', en: 'cost of staff password hashes: log2 of scrypt N, 14–20 (17 = 128 MiB per login)' },
];

/** A mistake in the command line or the environment, said plainly. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
};

/** An IP address, a CIDR range, or one of proxy-addr's names for ranges. */
function isProxyAddress(value: string): boolean {
  if (value === 'loopback' || value === 'linklocal' || value === 'uniquelocal') return true;
  const [address = '', bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/** Checks a whole configuration; throws a ConfigError naming the setting. */
export function checkConfig(config: Config): Config {
  const flagOf = (key: keyof Config) => OPTIONS.find((o) => o.key === key)!.flag;
  for (const option of OPTIONS) {
    const value = config[option.key];
    if (option.kind === 'number' && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)) throw new ConfigError(`${option.flag} must be a whole number ≥ 0, not ${String(value)}`);
  }
  if (config.port > 65535) throw new ConfigError(`${flagOf('port')} must be 0–65535`);
  for (const origin of config.origins) if (!isOrigin(origin)) throw new ConfigError(`${flagOf('origins')} "${origin}" is not an origin like https://dpmptsp.example.go.id (scheme and host, no path)`);
  for (const proxy of config.trustProxy) {
    if (!isProxyAddress(proxy)) throw new ConfigError(`${flagOf('trustProxy')} "${proxy}" is not an address like 127.0.0.1, 10.0.0.0/8 or ::1 (or loopback, linklocal, uniquelocal)`);
  }
  for (const host of config.allowedHosts) if (!/^[a-z0-9.-]+(?::\d+)?$/i.test(host)) throw new ConfigError(`${flagOf('allowedHosts')} "${host}" is not a host name`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
  } catch {
    throw new ConfigError(`${flagOf('timeZone')} "${config.timeZone}" is not a time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)`);
  }
  if (config.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) throw new ConfigError(`${flagOf('databaseUrl')} must start with postgres:// or postgresql://`);
  if (config.token !== undefined && config.token.length < 16) throw new ConfigError(`${flagOf('token')} must be at least 16 characters`);
  if (config.passwordCost < 14 || config.passwordCost > 20) throw new ConfigError(`${flagOf('passwordCost')} must be 14–20 (log2 of scrypt's N; 17 is OWASP's minimum)`);
  if (config.statusWindowSeconds < 1) throw new ConfigError(`${flagOf('statusWindowSeconds')} must be at least 1`);
  if (config.maxJsonBytes < 1024) throw new ConfigError(`${flagOf('maxJsonBytes')} must be at least 1024`);
  return config;
}

function convert(option: Option, raw: string): string | number | string[] {
  if (option.kind === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isSafeInteger(n) || n < 0) throw new ConfigError(`${option.flag} must be a whole number ≥ 0, not "${raw}"`);
    return n;
  }
  if (option.kind === 'list') return raw.split(/[\s,]+/).filter(Boolean);
  return raw;
}

/**
 * The configuration from defaults, then the environment, then the command
 * line (the last wins; list flags add up). `--help` is reported as `help`.
 */
export function parseConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): { config: Config; help: boolean } {
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const option of OPTIONS) {
    const raw = option.env ? env[option.env] : undefined;
    if (raw !== undefined && raw !== '') out[option.key] = convert(option, raw);
  }
  const fromFlags = new Set<string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const option = OPTIONS.find((o) => o.flag === flag);
    if (!option) throw new ConfigError(`unknown option ${flag} (loket serve --help lists them)`);
    const raw = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    // `--data --token x`: the next flag is not --data's value.
    if (raw === undefined || (eq < 0 && raw.startsWith('--'))) throw new ConfigError(`${flag} needs a value`);
    const value = convert(option, raw);
    if (option.kind === 'list') {
      // The command line replaces the environment's list, and repeated flags add up.
      out[option.key] = [...(fromFlags.has(option.key) ? (out[option.key] as string[]) : []), ...(value as string[])];
      fromFlags.add(option.key);
    } else out[option.key] = value;
  }
  return { config: checkConfig(out as unknown as Config), help };
}

/** What splitArgs found: the command's own flags, the receiver's flags (for parseConfig), the rest. */
export interface SplitArgs {
  readonly own: Record<string, string | true>;
  readonly config: string[];
  readonly positionals: string[];
  readonly help: boolean;
}

/**
 * Splits a command line (`loket erase`, `loket user add`) into the command's
 * own flags (`own`: name → 'boolean' or 'string'), the receiver's options of
 * OPTIONS with their values, and positional arguments, in any order: flags may
 * come after positionals (`loket erase PBG-2026-000001 --data /var/lib/loket`).
 * `--` ends the flags. An unknown flag or a missing value is a ConfigError.
 */
export function splitArgs(argv: readonly string[], own: Readonly<Record<string, 'boolean' | 'string'>> = {}, command = 'loket'): SplitArgs {
  const out: SplitArgs = { own: {}, config: [], positionals: [], help: false };
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const kind = own[flag.replace(/^--/, '')];
    const option = kind ? undefined : OPTIONS.find((o) => o.flag === flag);
    if (!kind && !option) throw new ConfigError(`unknown option ${flag} (${command} --help)`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new ConfigError(`${flag} takes no value`);
      out.own[flag.replace(/^--/, '')] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new ConfigError(`${flag} needs a value`);
    if (kind) out.own[flag.replace(/^--/, '')] = value;
    else out.config.push(`${flag}=${value}`);
  }
  return { ...out, help };
}

/** The SQLite file inside the data folder. */
export const sqliteFileOf = (config: Pick<Config, 'dataDir'>) => resolve(config.dataDir, 'loket.sqlite');

/** `loket serve --help`, Indonesian first. */
export function helpText(locale: 'id' | 'en' = 'id'): string {
  const en = locale === 'en';
  const lines = [
    en ? 'Usage: loket serve --forms ./forms [--data ./data] [options]' : 'Pemakaian: loket serve --forms ./forms [--data ./data] [opsi]',
    '',
    en
      ? 'Receives applications from loket forms and stores them in SQLite (one file in the data folder)\nor PostgreSQL (DATABASE_URL). Every option can also be set with its environment variable.'
      : 'Menerima permohonan dari formulir loket dan menyimpannya di SQLite (satu berkas di folder data)\natau PostgreSQL (DATABASE_URL). Setiap opsi juga dapat diisi lewat variabel lingkungannya.',
    '',
  ];
  const width = Math.max(...OPTIONS.map((o) => `${o.flag} ${o.kind === 'number' ? 'N' : 'X'}`.length));
  for (const o of OPTIONS) {
    const shown = DEFAULTS[o.key];
    const def = shown === undefined || (Array.isArray(shown) && shown.length === 0) ? '' : ` (${en ? 'default' : 'bawaan'} ${String(shown)})`;
    lines.push(`  ${`${o.flag} ${o.kind === 'number' ? 'N' : 'X'}`.padEnd(width)}  ${en ? o.en : o.id}${def}${o.env ? ` [${o.env}]` : ''}`);
  }
  lines.push('', en ? 'Docs: docs/penerima.md' : 'Panduan: docs/penerima.md');
  return lines.join('\n');
}
