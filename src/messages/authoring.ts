// Every message a document's author reads: problems in the shape of a
// document and in how its parts relate. The widgets import this module only
// when a document fails (see LoketElement), Node and the CLI import it through
// src/index.ts, so a citizen's phone never downloads it on the happy path.
import '../checklist/document-messages.js';
import '../form/document-messages.js';
import '../tracking/document-messages.js';
import './schema.js';
export { describeJsonError } from '../json-error.js';
