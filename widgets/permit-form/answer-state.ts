// The citizen's answers while the form is open: one mutable object, written
// in place on every keystroke (no copy of a 1000-field form per key press).

const PATH = /^([A-Za-z][A-Za-z0-9_]*)(?:\[(\d+)\]\.([A-Za-z][A-Za-z0-9_]*))?$/;

/** A parsed answer path: `nik`, or `vessels[1].name`. */
export interface AnswerPath {
  readonly name: string;
  readonly item?: number;
  readonly child?: string;
}

/** Reads `nik` or `vessels[1].name`; `undefined` for anything else. */
export function parsePath(path: string): AnswerPath | undefined {
  const m = PATH.exec(path);
  if (!m) return undefined;
  return m[3] === undefined ? { name: m[1] as string } : { name: m[1] as string, item: Number(m[2]), child: m[3] };
}

/** The path of a field: top level, or inside an item of a group. */
export function pathOf(name: string, item?: { readonly group: string; readonly index: number }): string {
  return item ? `${item.group}[${item.index}].${name}` : name;
}

/** The field key the validator uses for dependencies: `nik`, or `vessels.name`. */
export function keyOf(path: string): string {
  const p = parsePath(path);
  return p?.child ? `${p.name}.${p.child}` : path;
}

/** A DOM id for a path, unique inside the form's shadow root. */
export function idOf(path: string, suffix = ''): string {
  return `f-${path.replace(/\[(\d+)\]\./g, '-$1-')}${suffix ? `-${suffix}` : ''}`;
}

const own = (object: unknown, key: string): unknown =>
  object !== null && typeof object === 'object' && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;

/** The answer at a path. */
export function readAnswer(answers: Record<string, unknown>, path: string): unknown {
  const p = parsePath(path);
  if (!p) return undefined;
  const top = own(answers, p.name);
  if (p.child === undefined) return top;
  return Array.isArray(top) ? own(top[p.item ?? -1], p.child) : undefined;
}

/** Writes the answer at a path in place, creating a group item's object when needed. */
export function writeAnswer(answers: Record<string, unknown>, path: string, value: unknown): void {
  const p = parsePath(path);
  if (!p) return;
  if (p.child === undefined) {
    answers[p.name] = value;
    return;
  }
  const items = Array.isArray(answers[p.name]) ? (answers[p.name] as unknown[]) : (answers[p.name] = []);
  const index = p.item ?? 0;
  const item = items[index];
  const target = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : (items[index] = {} as Record<string, unknown>);
  target[p.child] = value;
}

/** The items of a group's answer, for reading: an empty list when there are none (nothing is written). */
export function itemsOf(answers: Record<string, unknown>, name: string): readonly Record<string, unknown>[] {
  const value = answers[name];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

/** The items of a group's answer, as a live array to change (created when missing). */
export function groupItems(answers: Record<string, unknown>, name: string): Record<string, unknown>[] {
  const value = answers[name];
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  const items: Record<string, unknown>[] = [];
  answers[name] = items;
  return items;
}
