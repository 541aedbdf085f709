// Length limits of text answers, in a module of their own (no zod) so the
// validator and the element can use them without the document parser.

/**
 * The longest answer a text question takes when the author sets no
 * `maxLength` (never below its `minLength`): enough for any name, address or
 * description, and no one can store a 29 MB "name". Checked in the browser
 * and on the server before any pattern runs.
 */
export const DEFAULT_MAX_LENGTH = { text: 500, textarea: 5000, email: 254 } as const;

/** The longest answer a text, textarea or email question takes: its `maxLength`, else the default. */
export function maxLengthOf(field: { readonly type: keyof typeof DEFAULT_MAX_LENGTH; readonly maxLength?: number | undefined; readonly minLength?: number | undefined }): number {
  return field.maxLength ?? Math.max(DEFAULT_MAX_LENGTH[field.type], field.minLength ?? 0);
}
