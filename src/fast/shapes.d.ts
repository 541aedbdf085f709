// The modules scripts/shapes.mjs generates from the zod definitions, served by
// the build (rollup.config.mjs) and the test server (web-test-runner.config.mjs).
declare module 'loket:shapes/*' {
  import type { Shape } from './accept.js';
  export const shape: Shape;
}
