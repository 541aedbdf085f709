/** The package version, replaced at build time; `dev` in tests. */
export const VERSION: string = typeof __LOKET_VERSION__ === 'string' ? __LOKET_VERSION__ : 'dev';

declare const __LOKET_VERSION__: string | undefined;
