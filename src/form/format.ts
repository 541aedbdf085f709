import * as z from 'zod/mini';
import { Condition, Scalar } from '../condition.js';
import { translate } from '../i18n.js';
import { compareOrder, toProblems, type ParseResult } from '../problems.js';
import { rule } from '../rule.js';
import { TimeZone, Url } from '../links.js';
import { Text, type Locale } from '../text.js';
import { checkForm } from './check.js';
import { REGION_LEVELS, type RegionLookup } from './region.js';
import { ownKeysOnly, ownKeysOnlyWhileLoading } from '../prototypes.js';

// The permit-form document, version 1. One definition: the TypeScript types
// are inferred from it. The checks that need the whole document (names,
// references, cycles) are in check.ts.

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

export { CONTENT_TYPES, FIELD_TYPES, FORM_VERSIONS, INPUT_TYPES, ITEM_FIELD_TYPES } from '../fast/rules/form.js';
import type { CONTENT_TYPES, FIELD_TYPES, INPUT_TYPES } from '../fast/rules/form.js';

/** Rules whose default message a field may replace through `messages`. */
export const MESSAGE_RULES = [
  'required', 'minLength', 'maxLength', 'pattern', 'min', 'max', 'format', 'option',
  'fileType', 'fileSize', 'fileCount', 'fileEmpty', 'mismatch', 'region',
] as const;
export { LONG_LIST_THRESHOLD } from '../fast/rules/form.js';
/** KBLI editions; BPS regulation 7/2025 replaced KBLI 2020. */
export const KBLI_EDITIONS = ['2020', '2025'] as const;

export type InputType = (typeof INPUT_TYPES)[number];
export type ContentType = (typeof CONTENT_TYPES)[number];
export type FieldType = (typeof FIELD_TYPES)[number];
export type MessageRule = (typeof MESSAGE_RULES)[number];
export type KbliEdition = (typeof KBLI_EDITIONS)[number];

/** Field names become answer keys and error paths (`vessels[1].name`), so no dots, brackets or spaces. */
export const FieldName = z.string().check(rule('fieldName'));

const Count = z.int().check(z.minimum(0));
/** A date bound: `YYYY-MM-DD`, or `today` (the citizen's today). */
export const DateBound = z.string().check(rule('dateBound'));
/** An accepted file type: an extension (`.pdf`) or a MIME type (`application/pdf`, `image/*`). */
export const Accept = z.string().check(rule('accept'));

/** Per-rule replacements for the default error messages. */
export const Messages = z.strictObject(
  Object.fromEntries(MESSAGE_RULES.map((rule) => [rule, z.optional(Text)])) as Record<MessageRule, z.ZodMiniOptional<typeof Text>>,
);
export type Messages = z.infer<typeof Messages>;

/** One choice of a select, radio group or checkbox group. */
export const Option = z.strictObject({
  value: z.string().check(z.minLength(1)),
  label: Text,
  hint: z.optional(Text),
});
export type Option = z.infer<typeof Option>;
/** A list of options an office hosts at a URL (`optionsFrom`). */
export const OptionList = z.array(Option);

// What every answer-collecting field has.
const base = {
  name: FieldName,
  label: Text,
  hint: z.optional(Text),
  /** Fields are required unless marked optional (shown as "(tidak wajib)"). */
  optional: z.optional(z.boolean()),
  visibleWhen: z.optional(Condition),
  /** When set, the field is required exactly when this holds, whatever `optional` says. */
  requiredWhen: z.optional(Condition),
  messages: z.optional(Messages),
  /** Personal data to keep out of drafts and logs (a NIK, for example). */
  sensitive: z.optional(z.boolean()),
  /** The HTML autocomplete token, e.g. `name`, `tel`, `postal-code`, `bday-day`. */
  autocomplete: z.optional(z.string()),
};
const lengths = { minLength: z.optional(Count), maxLength: z.optional(Count) };
const choices = { options: z.array(Option) };
/** A URL (`https:`, `http:` or relative) of a JSON list of options: `[{ "value": "56101", "label": "56101 Restoran" }, …]`. */
const OptionsUrl = z.string().check(rule('optionsUrl'));
/** Options written in the document, or fetched from `optionsFrom` (exactly one of the two). */
const longChoices = { options: z.optional(z.array(Option)), optionsFrom: z.optional(OptionsUrl) };
/** A Kemendagri region code: `51`, `51.02`, `51.02.01` or `51.02.01.2001`. */
export const RegionCode = z.string().check(rule('regionCode'));

