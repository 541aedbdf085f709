// The permit form's core, with no UI: the document format, its parser, and
// the answer validator that browsers and backends share.
export {
  CONTENT_TYPES,
  FIELD_TYPES,
  FORM_VERSIONS,
  INPUT_TYPES,
  ITEM_FIELD_TYPES,
  KBLI_EDITIONS,
  MESSAGE_RULES,
  FormDocument,
  parseForm,
  type AnswerField,
  type ContentField,
  type ContentType,
  type Field,
  type FieldType,
  type FormOffice,
  type GroupField,
  type HelpChannel,
  type InputField,
  type InputType,
  type ItemField,
  type KbliEdition,
  type MessageRule,
  type Messages,
  type Option,
  type ServiceLevel,
  type Step,
} from './format.js';
export { parseNumber, type Answers, type DateAnswer, type FileAnswer } from './answers.js';
export { PATTERN_INPUT_LIMIT } from './pattern.js';
export { DATE_PARTS, createValidator, type DatePart, type Dependents, type FieldError, type Validation, type Validator, type ValidatorOptions } from './validate.js';
