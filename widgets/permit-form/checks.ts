// What a Continue needs and the first screen does not, fetched as one chunk
// when the citizen starts answering (permit-form.ts loadChecks): the checks
// of the answers and their messages, and the code that shows them.
export { createValidator } from '../../src/form/validate.js';
export { showMessages, summaryLinks } from './error-dom.js';
