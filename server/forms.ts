// The forms the receiver accepts: read from the forms folder (or given by
// the caller), parsed with the same parser and validator the browser runs,
// with the request limits worked out from each.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForm, type FormDocument } from '../src/form/format.js';
import type { RegionLookup } from '../src/form/region.js';
import { createValidator, type Validator } from '../src/form/validate.js';
import { capacityProblem, formCapacity, formRequestBytes, type FormCapacity } from './limits.js';

/** A form id as it may appear in a URL. */
export const FORM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface LoadedForm {
  readonly id: string;
  readonly form: FormDocument;
  readonly validator: Validator;
  readonly capacity: FormCapacity;
  /** The largest request this form's submissions may be, never more than the receiver's limit. */
  readonly requestBytes: number;
}

/** Form documents by id: an object, or a function (tests make forms on demand). */
export type FormSource = Readonly<Record<string, unknown>> | ((id: string) => unknown);

export interface Forms {
  /** The form, or undefined when there is none (or it is invalid: logged). */
  get(id: string): LoadedForm | undefined;
  /** The ids of the forms folder's documents (valid or not), read at most every FORMS_LIST_MS. */
  ids(): readonly string[];
}

/** How long the forms folder's listing is kept before it is read again, ms. */
export const FORMS_LIST_MS = 10_000;

export function createForms(options: {
  readonly dir?: string | undefined;
  readonly source?: FormSource | undefined;
  readonly maxRequestBytes: number;
  readonly maxJsonBytes: number;
  readonly today: () => { year: number; month: number; day: number };
  /** Region data: a region field's scope and answers are checked against it. */
  readonly regions?: RegionLookup | undefined;
  readonly log: (line: string) => void;
}): Forms {
  const cache = new Map<string, LoadedForm | undefined>();
  let listed: { at: number; ids: readonly string[] } | undefined;
  const read = (id: string): unknown => {
    const { source } = options;
    const given = typeof source === 'function' ? source(id) : source && Object.hasOwn(source, id) ? source[id] : undefined;
    if (given !== undefined) return given;
    if (!options.dir) return undefined;
    const path = join(options.dir, `${id}.json`);
    if (!existsSync(path)) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      options.log(`receiver: ${path} is not valid JSON: ${(error as Error).message}`);
      return null;
    }
  };
  return {
    ids() {
      const at = Date.now();
      if (!listed || at - listed.at >= FORMS_LIST_MS) {
        const dir = options.dir;
        const ids = dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && FORM_ID.test(f.slice(0, -5))).map((f) => f.slice(0, -5)) : [];
        listed = { at, ids };
      }
      return listed.ids;
    },
    get(id) {
      if (!FORM_ID.test(id)) return undefined;
      if (cache.has(id)) return cache.get(id);
      const json = read(id);
      let loaded: LoadedForm | undefined;
      if (json !== undefined && json !== null) {
        const parsed = parseForm(json, 'en', { regions: options.regions });
        if (!parsed.ok) options.log(`receiver: form ${id} is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
        else if (parsed.value.id !== id) options.log(`receiver: ${id}.json declares id "${parsed.value.id}"; the file name and the id must agree`);
        else {
          const capacity = formCapacity(parsed.value);
          const problem = capacityProblem(capacity, options, 'en');
          if (problem) options.log(`receiver: form ${id}: ${problem}`);
          loaded = {
            id,
            form: parsed.value,
            validator: createValidator(parsed.value, { today: options.today, regions: options.regions }),
            capacity,
            requestBytes: Math.min(options.maxRequestBytes, formRequestBytes(capacity, options.maxJsonBytes)),
          };
        }
      }
      // Only found forms are cached: a form added to the folder later is picked up.
      if (loaded) cache.set(id, loaded);
      return loaded;
    },
  };
}
