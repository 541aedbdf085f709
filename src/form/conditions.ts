import { evaluateCondition, referencedFields, type Condition } from '../condition-eval.js';
import { answerOf, itemsOf, type Answers } from './answers.js';
import { indexFields, type FieldEntry, type FieldIndex } from './fields.js';
import type { FormDocument } from './format.js';

// What a form shows for given answers, and what it asks for: the steps and
// questions visible, which must be answered, what depends on what. The first
// screen needs this and nothing of the checks (validate.ts builds them on
// it), so the browser fetches those only when the citizen starts answering.

/** What to re-evaluate when one field changes. */
export interface Dependents {
  /** Field keys (`name`, or `group.child` for every item of a group) whose visibility, requiredness or warnings may change. */
  readonly fields: readonly string[];
  /** Steps whose visibility may change. */
  readonly steps: readonly number[];
}

/** The conditions of one form: what it shows and asks for, without checking any answer. */
export interface Conditions {
  /** The parsed document these conditions were built from. */
  readonly form: FormDocument;
  /** The indices of the steps shown for these answers, in order. */
  visibleSteps(answers: Answers): number[];
  /** Whether the field at a path is shown (its step, group and own condition). */
  isVisible(path: string, answers: Answers): boolean;
  /** Whether the field at a path must be answered now (for "(tidak wajib)"). */
  isRequired(path: string, answers: Answers): boolean;
  /** Evaluates a condition, such as static content's `visibleWhen`, optionally inside a group item. */
  holds(cond: Condition | undefined, answers: Answers, item?: { readonly group: string; readonly index: number }): boolean;
  /** What depends on a field key (`name` or `group.child`), transitively through visibility. */
  dependentsOf(key: string): Dependents;
}

/** Inside a group item: the group's entry and the item's index. */
export type Scope = { readonly group: FieldEntry; readonly item: number } | undefined;

/** One evaluation of one answer set: visibility memoized, cycles read as hidden. */
export interface Evaluation {
  readonly answers: Answers;
  /** The answer as typed (inside a group, the item's). */
  raw(entry: FieldEntry, item?: number): unknown;
  stepVisible(step: number): boolean;
  visible(entry: FieldEntry, item?: number): boolean;
  /** A field's value as conditions see it: nothing while it is hidden. */
  effective(name: string, scope: Scope): unknown;
  holds(cond: Condition | undefined, scope: Scope): boolean;
  required(entry: FieldEntry, item?: number): boolean;
}

/** The conditions with the structure they are built on, for the validator. */
export interface FormLogic extends Conditions {
  readonly index: FieldIndex;
  /** The fields outside groups, in document order. */
  readonly topLevel: readonly FieldEntry[];
  /** The top-level fields of each step. */
  readonly onStep: readonly (readonly FieldEntry[])[];
  /** A group's fields by the group's key. */
  readonly children: ReadonlyMap<string, readonly FieldEntry[]>;
  /** A fresh evaluation of these answers. */
  evaluate(answers: Answers): Evaluation;
  /** The field and group item at a path (`nik`, `vessels[1].name`). */
  locate(path: string): { readonly entry: FieldEntry; readonly item?: number } | undefined;
  /** The path of a field (in a group item). */
  pathOf(entry: FieldEntry, item?: number): string;
}

const PATH = /^([A-Za-z][A-Za-z0-9_]*)(?:\[(\d+)\]\.([A-Za-z][A-Za-z0-9_]*))?$/;

