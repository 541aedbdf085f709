// The databases the receiver tests run against: SQLite always, and a real
// PostgreSQL when its server binaries are installed (Debian: apt-get install
// postgresql). The cluster is a throwaway one in a temporary folder, on
// 127.0.0.1 and a free port, stopped when the test process exits. In CI a
// missing PostgreSQL is a failure, not a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin folder, or undefined. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

/** 'sqlite', plus 'postgres' when it can run here. */
export function databaseKinds() {
  if (postgresBin()) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql); the receiver suite must run against it in CI');
  return ['sqlite'];
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let cluster;

/** Starts (once per process) a throwaway PostgreSQL cluster; returns `{ port, createDatabase() → url }`. */
export async function postgres() {
  if (cluster) return cluster;
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'loket-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  const root = process.getuid?.() === 0;
  const as = (command, args) => {
    if (!root) return execFileSync(command, args, { stdio: 'pipe' });
    const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe' });
  };
  if (root) {
    chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres', dir]);
  }
  as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  // fsync off: these tests kill the receiver, never PostgreSQL, and must stay fast on a busy machine.
  as(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`, 'start']);
  const stop = () => {
    spawnSync(root ? 'su' : join(bin, 'pg_ctl'), root ? ['postgres', '-s', '/bin/sh', '-c', `'${join(bin, 'pg_ctl')}' -D '${data}' -m immediate stop`] : ['-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  // A test runner stops a stuck file with SIGTERM: the cluster goes too.
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => (stop(), process.exit(1)));
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let n = 0;
  const pg = (await import('pg')).default;
  cluster = {
    port,
    /** A new empty database's URL. */
    async createDatabase() {
      const name = `loket_${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
  return cluster;
}
