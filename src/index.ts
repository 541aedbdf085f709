// The public API for npm consumers: everything a webmaster or developer
// touches is typed here. Everything not exported is internal.
// Node and the CLI read document problems in full: register the author-facing
// messages up front (the widgets fetch them only when a document fails).
import './messages/authoring.js';
export { LOCALES, Text, text, type Locale } from './text.js';
export { loadLocale, localeReady, msg, type MessageKey } from './i18n.js';
export { LoketErrorEvent, LoketReadyEvent, type LoketErrorDetail } from './events.js';
export { LoketStepEvent, LoketSubmitEvent, type LoketStepDetail, type LoketSubmitDetail } from './form-events.js';
export { LOAD_FAILURES, type LoadFailure } from './load.js';
export { JSON_MISTAKES, describeJsonError, findJsonError, type JsonMistake, type JsonSyntaxError } from './json-error.js';
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
export {
  CHECKLIST_VERSIONS,
  ChecklistDocument,
  DEFAULT_STAMP_DUTY,
  GROUP_KINDS,
  checkChecklist,
  parseChecklist,
  type Apply as ChecklistApply,
  type ChecklistOffice,
  type Group as ChecklistGroup,
  type GroupKind,
  type Help as ChecklistHelp,
  type Issuer as ChecklistIssuer,
  type Item as ChecklistItem,
  type Permit as ChecklistPermit,
  type Template as ChecklistTemplate,
  type Upload as ChecklistUpload,
  type Variant as ChecklistVariant,
  type VariantOption as ChecklistVariantOption,
} from './checklist/format.js';
export { applicableGroups, formatRupiah, handOffHref, isAnswered, progressOf, validAnswers, withAnswer, type Answer, type Answers, type ApplicableGroup, type Progress } from './checklist/evaluate.js';
export { LoketApplyEvent, LoketChecklistChangeEvent, type LoketApplyDetail, type LoketChecklistChangeDetail } from './checklist/events.js';
export { Condition, evaluateCondition, referencedFields } from './condition.js';
export { IDENTIFIER_KINDS, PROVINCE_CODES, checkIdentifier, normalizeIdentifier, type IdentifierError, type IdentifierKind } from './identifiers.js';
export * from './form/index.js';
/** The file-type rule of a file field (`accept`), for servers checking uploaded parts by the browser's rules. */
export { acceptsFile } from './form/files.js';
export {
  APPLICATION_STATES,
  CLOSED_STATES,
  ApplicationStatus,
  Instant,
  StatusLookup,
  TRACKING_MAX_LENGTH,
  TRACKING_VERSIONS,
  instantMs,
  parseApplicationStatus,
  type ApplicationState,
  type Collect as TrackingCollect,
  type NextSteps as TrackingNextSteps,
  type TimelineEntry,
  type TrackedPermit,
  type TrackingOffice,
} from './tracking/index.js';
export { DOCUMENT_FORMATS, detectFormat, findFormat, schemaFileName, type DocumentFormat } from './formats.js';
export * from './submit/index.js';