/** Short text, with optional length limits and a pattern (a JavaScript regular expression source, matched against the whole answer). */
export const TextField = z.strictObject({ type: z.literal('text'), ...base, ...lengths, pattern: z.optional(z.string()) });
/** Long text. */
export const TextareaField = z.strictObject({ type: z.literal('textarea'), ...base, ...lengths });
/** A number; `1.000` reads as a thousand and `2,5` as two and a half, as Indonesians write them. */
export const NumberField = z.strictObject({
  type: z.literal('number'),
  ...base,
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
  /** The unit shown after the input: "GT", "m²". */
  suffix: z.optional(Text),
});
/** An email address. */
export const EmailField = z.strictObject({ type: z.literal('email'), ...base, maxLength: z.optional(Count) });
/** An Indonesian phone number, stored as E.164; `mobile` for numbers that must reach WhatsApp or SMS. */
export const PhoneField = z.strictObject({ type: z.literal('phone'), ...base, mobile: z.optional(z.boolean()) });
/** Answers a NIK is compared with, for warnings only. */
export const NikCrossCheck = z.strictObject({
  /** The name of the date field holding the date of birth. */
  birthDate: z.optional(FieldName),
  /** The field holding the sex, and its values for female and male. */
  sex: z.optional(z.strictObject({ field: FieldName, female: Scalar, male: Scalar })),
});
/** A NIK (16 digits). */
export const NikField = z.strictObject({ type: z.literal('nik'), ...base, crossCheck: z.optional(NikCrossCheck) });
/** An NPWP: 15 digits (old) or 16. */
export const NpwpField = z.strictObject({ type: z.literal('npwp'), ...base });
/** An NIB from OSS: 13 digits. */
export const NibField = z.strictObject({ type: z.literal('nib'), ...base });
/** A KBLI code: 5 digits, of the given edition (default 2025). */
export const KbliField = z.strictObject({ type: z.literal('kbli'), ...base, edition: z.optional(z.enum(KBLI_EDITIONS)) });
/** A postal code: 5 digits. */
export const PostalCodeField = z.strictObject({ type: z.literal('postal-code'), ...base });
/** A date as three inputs (tanggal, bulan, tahun), with optional bounds. */
export const DateField = z.strictObject({ type: z.literal('date'), ...base, min: z.optional(DateBound), max: z.optional(DateBound) });
/** A drop-down list; prefer radios for fewer than about eight choices. Above {@link LONG_LIST_THRESHOLD} options, a searchable list. */
export const SelectField = z.strictObject({ type: z.literal('select'), ...base, ...longChoices });
/** A radio group: exactly one choice. Above {@link LONG_LIST_THRESHOLD} options, a searchable list. */
export const RadioField = z.strictObject({ type: z.literal('radio'), ...base, ...longChoices });
/** A checkbox group: any number of choices, `min`–`max` of them. */
export const CheckboxesField = z.strictObject({ type: z.literal('checkboxes'), ...base, ...choices, min: z.optional(Count), max: z.optional(Count) });
/** A single checkbox, e.g. consent; when required it must be ticked. */
export const CheckboxField = z.strictObject({ type: z.literal('checkbox'), ...base });
/**
 * Photo downscaling for a file field: a JPEG, PNG or WebP larger than
 * `downscaleAbove` bytes is scaled so its longest side is at most
 * `maxDimension` pixels and re-encoded as JPEG at `quality`, in the browser,
 * before it is checked and sent. PDFs and smaller files are sent as they are.
 */
export const ImageOptions = z.strictObject({
  /** The longest side after scaling, in pixels (default 1600: a KTP stays legible). */
  maxDimension: z.optional(z.int().check(z.minimum(320), z.maximum(8192))),
  /** JPEG quality between 0.3 and 1 (default 0.8). */
  quality: z.optional(z.number().check(z.minimum(0.3), z.maximum(1))),
  /** Only files larger than this many bytes are touched (default 1000000). */
  downscaleAbove: z.optional(z.int().check(z.minimum(0))),
});
export type ImageOptions = z.infer<typeof ImageOptions>;

