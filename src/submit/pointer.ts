// JSON pointers (RFC 6901): reading the tracking number from a response, and
// turning a server's error pointer into the answer path the form uses.

function tokens(pointer: string): string[] | undefined {
  const p = pointer.startsWith('#') ? decodeURIComponentSafe(pointer.slice(1)) : pointer;
  if (p === undefined) return undefined;
  if (p === '') return [];
  if (!p.startsWith('/')) return undefined;
  return p.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function decodeURIComponentSafe(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The value a JSON pointer names in a document, or `undefined`. Never reads inherited keys. */
export function readPointer(doc: unknown, pointer: string): unknown {
  const parts = tokens(pointer);
  if (!parts) return undefined;
  let value = doc;
  for (const part of parts) {
    if (Array.isArray(value)) {
      if (!/^(0|[1-9]\d*)$/.test(part)) return undefined;
      value = value[Number(part)];
    } else if (value !== null && typeof value === 'object' && Object.hasOwn(value, part)) {
      value = (value as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return value;
}

/**
 * The answer path for a server's error location: a JSON pointer into the
 * payload (`/answers/vessels/1/name` → `vessels[1].name`), a pointer into the
 * answers alone (`/vessels/1/name`), or a field path as the form writes it
 * (`vessels[1].name`, also `vessels.1.name`). `undefined` when unusable.
 */
export function answerPath(location: string): string | undefined {
  const loc = location.trim();
  if (loc === '') return undefined;
  let parts: string[] | undefined;
  if (loc.startsWith('/') || loc.startsWith('#')) {
    parts = tokens(loc);
    if (parts && parts[0] === 'answers') parts = parts.slice(1);
  } else {
    parts = loc.replace(/\[(\d+)\]/g, '.$1').split('.');
  }
  if (!parts || parts.length === 0 || parts.some((p) => p === '')) return undefined;
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      if (!out) return undefined;
      out += `[${part}]`;
    } else {
      out += out ? `.${part}` : part;
    }
  }
  return out;
}
