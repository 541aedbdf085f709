import { isEmptyValue, type Scalar } from '../condition-eval.js';
import { msg, type MessageKey, type Params } from '../i18n.js';
import { checkIdentifier, nikMatchesBirthDate, nikMatchesSex, normalizeIdentifier, type IdentifierError } from '../identifiers.js';
import { isEmail } from '../contact.js';
import { isMobile, normalizePhone } from '../phone.js';
import { text, type Locale } from '../locale.js';
import { choicesOf, dateOf, filesOf, itemsOf, textOf, type Answers } from './answers.js';
import { parseNumber, realDate } from './numbers.js';
import { createConditions, type Conditions, type Evaluation, type FormLogic, type Scope } from './conditions.js';
import type { FieldEntry } from './fields.js';
import { acceptedNames, acceptsFile, formatSize } from './files.js';
import type { AnswerField, FormDocument, MessageRule, Option } from './format.js';
import { maxLengthOf } from './lengths.js';
import { REGION_LEVELS, regionCodeOf, regionLevel, regionNamesOf, regionWithin, type RegionLevel, type RegionLookup } from './region.js';
import { formMsg, type FormMessageKey } from './messages.js';
import { matchesPattern } from './pattern.js';

/** The three inputs of a date, named in errors so the element can focus the right one. */
export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** An error or warning for one answer; servers report errors in the same shape. */
export interface FieldError {
  /** The answer's path: `applicantName`, `vessels[1].name`, or a group's name for its count. */
  readonly field: string;
  /** What is wrong and how to fix it, naming the field. */
  readonly message: string;
  /** For a date, the input to focus; for a region, the level to choose. */
  readonly part?: DatePart | RegionLevel;
}

/** The outcome of validating answers: errors block, warnings never do. */
export interface Validation {
  readonly ok: boolean;
  readonly errors: readonly FieldError[];
  readonly warnings: readonly FieldError[];
}

export type { Dependents } from './conditions.js';

/** Options for a validator. */
export interface ValidatorOptions {
  /** Today's date for `today` bounds; by default the device's local date. */
  readonly today?: () => { readonly year: number; readonly month: number; readonly day: number };
  /**
   * Region data for `region` fields. Without it only the code's form and
   * scope are checked; with it the code must exist, and a code whose data is
   * not loaded yet is an error that asks the citizen to wait.
   */
  readonly regions?: RegionLookup;
  /**
   * The options of a field with `optionsFrom`, by URL; `undefined` while the
   * list is not loaded (an error asking to wait). Without it, such answers
   * are not checked against the list (a server that cannot fetch it).
   */
  readonly optionLists?: (url: string) => readonly Option[] | undefined;
}

/**
 * The validator of one form: the same rules in the browser and on a server.
 * Built on the form's conditions (conditions.ts), which the first screen uses alone.
 */
export interface Validator extends Conditions {
  /** Validates the visible fields of one step (an index into `form.steps`); nothing when the step is hidden. */
  validateStep(answers: Answers, step: number, locale?: Locale): Validation;
  /** Validates every visible field of every visible step. */
  validateAll(answers: Answers, locale?: Locale): Validation;
  /** Validates one field by path (`nik`, `vessels[1].name`, or `vessels` for the item count) — cheap enough for every change. */
  validateField(answers: Answers, path: string, locale?: Locale): Validation;
  /** The answers to submit: visible fields only, normalized (NIK digits, phone E.164, dates `YYYY-MM-DD`, numbers). */
  finalAnswers(answers: Answers): Record<string, unknown>;
}

type Sink = { errors: FieldError[]; warnings: FieldError[] };

const CHOOSE_TYPES = new Set(['select', 'radio', 'checkboxes', 'region']);
/** A checkbox label longer than this is a declaration, too long to quote in a message. */
const LONG_LABEL = 60;
const IDENTIFIER_KEYS: Record<IdentifierError, FormMessageKey> = {
  digits: 'answer.digits',
  province: 'answer.nikProvince',
  birthDate: 'answer.nikDate',
  serial: 'answer.nikSerial',
};

