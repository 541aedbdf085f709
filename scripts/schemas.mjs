// Writes dist/schemas/<kind>.v<N>.json: a JSON Schema (draft 2020-12) for each
// document format, generated from its zod definition, never written by hand.
// Called by scripts/build.mjs with the staging folder it builds into; runs on
// its own too (`node scripts/schemas.mjs [dist]`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';

/**
 * zod's input side of a pipe is its first stage. The permit form checks a
 * field's `type` with a loose object first (so an unknown type gets one clear
 * message) and only then the discriminated union of field shapes; described
 * literally, every field would be "any object with a type". For such a pipe
 * (a loose object, then the real shape) describe the second stage instead.
 */
function inputPipe(original) {
  return (schema, ctx, json, params) => {
    const { in: first, out: second } = schema._zod.def;
    const precheck = first._zod.def.type === 'object' && first._zod.def.catchall?._zod.def.type === 'unknown';
    if (!precheck) return original(schema, ctx, json, params);
    // Name each branch of a discriminated union after its tag (`PostalCodeField`),
    // so the shapes are written once in $defs and an editor can say which one failed.
    const tag = second._zod.def.discriminator;
    for (const option of second._zod.def.options ?? []) {
      const value = tag && option._zod.def.shape?.[tag]?._zod.def.values?.[0];
      if (typeof value !== 'string' || ctx.metadataRegistry.has(option)) continue;
      const name = value.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
      ctx.metadataRegistry.add(option, { id: `${name}${tag === 'type' ? 'Field' : ''}` });
    }
    z.core.processSchema(second, ctx, params);
    ctx.seen.get(schema).ref = second;
  };
}

/** The JSON Schema of one format, with `$id`, `title` and `description`. */
export function jsonSchemaOf(format, { id, names = {} } = {}) {
  // Shared pieces (Text, Condition…) become $defs named after their export,
  // so an editor's hover says "Text" rather than "__schema3".
  const metadata = z.registry();
  for (const [name, schema] of Object.entries(names)) {
    if (schema !== format.schema && schema?._zod && !metadata.has(schema)) metadata.add(schema, { id: name });
  }
  // The functional z.toJSONSchema takes no processors, so use the generator
  // (same implementation) to swap in the pipe rule for this run only.
  const generator = new z.core.JSONSchemaGenerator({ target: 'draft-2020-12', io: 'input', unrepresentable: 'any', metadata });
  generator.ctx.processors = { ...generator.ctx.processors, pipe: inputPipe(generator.ctx.processors.pipe) };
  generator.process(format.schema);
  const body = generator.emit(format.schema, { cycles: 'ref', reused: 'inline' });
  const { $schema, ...rest } = body;
  return {
    $schema,
    $id: id,
    title: format.title,
    description: format.description,
    ...rest,
  };
}

/** Writes every format's schema into `<dist>/schemas/`; returns the files written. */
export async function writeSchemas(dist) {
  const lib = await import(pathToFileURL(`${dist}/esm/index.js`).href);
  mkdirSync(`${dist}/schemas`, { recursive: true });
  const written = [];
  for (const format of lib.DOCUMENT_FORMATS) {
    const file = lib.schemaFileName(format);
    // A URN, not a URL: the schema ships in the package and is referenced by
    // a relative path; it is not served from any host we could promise.
    const schema = jsonSchemaOf(format, { id: `urn:loket:schema:${file.replace(/\.json$/, '')}`, names: lib });
    writeFileSync(`${dist}/schemas/${file}`, `${JSON.stringify(schema, null, 2)}\n`);
    written.push(`schemas/${file}`);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
  console.log((await writeSchemas(dist)).join('\n'));
}