/** A file upload: accepted types, a size limit in bytes per file, and how many files. */
export const FileField = z.strictObject({
  type: z.literal('file'),
  ...base,
  accept: z.array(Accept).check(z.minLength(1)),
  maxSize: z.int().check(z.positive()),
  maxFiles: z.optional(z.int().check(z.positive())),
  /** Downscale photos before upload; absent means files are sent exactly as chosen. */
  image: z.optional(ImageOptions),
});
/**
 * An Indonesian administrative region by its Kemendagri code, chosen level by
 * level: province, regency/city, district (kecamatan), village
 * (desa/kelurahan). The answer is `{ "code": "51.02.01.2001", "names": […] }`.
 */
export const RegionField = z.strictObject({
  type: z.literal('region'),
  ...base,
  /** The region to choose inside: a province (`51`), a regency (`51.02`) or a district; absent for the whole country. */
  within: z.optional(RegionCode),
  /** The level the citizen must reach (default `village`). */
  depth: z.optional(z.enum(REGION_LEVELS)),
});
export type RegionField = z.infer<typeof RegionField>;

const contentBase = { text: Text, visibleWhen: z.optional(Condition) };
/** A heading between questions. */
export const HeadingContent = z.strictObject({ type: z.literal('heading'), ...contentBase });
/** A paragraph of text. */
export const ParagraphContent = z.strictObject({ type: z.literal('paragraph'), ...contentBase });
/** A highlighted notice ("Siapkan dokumen asli"). */
export const NoticeContent = z.strictObject({ type: z.literal('notice'), ...contentBase });

const inputFields = [
  TextField, TextareaField, NumberField, EmailField, PhoneField,
  NikField, NpwpField, NibField, KbliField, PostalCodeField,
  DateField, SelectField, RadioField, CheckboxesField, CheckboxField, FileField, RegionField,
] as const;
const contentFields = [HeadingContent, ParagraphContent, NoticeContent] as const;

/**
 * Checks `type` first, so that an unknown type gets one message listing the
 * known ones instead of a discriminated-union failure.
 */
function typed<const T extends readonly [z.ZodMiniObject, ...z.ZodMiniObject[]]>(types: 'fieldType' | 'itemType', options: T) {
  const head = z.looseObject({ type: z.string().check(rule(types)) });
  const union = z.discriminatedUnion('type', options);
  // The head passes every key through, so the union sees the input unchanged.
  return z.pipe(head, union as never) as unknown as z.ZodMiniPipe<typeof head, typeof union>;
}

/** A field inside a repeatable group: any field but another group. */
export const ItemField = typed('itemType', [...inputFields, ...contentFields]);
export type ItemField = z.infer<typeof ItemField>;

/** A repeatable group (vessels, owners): its own fields, `min`–`max` items. */
export const GroupField = z.strictObject({
  type: z.literal('group'),
  ...base,
  fields: z.array(ItemField).check(z.minLength(1)),
  min: z.optional(Count),
  max: z.optional(Count),
  /** The heading of each item, `{n}` replaced by its number: "Kapal {n}". */
  itemLabel: z.optional(Text),
  /** The add button's text: "Tambah kapal". */
  addLabel: z.optional(Text),
});
export type GroupField = z.infer<typeof GroupField>;

/** Any field of a step. */
export const Field = typed('fieldType', [...inputFields, GroupField, ...contentFields]);
export type Field = z.infer<typeof Field>;
/** A field that collects an answer (not static content). */
export type AnswerField = Exclude<Field, { type: ContentType }>;
/** A field that collects an answer and is not a group. */
export type InputField = Exclude<AnswerField, { type: 'group' }>;
/** Static content. */
export type ContentField = Extract<Field, { type: ContentType }>;

/** One page of the wizard. */
export const Step = z.strictObject({
  /** A stable id for the step, used in URLs and analytics; the index is used when absent. */
  id: z.optional(z.string()),
  heading: Text,
  description: z.optional(Text),
  fields: z.array(Field).check(z.minLength(1)),
  visibleWhen: z.optional(Condition),
});
export type Step = z.infer<typeof Step>;

