// Small helpers for the project's scripts: run a command, failing loudly.
import { spawnSync } from 'node:child_process';

/** Runs a command with inherited output; exits the process with its status when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/** Runs a binary from node_modules/.bin. */
export function bin(name, args, options) {
  run(process.execPath, [new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname, ...args], options);
}
