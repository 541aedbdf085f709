// The receiver's public entry: what bin/loket.mjs, npm start and the tests use.
export { createApp, MIGRATIONS, type AppOptions, type Loket } from './app.js';
export { DEFAULTS, OPTIONS, ConfigError, checkConfig, helpText, parseConfig, sqliteFileOf, type Config } from './config.js';
export { openDatabase, type Database, type Queryable } from './db/database.js';
export { migrate, readMigrations } from './db/migrate.js';
export { countSubmissions, deleteSubmission, eraseClosedBefore, listSubmissions } from './data/submissions.js';
export { FAULT_ACTIONS, type FaultRule } from './faults.js';
export { capacityProblem, formCapacity, formRequestBytes } from './limits.js';
export { runRetention } from './plugins/retention.js';
export { serve, erase } from './main.js';
export { addAccount, countAccounts, type AccountInput } from './inbox/users.js';
export { demoAccount, type DemoLogin } from './inbox/demo.js';
export { user } from './inbox/cli.js';