/** Builds the conditions of a parsed form, indexing its fields once. */
export function createConditions(form: FormDocument, index: FieldIndex = indexFields(form)): FormLogic {
  const topLevel = [...index.entries.values()].filter((entry) => !entry.group);
  const onStep = form.steps.map((_, s) => topLevel.filter((entry) => entry.step === s));
  const children = new Map<string, FieldEntry[]>();
  for (const entry of index.entries.values()) {
    if (entry.group) children.set(entry.group.key, [...(children.get(entry.group.key) ?? []), entry]);
  }

  function pathOf(entry: FieldEntry, item?: number): string {
    return entry.group ? `${entry.group.field.name}[${item ?? -1}].${entry.field.name}` : entry.field.name;
  }

  class Evaluated implements Evaluation {
    private readonly memo = new Map<string, boolean>();
    private readonly visiting = new Set<string>();
    constructor(readonly answers: Answers) {}

    private cached(key: string, compute: () => boolean): boolean {
      const known = this.memo.get(key);
      if (known !== undefined) return known;
      // A cycle reads as hidden instead of overflowing: a document is drawn before its cycles are checked (src/form/fast.ts).
      if (this.visiting.has(key)) return false;
      this.visiting.add(key);
      const result = compute();
      this.visiting.delete(key);
      this.memo.set(key, result);
      return result;
    }

    raw(entry: FieldEntry, item?: number): unknown {
      if (!entry.group) return answerOf(this.answers, entry.field.name);
      return answerOf(itemsOf(answerOf(this.answers, entry.group.field.name))[item ?? -1], entry.field.name);
    }

    stepVisible(step: number): boolean {
      return this.cached(`#${step}`, () => this.holds(form.steps[step]?.visibleWhen, undefined));
    }

    visible(entry: FieldEntry, item?: number): boolean {
      return this.cached(pathOf(entry, item), () => {
        if (!entry.group) return this.stepVisible(entry.step) && this.holds(entry.field.visibleWhen, undefined);
        const exists = item !== undefined && item >= 0 && item < itemsOf(this.raw(entry.group)).length;
        return exists && this.visible(entry.group) && this.holds(entry.field.visibleWhen, { group: entry.group, item });
      });
    }

    effective(name: string, scope: Scope): unknown {
      const target = index.resolve(name, scope?.group);
      if (!target) return undefined;
      if (!target.group) return this.visible(target) ? this.raw(target) : undefined;
      return scope && target.group === scope.group && this.visible(target, scope.item) ? this.raw(target, scope.item) : undefined;
    }

    holds(cond: Condition | undefined, scope: Scope): boolean {
      return cond === undefined || evaluateCondition(cond, (name) => this.effective(name, scope));
    }

    required(entry: FieldEntry, item?: number): boolean {
      const field = entry.field;
      if (field.requiredWhen) return this.holds(field.requiredWhen, entry.group ? { group: entry.group, item: item ?? -1 } : undefined);
      return field.optional !== true;
    }
  }

  function locate(path: string): { entry: FieldEntry; item?: number } | undefined {
    const m = PATH.exec(path);
    if (!m) return undefined;
    if (m[3] === undefined) {
      const entry = index.entries.get(m[1] as string);
      return entry && !entry.group ? { entry } : undefined;
    }
    const entry = index.entries.get(`${m[1]}.${m[3]}`);
    return entry ? { entry, item: Number(m[2]) } : undefined;
  }

  // Reverse edges, computed once: who reads each field.
  const shownBy = new Map<string, Set<string>>();
  const stepsBy = new Map<string, Set<number>>();
  const otherwiseBy = new Map<string, Set<string>>();
  const link = <T>(map: Map<string, Set<T>>, cond: Condition | string | undefined, group: FieldEntry | undefined, value: T) => {
    if (cond === undefined) return;
    for (const name of typeof cond === 'string' ? [cond] : referencedFields(cond)) {
      const target = index.resolve(name, group);
      if (target) map.set(target.key, (map.get(target.key) ?? new Set<T>()).add(value));
    }
  };
  form.steps.forEach((step, s) => link(stepsBy, step.visibleWhen, undefined, s));
  for (const entry of index.entries.values()) {
    const field = entry.field;
    link(shownBy, field.visibleWhen, entry.group, entry.key);
    link(otherwiseBy, field.requiredWhen, entry.group, entry.key);
    if (field.type === 'nik') {
      link(otherwiseBy, field.crossCheck?.birthDate, entry.group, entry.key);
      link(otherwiseBy, field.crossCheck?.sex?.field, entry.group, entry.key);
    }
  }
  const dependents = new Map<string, Dependents>();

  function dependentsOf(key: string): Dependents {
    const known = dependents.get(key);
    if (known) return known;
    const fields = new Set<string>();
    const steps = new Set<number>();
    const queue = [key];
    const push = (next: string) => {
      if (fields.has(next) || next === key) return;
      fields.add(next);
      queue.push(next);
    };
    for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
      shownBy.get(k)?.forEach(push);
      otherwiseBy.get(k)?.forEach((d) => d !== key && fields.add(d));
      children.get(k)?.forEach((child) => push(child.key));
      stepsBy.get(k)?.forEach((s) => {
        steps.add(s);
        onStep[s]?.forEach((entry) => push(entry.key));
      });
    }
    const result = { fields: [...fields], steps: [...steps].sort((a, b) => a - b) };
    dependents.set(key, result);
    return result;
  }

  const evaluate = (answers: Answers): Evaluation => new Evaluated(answers);

  return {
    form,
    index,
    topLevel,
    onStep,
    children,
    evaluate,
    locate,
    pathOf,
    visibleSteps(answers) {
      const ev = evaluate(answers);
      return form.steps.map((_, s) => s).filter((s) => ev.stepVisible(s));
    },
    isVisible(path, answers) {
      const at = locate(path);
      return at !== undefined && evaluate(answers).visible(at.entry, at.item);
    },
    isRequired(path, answers) {
      const at = locate(path);
      return at !== undefined && evaluate(answers).required(at.entry, at.item);
    },
    holds(cond, answers, item) {
      const group = item ? index.entries.get(item.group) : undefined;
      return evaluate(answers).holds(cond, group && item ? { group, item: item.index } : undefined);
    },
    dependentsOf,
  };
}
