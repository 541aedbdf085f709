import { referencedFields, type Condition, type Scalar } from '../condition-eval.js';
import { translate, type Params } from '../i18n.js';
import { compareOrder, formatPath, type Problem } from '../problem.js';
import type { Locale } from '../locale.js';
import { indexFields, type FieldEntry, type FieldIndex } from './fields.js';
import type { Field, FormDocument, Option } from './format.js';
import type { FormDocumentMessageKey } from './document-messages.js';
import { compilePattern, isRiskyPattern } from './pattern.js';
import { REGION_LEVELS, isRegionCode, regionLevel, type RegionLookup } from './region.js';

// The checks that need the whole document: names, references, order, cycles,
// and the limits zod cannot relate to each other. Run after the shape parsed.

type Path = readonly (string | number)[];

/** Where a condition sits and what it may refer to. */
interface Owner {
  /** The field entry owning the condition (absent for steps and static content). */
  readonly entry?: FieldEntry;
  /** The group whose siblings the condition may name. */
  readonly group?: FieldEntry;
  /** The last step whose fields the condition may name. */
  readonly lastStep: number;
}

/** Reports every semantic problem of a shape-valid form document, in document order. */
export function checkForm(form: FormDocument, locale: Locale, regions?: RegionLookup): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (at, key, params = {}) =>
    problems.push({ path: formatPath(at), message: translate(locale, key, params) });
  const index = indexFields(form);
  const checkField = (field: Field, at: Path, owner: Owner, index: FieldIndex, report: Report) => checkOneField(field, at, owner, index, report, regions);

  for (const { entry, first } of index.duplicates) {
    report([...entry.at, 'name'], 'schema.duplicate', { value: entry.field.name, other: formatPath([...first.at, 'name']) });
  }

  form.steps.forEach((step, s) => {
    if (step.visibleWhen) checkCondition(step.visibleWhen, ['steps', s, 'visibleWhen'], { lastStep: s - 1 }, index, report);
    step.fields.forEach((field, f) => {
      const at = ['steps', s, 'fields', f];
      const entry = 'name' in field ? index.entries.get(field.name) : undefined;
      checkField(field, at, { entry: entry?.at.join() === at.join() ? entry : undefined, lastStep: s }, index, report);
      if (field.type !== 'group') return;
      field.fields.forEach((child, c) => {
        const childAt = [...at, 'fields', c];
        const childEntry = 'name' in child ? index.entries.get(`${field.name}.${child.name}`) : undefined;
        checkField(child, childAt, { entry: childEntry?.at.join() === childAt.join() ? childEntry : undefined, group: entry, lastStep: s }, index, report);
      });
    });
  });

  checkCycles(index, report);
  return problems.sort((a, b) => compareOrder(a.path, b.path));
}

type Report = (at: Path, key: FormDocumentMessageKey | 'schema.duplicate', params?: Params) => void;

function checkOneField(field: Field, at: Path, owner: Owner, index: FieldIndex, report: Report, regions: RegionLookup | undefined): void {
  if (field.visibleWhen) checkCondition(field.visibleWhen, [...at, 'visibleWhen'], owner, index, report);
  if (field.type === 'heading' || field.type === 'paragraph' || field.type === 'notice') return;
  if (field.requiredWhen) checkCondition(field.requiredWhen, [...at, 'requiredWhen'], owner, index, report);

  const order = (min: number | string | undefined, max: number | string | undefined, minKey: string, maxKey: string) => {
    if (min !== undefined && max !== undefined && min > max) report([...at, minKey], 'form.minMax', { min: minKey, max: maxKey, minValue: min, maxValue: max });
  };
  switch (field.type) {
    case 'text':
      if (field.pattern !== undefined && !compilePattern(field.pattern)) report([...at, 'pattern'], 'form.pattern', { pattern: field.pattern });
      else if (field.pattern !== undefined && isRiskyPattern(field.pattern)) report([...at, 'pattern'], 'form.patternRisky', { pattern: field.pattern });
      order(field.minLength, field.maxLength, 'minLength', 'maxLength');
      break;
    case 'textarea':
      order(field.minLength, field.maxLength, 'minLength', 'maxLength');
      break;
    case 'number':
    case 'group':
      order(field.min, field.max, 'min', 'max');
      break;
    case 'date':
      if (field.min !== 'today' && field.max !== 'today') order(field.min, field.max, 'min', 'max');
      break;
    case 'select':
    case 'radio':
      if (field.options && field.optionsFrom !== undefined) report([...at, 'optionsFrom'], 'form.optionsBoth');
      else if (field.options) checkOptions(field.options, at, report);
      else if (field.optionsFrom === undefined) report([...at, 'options'], 'form.noOptions');
      break;
    case 'region': {
      const depth = REGION_LEVELS.indexOf(field.depth ?? 'village');
      const scope = field.within === undefined ? -1 : REGION_LEVELS.indexOf(regionLevel(field.within) ?? 'village');
      if (field.within !== undefined && scope >= depth) report([...at, 'depth'], 'form.regionDepth', { depth: field.depth ?? 'village', within: field.within });
      else if (field.within !== undefined && regions?.names(field.within) === null) report([...at, 'within'], 'form.regionUnknown', { value: field.within });
      break;
    }
    case 'checkboxes':
      checkOptions(field.options, at, report);
      if (field.type === 'checkboxes') {
        order(field.min, field.max, 'min', 'max');
        if (field.min !== undefined && field.options.length > 0 && field.min > field.options.length) report([...at, 'min'], 'form.minOptions', { min: field.min, count: field.options.length });
      }
      break;
    case 'nik': {
      const cross = field.crossCheck;
      if (cross?.birthDate !== undefined) {
        const target = index.resolve(cross.birthDate, owner.group);
        if (!target) report([...at, 'crossCheck', 'birthDate'], 'form.unknownField', { name: cross.birthDate });
        else if (target.field.type !== 'date') report([...at, 'crossCheck', 'birthDate'], 'form.notDate', { name: cross.birthDate });
      }
      if (cross?.sex) {
        const target = index.resolve(cross.sex.field, owner.group);
        if (!target) report([...at, 'crossCheck', 'sex', 'field'], 'form.unknownField', { name: cross.sex.field });
        else {
          checkValue(target, cross.sex.female, [...at, 'crossCheck', 'sex', 'female'], report);
          checkValue(target, cross.sex.male, [...at, 'crossCheck', 'sex', 'male'], report);
        }
      }
      break;
    }
    default:
      break;
  }
}

