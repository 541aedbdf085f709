import { expect } from '@open-wc/testing';
import { checkForm } from '../../src/form/check.js';
import { addWholeCheck, documentPasses, formParser } from '../../src/form/fast.js';
import type { FormDocument } from '../../src/form/format.js';
import { doc, text } from '../fixtures/broken-forms.js';

// The form's fast path in two steps (src/form/fast.ts): the shape before the
// first render, the whole-document checks once their code has arrived.

describe('the permit form\'s fast path', () => {
  const cycle = doc([text('a', { visibleWhen: { field: 'b', filled: true } }), text('b', { visibleWhen: { field: 'a', filled: true } })]) as unknown as FormDocument;
  const good = doc([text('a'), text('b', { visibleWhen: { field: 'a', filled: true } })]) as unknown as FormDocument;
  const badShape = { ...doc([text('a')]), version: 2 };

  it('accepts a document on its shape alone until the whole-document checks are here, then completes the verdict', () => {
    expect(formParser.parse(badShape, 'id'), 'the shape is always checked').to.equal(undefined);
    expect(formParser.parse(cycle, 'id')).to.deep.equal({ ok: true, value: cycle });
    expect(documentPasses(cycle)).to.equal(undefined);

    addWholeCheck(checkForm);
    expect(documentPasses(cycle)).to.equal(false);
    expect(documentPasses(good)).to.equal(true);
    // From now on a broken document goes to zod before it renders, as before.
    expect(formParser.parse(structuredClone(cycle), 'id')).to.equal(undefined);
    expect(formParser.parse(good, 'id')).to.deep.equal({ ok: true, value: good });
  });
});
