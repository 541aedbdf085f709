// Browser tests: web-test-runner + @open-wc/testing in Debian's Chromium.
// CHROME_PATH overrides the browser; as root Chromium needs --no-sandbox.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { shapeModules } from './scripts/shapes.mjs';
import { receiverMiddleware } from './test/server/receiver-middleware.mjs';
import { testApi } from './test/server/test-api.mjs';

let shapes;
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: process.env.LOKET_TEST_FILES ? process.env.LOKET_TEST_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // One test file at a time: files share one origin, so their IndexedDB and
  // localStorage would otherwise meet (a test deleting the database while
  // another file's form holds it open).
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [testApi, receiverMiddleware],
  plugins: [
    // `loket:shapes/<format>`, generated from the zod definitions as the build does.
    {
      name: 'loket-shapes',
      resolveImport: ({ source }) => (source.startsWith('loket:shapes/') ? `/__loket-shapes/${source.slice(13)}.js` : undefined),
      serve: async (context) => {
        const name = /^\/__loket-shapes\/(\w+)\.js$/.exec(context.path)?.[1];
        return name ? { body: (await (shapes ??= shapeModules('/src/fast/rules/')))[`loket:shapes/${name}`], type: 'js' } : undefined;
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test files run in parallel tabs; keep background tabs' timers honest.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