/** The office that receives the application. */
export const FormOffice = z.strictObject({
  name: Text,
  unit: z.optional(Text),
  address: z.optional(Text),
  url: z.optional(Url),
  /** The office's IANA time zone: the receipt and the draft dates are written in it, with WIB, WITA or WIT. */
  timeZone: z.optional(TimeZone),
});
export type FormOffice = z.infer<typeof FormOffice>;

/** The published service standard: how long it takes, what it costs. */
export const ServiceLevel = z.strictObject({
  duration: z.optional(Text),
  fee: z.optional(Text),
  legalBasis: z.optional(Text),
  note: z.optional(Text),
});
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** Where to get help, shown in the same place on every step (WCAG 3.2.6). */
export const HelpChannel = z.strictObject({
  phone: z.optional(z.string().check(rule('helpPhone'))),
  whatsapp: z.optional(z.string().check(rule('helpWhatsapp'))),
  email: z.optional(z.string().check(rule('helpEmail'))),
  /** When someone answers: "Senin–Jumat, pukul 08.00–15.00 WIB". */
  hours: z.optional(Text),
  note: z.optional(Text),
}).check(rule('helpContact'));
export type HelpChannel = z.infer<typeof HelpChannel>;

/** How a submission is encoded: `multipart` is chosen automatically whenever files are attached. */
export const SUBMIT_ENCODINGS = ['json', 'multipart', 'text'] as const;
/** The HTTP methods a submission may use. */
export const SUBMIT_METHODS = ['POST', 'PUT'] as const;
export type SubmitEncoding = (typeof SUBMIT_ENCODINGS)[number];
export type SubmitMethod = (typeof SUBMIT_METHODS)[number];

export { RESERVED_HEADERS, isAllowedEndpoint, isAllowedHeader } from '../fast/rules/form.js';

/** A JSON pointer (RFC 6901): empty, or `/`-separated tokens with `~0`/`~1` escapes. */
export const JsonPointer = z.string().check(rule('jsonPointer'));

/** Where and how submissions are sent. Without it, the host page must handle `loket-submit` or set `action`. */
export const SubmitConfig = z.strictObject({
  /** The URL that receives submissions (`https:`, `http:` or relative to the page). */
  endpoint: z.optional(z.string().check(rule('endpoint'))),
  /** `POST` (default) or `PUT`. */
  method: z.optional(z.enum(SUBMIT_METHODS)),
  /** `json` (default), `multipart`, or `text`: JSON in a `text/plain` body, which needs no CORS preflight. */
  encoding: z.optional(z.enum(SUBMIT_ENCODINGS)),
  /** Extra request headers, such as an API key meant for the public. Never a secret: anyone can read the document. */
  headers: z.optional(z.record(z.string(), z.string()).check(rule('headers'))),
  /** Seconds an attempt may go without any progress before it is abandoned (default 30). */
  timeoutSeconds: z.optional(z.number().check(z.minimum(1), z.maximum(600))),
  /** Automatic retries after a network error, a timeout, 408, 429, 502, 503 or 504 (default 3). */
  retries: z.optional(z.int().check(z.minimum(0), z.maximum(10))),
  /** Where the tracking number sits in the JSON response (default `/trackingNumber`). */
  trackingNumber: z.optional(JsonPointer),
  /** Where the per-application tracking secret sits in the JSON response (default `/trackingSecret`); read only with `receipt.trackingPage`. */
  trackingSecret: z.optional(JsonPointer),
});
export type SubmitConfig = z.infer<typeof SubmitConfig>;

/** Drafts kept on the citizen's device while they fill in the form. */
export const DraftConfig = z.strictObject({
  /** Days a draft is kept after its last change (default 7; 0 turns drafts off). */
  keepDays: z.optional(z.number().check(z.minimum(0), z.maximum(90))),
  /** Also keep fields marked `sensitive` (a NIK) in the draft (default false). */
  storeSensitive: z.optional(z.boolean()),
});
export type DraftConfig = z.infer<typeof DraftConfig>;

/** What the receipt says after a successful submission. */
export const ReceiptConfig = z.strictObject({
  /** What happens next: "Petugas memeriksa berkas dalam 2 hari kerja; Anda dihubungi lewat WhatsApp." */
  nextSteps: z.optional(Text),
  /**
   * The page with `<loket-application-status>` (`https:`, `http:` or relative). The receipt then
   * links "Lacak permohonan" there, with the number and the backend's tracking secret in the fragment.
   */
  trackingPage: z.optional(z.string().check(rule('trackingPage'))),
  /**
   * The page this form is on (`https:`, `http:` or relative to the tracking page). A status of
   * "Perlu perbaikan" links back to it, with the citizen's non-sensitive choices pre-filled.
   */
  formPage: z.optional(z.string().check(rule('trackingPage'))),
});
export type ReceiptConfig = z.infer<typeof ReceiptConfig>;

