// The public API for npm consumers: everything a webmaster or developer
// touches is typed here. Everything not exported is internal.
export { LOCALES, Text, text, type Locale } from './text.js';
export { msg, type MessageKey } from './i18n.js';
export {
  LoketErrorEvent,
  LoketReadyEvent,
  LoketStepEvent,
  LoketSubmitEvent,
  type LoketErrorDetail,
  type LoketStepDetail,
  type LoketSubmitDetail,
} from './events.js';
export { LOAD_FAILURES, type LoadFailure } from './load.js';
export { formatPath, type ParseResult, type Problem } from './problems.js';
export { normalizePhone, telHref, whatsAppHref } from './phone.js';
export { ALLOWED_SCHEMES, isAllowedUrl } from './url.js';
export { VERSION } from './version.js';
export {
  CHANNEL_KINDS,
  CHANNEL_STATES,
  CONTACT_KINDS,
  NOTICE_LEVELS,
  STATUS_VERSIONS,
  StatusDocument,
  parseStatus,
  type Channel,
  type ChannelKind,
  type ChannelState,
  type Closure,
  type Contact,
  type Notice,
  type NoticeLevel,
} from './status/format.js';
export { evaluateStatus, type StatusNow } from './status/evaluate.js';
export { Condition, evaluateCondition, referencedFields } from './condition.js';
export { IDENTIFIER_KINDS, PROVINCE_CODES, checkIdentifier, normalizeIdentifier, type IdentifierError, type IdentifierKind } from './identifiers.js';
export * from './form/index.js';
export { DOCUMENT_FORMATS, detectFormat, findFormat, schemaFileName, type DocumentFormat } from './formats.js';