function checkOptions(options: readonly Option[], at: Path, report: Report): void {
  if (options.length === 0) {
    report([...at, 'options'], 'form.noOptions');
    return;
  }
  const first = new Map<string, number>();
  options.forEach((option, i) => {
    const earlier = first.get(option.value);
    if (earlier === undefined) first.set(option.value, i);
    else report([...at, 'options', i, 'value'], 'schema.duplicate', { value: option.value, other: formatPath([...at, 'options', earlier, 'value']) });
  });
}

/** Walks a condition's leaves with their paths. */
function leaves(cond: Condition, at: Path, visit: (leaf: Condition, at: Path) => void): void {
  if (cond.all) cond.all.forEach((c, i) => leaves(c, [...at, 'all', i], visit));
  else if (cond.any) cond.any.forEach((c, i) => leaves(c, [...at, 'any', i], visit));
  else if (cond.not) leaves(cond.not, [...at, 'not'], visit);
  else visit(cond, at);
}

function checkCondition(cond: Condition, at: Path, owner: Owner, index: FieldIndex, report: Report): void {
  leaves(cond, at, (leaf, leafAt) => {
    if (leaf.field === undefined) return;
    const target = index.resolve(leaf.field, owner.group);
    if (!target) {
      report([...leafAt, 'field'], 'form.unknownField', { name: leaf.field });
      return;
    }
    if (target.step > owner.lastStep) {
      report([...leafAt, 'field'], 'form.laterField', { name: leaf.field, step: target.step + 1 });
      return;
    }
    if (leaf.within !== undefined) {
      const field = target.field;
      if (field.type !== 'region') report([...leafAt, 'within'], 'form.notRegion', { name: leaf.field });
      else {
        const scope = field.within;
        leaf.within.forEach((code, i) => {
          if (!isRegionCode(code)) report([...leafAt, 'within', i], 'form.regionCode', { value: code });
          else if (scope !== undefined && !code.startsWith(`${scope}.`) && code !== scope && !scope.startsWith(`${code}.`)) {
            report([...leafAt, 'within', i], 'form.regionOutside', { value: code, name: String(leaf.field), within: scope });
          }
        });
      }
    }
    if (leaf.equals !== undefined) checkValue(target, leaf.equals, [...leafAt, 'equals'], report);
    if (leaf.notEquals !== undefined) checkValue(target, leaf.notEquals, [...leafAt, 'notEquals'], report);
    leaf.oneOf?.forEach((value, i) => checkValue(target, value, [...leafAt, 'oneOf', i], report));
  });
}

/** A value compared with a choice field must be one of its options, or the condition can never hold. */
function checkValue(target: FieldEntry, value: Scalar, at: Path, report: Report): void {
  const field = target.field;
  if (field.type === 'checkbox') {
    if (typeof value !== 'boolean') report(at, 'form.notBoolean', { name: field.name });
    return;
  }
  if (field.type !== 'select' && field.type !== 'radio' && field.type !== 'checkboxes') return;
  if (field.options && field.options.length > 0 && !field.options.some((option) => option.value === String(value))) {
    report(at, 'form.notAnOption', { value: String(value), name: field.name, values: field.options.map((o) => JSON.stringify(o.value)).join(', ') });
  }
}

/**
 * Visibility conditions must not form a circle (a shown when b is filled, b
 * shown when a is filled): neither could ever be shown. `requiredWhen` is not
 * part of this graph, since requiredness never changes a value, so "phone or
 * email, at least one" (each required when the other is empty) is allowed.
 */
function checkCycles(index: FieldIndex, report: Report): void {
  const edges = new Map<string, string[]>();
  for (const entry of index.entries.values()) {
    const cond = entry.field.visibleWhen;
    if (!cond) continue;
    const targets = referencedFields(cond).map((name) => index.resolve(name, entry.group)?.key).filter((key): key is string => key !== undefined);
    edges.set(entry.key, targets);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (key: string) => {
    state.set(key, 'open');
    stack.push(key);
    for (const next of edges.get(key) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const id = [...cycle].sort().join();
        const entry = index.entries.get(next);
        if (!reported.has(id) && entry) {
          reported.add(id);
          report([...entry.at, 'visibleWhen'], 'form.cycle', { cycle: [...cycle, next].join(' → ') });
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const key of edges.keys()) if (!state.has(key)) visit(key);
}

/** Orders `steps[1].fields[10]` after `steps[1].fields[2]`. */