/** A permit-form document, version 1. */
export const FormDocument = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.number().check(rule('formVersion')),
  /** The form's id, sent with each submission: `sipi-jakarta-utara`. */
  id: z.string().check(z.minLength(1)),
  /** The author's own revision of this form, sent with each submission. */
  revision: z.optional(z.string()),
  title: Text,
  description: z.optional(Text),
  office: FormOffice,
  serviceLevel: z.optional(ServiceLevel),
  help: HelpChannel,
  steps: z.array(Step).check(z.minLength(1)),
  /** Where submissions go; see docs/reference/submission.md. */
  submit: z.optional(SubmitConfig),
  /** Draft autosave on the device. */
  draft: z.optional(DraftConfig),
  /** The receipt shown after submitting. */
  receipt: z.optional(ReceiptConfig),
});
export type FormDocument = z.infer<typeof FormDocument>;

/** Options for {@link parseForm}. */
export interface ParseFormOptions {
  /** Region data (in Node, the built data files): a region field's `within` must then name a region that exists. */
  readonly regions?: RegionLookup;
}

/**
 * The parts of a document whose shape is wrong replaced by neutral stand-ins
 * at the same places, so that the whole-document checks (references, cycles,
 * risky patterns) can run on the rest in the same pass: an author sees every
 * problem at once, not the reference errors only after the shape is fixed.
 * A broken field keeps its name (as a text field), so conditions naming it
 * are not reported as unknown. `undefined` when there are no steps to check.
 */
function salvage(json: unknown): FormDocument | undefined {
  const object = (value: unknown): Record<string, unknown> | undefined =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const standIn = (raw: unknown, item: boolean): Field => {
    const parsed = (item ? ItemField : Field).safeParse(raw);
    if (parsed.success) return parsed.data as Field;
    const name = object(raw)?.name;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return { type: 'paragraph', text: '' };
    if (!item && object(raw)?.type === 'group') return { type: 'group', name, label: '', fields: list(object(raw)?.fields).map((child) => standIn(child, true) as ItemField) };
    return { type: 'text', name, label: '' };
  };
  const steps = list(object(json)?.steps);
  if (steps.length === 0) return undefined;
  return {
    version: 1,
    id: '',
    title: '',
    office: { name: '' },
    help: { phone: '' },
    steps: steps.map((raw) => {
      const step = object(raw);
      const visibleWhen = Condition.safeParse(step?.visibleWhen);
      return { heading: '', fields: list(step?.fields).map((field) => standIn(field, false)), visibleWhen: visibleWhen.success ? visibleWhen.data : undefined };
    }),
  } as FormDocument;
}

/**
 * Parses a permit-form document: its shape and the checks that need the
 * whole document (names, references, cycles), all reported in one pass.
 * Never throws; every problem names its path.
 */
export function parseForm(json: unknown, locale: Locale = 'id', options: ParseFormOptions = {}): ParseResult<FormDocument> {
  try {
    const result = ownKeysOnly(() => FormDocument.safeParse(json));
    if (!result.success) {
      const shape = toProblems(result.error.issues, json, locale);
      const rest = ownKeysOnly(() => salvage(json));
      // A path the shape already faults (or one inside it) is not reported twice.
      const more = rest ? checkForm(rest, locale, options.regions).filter((p) => !shape.some((s) => p.path === s.path || p.path.startsWith(`${s.path}.`) || p.path.startsWith(`${s.path}[`))) : [];
      return { ok: false, problems: [...shape, ...more].sort((a, b) => compareOrder(a.path, b.path)) };
    }
    const problems = checkForm(result.data, locale, options.regions);
    return problems.length ? { ok: false, problems } : { ok: true, value: result.data };
  } catch {
    // Only a document nested deeper than the engine's stack gets here.
    return { ok: false, problems: [{ path: '', message: translate(locale, 'schema.invalid') }] };
  }
}