function localToday() {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function same(value: unknown, expected: Scalar): boolean {
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value).trim() === String(expected);
}

/** "Nama lengkap" reads "nama lengkap" mid-sentence; "NIK" stays "NIK". */
function lowerFirst(label: string): string {
  const second = label.charAt(1);
  return second && second !== second.toUpperCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

const dateNumber = (d: { year: number; month: number; day: number }) => d.year * 10000 + d.month * 100 + d.day;

/**
 * Builds the validator for a parsed form, on its conditions (built here
 * unless given: the browser passes the ones its first screen already built).
 * Every call evaluates only the conditions it needs, memoized for that call.
 */
export function createValidator(form: FormDocument, options: ValidatorOptions = {}, logic: FormLogic = createConditions(form)): Validator {
  const { topLevel, onStep, children, locate, pathOf } = logic;
  const today = options.today ?? localToday;

  /** Checks one visible field's answer; for a group with `deep`, each item's visible fields too. */
  function check(ev: Evaluation, entry: FieldEntry, item: number | undefined, locale: Locale, sink: Sink, deep: boolean): void {
    const field = entry.field;
    const path = pathOf(entry, item);
    const raw = ev.raw(entry, item);
    let labels: Params | undefined;
    const params = (extra: Params): Params => {
      if (!labels) {
        const label = text(field.label, locale);
        labels = { label: lowerFirst(label), Label: label.charAt(0).toUpperCase() + label.slice(1) };
      }
      return { ...labels, ...extra };
    };
    const say = (list: FieldError[], rule: MessageRule, key: FormMessageKey, extra: Params = {}, part?: DatePart | RegionLevel) => {
      const custom = field.messages?.[rule];
      const message = custom !== undefined ? text(custom, locale) : formMsg(locale, key, params(extra));
      list.push(part ? { field: path, message, part } : { field: path, message });
    };
    const fail = (rule: MessageRule, key: FormMessageKey, extra?: Params, part?: DatePart | RegionLevel) => say(sink.errors, rule, key, extra, part);
    const warn = (key: FormMessageKey) => say(sink.warnings, 'mismatch', key);

    if (field.type === 'group') {
      const items = itemsOf(raw);
      const required = ev.required(entry);
      const min = Math.max(field.min ?? 0, required ? 1 : 0);
      // An optional group may stay empty; once started it needs its minimum.
      if (items.length < min && (required || items.length > 0)) fail(items.length === 0 ? 'required' : 'min', 'answer.groupMin', { min });
      if (field.max !== undefined && items.length > field.max) fail('max', 'answer.groupMax', { max: field.max, excess: items.length - field.max });
      if (!deep) return;
      items.forEach((_, i) => {
        for (const child of children.get(entry.key) ?? []) if (ev.visible(child, i)) check(ev, child, i, locale, sink, false);
      });
      return;
    }

    if (isEmptyValue(field.type === 'date' ? dateOf(raw) : field.type === 'file' ? filesOf(raw) : field.type === 'checkboxes' ? choicesOf(raw) : raw)) {
      if (!ev.required(entry, item)) return;
      // Labels written as questions ("Bermotor?") or long declarations do not fit
      // "Pilih {label}" or 'Centang "{label}"': say it another way.
      const label = text(field.label, locale).trim();
      if (field.type === 'checkbox') fail('required', label.length > LONG_LABEL ? 'answer.tickStatement' : 'answer.tick');
      else if (field.type === 'file') fail('required', 'answer.chooseFile');
      else if (label.endsWith('?')) fail('required', 'answer.question');
      else fail('required', CHOOSE_TYPES.has(field.type) ? 'answer.choose' : 'answer.enter');
      return;
    }
    checkAnswer(ev, entry, field, raw, item, locale, fail, warn);
  }

  function checkAnswer(
    ev: Evaluation,
    entry: FieldEntry,
    field: Exclude<AnswerField, { type: 'group' }>,
    raw: unknown,
    item: number | undefined,
    locale: Locale,
    fail: (rule: MessageRule, key: FormMessageKey, extra?: Params, part?: DatePart | RegionLevel) => void,
    warn: (key: FormMessageKey) => void,
  ): void {
    const value = textOf(raw).trim();
    /** Length first, before any pattern: false when the answer is too short or too long (and says so). */
    const lengths = (min: number | undefined, max: number): boolean => {
      // Counted in code points, but a string of more than 2 × max UTF-16 units is too long whatever it holds.
      const length = value.length > 2 * max ? Infinity : [...value].length;
      if (length > max) fail('maxLength', 'answer.tooLong', { max });
      else if (min !== undefined && length < min) fail('minLength', 'answer.tooShort', { min });
      else return true;
      return false;
    };
    switch (field.type) {
      case 'text':
        if (lengths(field.minLength, maxLengthOf(field)) && field.pattern !== undefined && !matchesPattern(field.pattern, value)) fail('pattern', 'answer.pattern');
        return;
      case 'textarea':
        lengths(field.minLength, maxLengthOf(field));
        return;
      case 'email':
        if (lengths(undefined, maxLengthOf(field)) && !isEmail(value)) fail('format', 'answer.email');
        return;
      case 'number': {
        const n = parseNumber(raw);
        const show = (x: number) => new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en').format(x);
        if (Number.isNaN(n)) fail('format', 'answer.number');
        else if (field.integer && !Number.isInteger(n)) fail('format', 'answer.integer');
        else if (field.min !== undefined && n < field.min) fail('min', 'answer.min', { min: show(field.min) });
        else if (field.max !== undefined && n > field.max) fail('max', 'answer.max', { max: show(field.max) });
        return;
      }
      case 'phone': {
        const e164 = normalizePhone(value);
        if (e164 === undefined) fail('format', field.mobile ? 'answer.mobile' : 'answer.phone');
        else if (field.mobile && !isMobile(e164)) fail('format', 'answer.mobile');
        return;
      }
      case 'nik':
      case 'npwp':
      case 'nib':
      case 'kbli':
      case 'postal-code': {
        const { error } = checkIdentifier(field.type, value);
        if (error) {
          const count = { nik: 16, nib: 13, kbli: 5, 'postal-code': 5, npwp: 15 }[field.type];
          fail('format', field.type === 'npwp' ? 'answer.npwpDigits' : IDENTIFIER_KEYS[error], { count });
        } else if (field.type === 'nik') {
          crossCheck(ev, entry, field, value, item, warn);
        }
        return;
      }
      case 'date':
        checkDate(field, raw, locale, fail);
        return;
      case 'select':
      case 'radio': {
        const list = field.options ?? (field.optionsFrom !== undefined && options.optionLists ? options.optionLists(field.optionsFrom) : []);
        if (list === undefined) fail('option', 'answer.optionsLoading');
        else if ((field.options || options.optionLists) && !list.some((option) => option.value === value)) fail('option', 'answer.option');
        return;
      }
      case 'region':
        checkRegion(field, raw, locale, fail);
        return;
      case 'checkboxes': {
        const chosen = choicesOf(raw);
        if (chosen.some((choice) => !field.options.some((option) => option.value === choice))) fail('option', 'answer.option');
        else if (field.min !== undefined && chosen.length < field.min) fail('min', 'answer.tooFewChoices', { min: field.min });
        else if (field.max !== undefined && chosen.length > field.max) fail('max', 'answer.tooManyChoices', { max: field.max });
        return;
      }
      case 'checkbox':
        return;
      case 'file': {
        const files = filesOf(raw);
        const maxFiles = field.maxFiles ?? 1;
        if (files.length > maxFiles) fail('fileCount', 'answer.fileCount', { max: maxFiles });
        for (const file of files) {
          if (file.size === 0) fail('fileEmpty', 'answer.fileEmpty', { name: file.name });
          else if (!acceptsFile(field.accept, file)) fail('fileType', 'answer.fileType', { name: file.name, types: acceptedNames(field.accept, locale) });
          else if (file.size > field.maxSize) fail('fileSize', 'answer.fileSize', { name: file.name, size: formatSize(field.maxSize, locale) });
        }
        return;
      }
    }
  }

  /** Warnings only: a NIK that disagrees with the birth date or sex exists and cannot be corrected. The inferred values are never shown. */
  function crossCheck(ev: Evaluation, entry: FieldEntry, field: Extract<AnswerField, { type: 'nik' }>, nik: string, item: number | undefined, warn: (key: FormMessageKey) => void): void {
    const scope: Scope = entry.group ? { group: entry.group, item: item ?? -1 } : undefined;
    const cross = field.crossCheck;
    if (cross?.birthDate !== undefined) {
      const d = dateOf(ev.effective(cross.birthDate, scope));
      const date = /^\d{4}$/.test(d.year) ? realDate(Number(d.year), Number(d.month), Number(d.day)) : undefined;
      if (date && !nikMatchesBirthDate(nik, date)) warn('answer.nikBirthDate');
    }
    if (cross?.sex) {
      const sex = ev.effective(cross.sex.field, scope);
      const female = same(sex, cross.sex.female) ? true : same(sex, cross.sex.male) ? false : undefined;
      if (female !== undefined && !nikMatchesSex(nik, female)) warn('answer.nikSex');
    }
  }

  function checkRegion(
    field: Extract<AnswerField, { type: 'region' }>,
    raw: unknown,
    locale: Locale,
    fail: (rule: MessageRule, key: FormMessageKey, extra?: Params, part?: DatePart | RegionLevel) => void,
  ): void {
    const code = regionCodeOf(raw);
    const level = regionLevel(code);
    const scope = field.within ?? '';
    const depth = field.depth ?? 'village';
    const scopeName = () => options.regions?.names(scope)?.at(-1) ?? scope;
    if (!level) return fail('region', 'answer.regionUnknown', { code });
    if (!regionWithin(code, scope) || code === scope) return fail('region', 'answer.regionOutside', { scope: scopeName() });
    const deeper = REGION_LEVELS.indexOf(level) < REGION_LEVELS.indexOf(depth);
    // Half chosen (a kecamatan but no desa yet): name the level still to choose, and focus its list.
    if (deeper) {
      const next = REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] as RegionLevel;
      return fail('region', 'answer.regionLevel', { level: formMsg(locale, `answer.level.${next}`) }, next);
    }
    if (level !== depth) return fail('region', 'answer.regionUnknown', { code });
    if (!options.regions) return;
    const names = options.regions.names(code);
    if (names === undefined) fail('region', 'answer.regionLoading');
    else if (names === null) fail('region', 'answer.regionUnknown', { code });
  }

  function checkDate(
    field: Extract<AnswerField, { type: 'date' }>,
    raw: unknown,
    locale: Locale,
    fail: (rule: MessageRule, key: FormMessageKey, extra?: Params, part?: DatePart) => void,
  ): void {
    const d = dateOf(raw);
    const missing = DATE_PARTS.find((part) => d[part] === '');
    if (missing) return fail('format', 'answer.datePart', { part: formMsg(locale, `answer.part.${missing}`) }, missing);
    if (!/^\d{1,2}$/.test(d.day)) return fail('format', 'answer.dateReal', {}, 'day');
    if (!/^\d{1,2}$/.test(d.month)) return fail('format', 'answer.dateReal', {}, 'month');
    if (!/^\d{4}$/.test(d.year)) return fail('format', 'answer.dateYear', {}, 'year');
    const date = realDate(Number(d.year), Number(d.month), Number(d.day));
    if (!date) return fail('format', 'answer.dateReal', {}, Number(d.month) > 12 ? 'month' : 'day');
    const bound = (value: string) => {
      if (value === 'today') return { at: today(), label: msg(locale, 'time.today') };
      const [year, month, day] = value.split('-').map(Number) as [number, number, number];
      return { at: { year, month, day }, label: `${day} ${msg(locale, `month.${month}` as MessageKey)} ${year}` };
    };
    if (field.min !== undefined) {
      const min = bound(field.min);
      if (dateNumber(date) < dateNumber(min.at)) return fail('min', 'answer.dateMin', { date: min.label });
    }
    if (field.max !== undefined) {
      const max = bound(field.max);
      if (dateNumber(date) > dateNumber(max.at)) return fail('max', 'answer.dateMax', { date: max.label });
    }
  }

  function finalValue(ev: Evaluation, entry: FieldEntry, item?: number): unknown {
    const field = entry.field;
    const raw = ev.raw(entry, item);
    const value = textOf(raw).trim();
    switch (field.type) {
      case 'group': {
        const items = itemsOf(raw).map((_, i) => {
          const out: Record<string, unknown> = {};
          for (const child of children.get(entry.key) ?? []) {
            const v = ev.visible(child, i) ? finalValue(ev, child, i) : undefined;
            if (v !== undefined) out[child.field.name] = v;
          }
          return out;
        });
        return items.length ? items : undefined;
      }
      case 'checkbox':
        return raw === true;
      case 'checkboxes': {
        const chosen = choicesOf(raw);
        const ordered = field.options.filter((option) => chosen.includes(option.value)).map((option) => option.value);
        return ordered.length ? ordered : undefined;
      }
      case 'file': {
        const files = filesOf(raw);
        return files.length ? files : undefined;
      }
      case 'date': {
        const d = dateOf(raw);
        if (isEmptyValue(d)) return undefined;
        const date = /^\d{4}$/.test(d.year) ? realDate(Number(d.year), Number(d.month), Number(d.day)) : undefined;
        return date ? `${d.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : d;
      }
      case 'number': {
        const n = parseNumber(raw);
        return Number.isNaN(n) ? value || undefined : n;
      }
      case 'phone':
        return normalizePhone(value) ?? (value || undefined);
      case 'nik':
      case 'npwp':
      case 'nib':
      case 'kbli':
      case 'postal-code':
        return value ? normalizeIdentifier(value) : undefined;
      case 'region': {
        // Codes and names, so a back office can use either; the names from the data when it is at hand.
        const code = regionCodeOf(raw);
        if (!code) return undefined;
        return { code, names: [...(options.regions?.names(code) ?? regionNamesOf(raw) ?? [])] };
      }
      default:
        return value || undefined;
    }
  }

  const done = (sink: Sink): Validation => ({ ok: sink.errors.length === 0, errors: sink.errors, warnings: sink.warnings });
  const stepInto = (ev: Evaluation, step: number, locale: Locale, sink: Sink) => {
    if (!ev.stepVisible(step)) return;
    for (const entry of onStep[step] ?? []) if (ev.visible(entry)) check(ev, entry, undefined, locale, sink, true);
  };

  return {
    form,
    visibleSteps: logic.visibleSteps,
    isVisible: logic.isVisible,
    isRequired: logic.isRequired,
    holds: logic.holds,
    dependentsOf: logic.dependentsOf,
    validateStep(answers, step, locale = 'id') {
      const sink: Sink = { errors: [], warnings: [] };
      stepInto(logic.evaluate(answers), step, locale, sink);
      return done(sink);
    },
    validateAll(answers, locale = 'id') {
      const sink: Sink = { errors: [], warnings: [] };
      const ev = logic.evaluate(answers);
      form.steps.forEach((_, s) => stepInto(ev, s, locale, sink));
      return done(sink);
    },
    validateField(answers, path, locale = 'id') {
      const sink: Sink = { errors: [], warnings: [] };
      const at = locate(path);
      const ev = logic.evaluate(answers);
      if (at && ev.visible(at.entry, at.item)) check(ev, at.entry, at.item, locale, sink, false);
      return done(sink);
    },
    finalAnswers(answers) {
      const ev = logic.evaluate(answers);
      const out: Record<string, unknown> = {};
      for (const entry of topLevel) {
        const value = ev.visible(entry) ? finalValue(ev, entry) : undefined;
        if (value !== undefined) out[entry.field.name] = value;
      }
      return out;
    },
  };
}
