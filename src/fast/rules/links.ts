import { contactProblem, type ContactKind } from '../../contact.js';
import { isAllowedUrl } from '../../url.js';
import { one, unless } from './issue.js';

/** Links and contact lines: every format has them. */
export const LINKS_RULES = {
  url: (value: string) => unless(isAllowedUrl(value), { key: 'schema.url', value }),
  contact: (c: { kind: ContactKind; value: string }) => {
    const key = contactProblem(c.kind, c.value);
    return key ? one({ key, value: c.value }, 'value') : undefined;
  },
} as const;
