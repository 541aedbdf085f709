// What a Continue needs and the first screen does not, fetched as one chunk
// right after the first step is on screen (permit-form.ts loadChecks): the
// checks that need the whole document (names, references, cycles, limits,
// patterns; src/form/fast.ts says why they come after first paint), the
// checks of the answers and their messages, the code that shows them, and
// what a press of Lanjut or Kirim does with them (steps.ts).
export { checkForm } from '../../src/form/check.js';
export { laterMsg } from '../../src/form/later-messages.js';
export { createValidator } from '../../src/form/validate.js';
export { checkStyles } from './checks.styles.js';
export { showMessages, summaryLinks } from './error-dom.js';
export { continueStep, renderSummary, reviewWarnings, showErrors, showServerErrors, submit } from './steps.js';
