import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { flatForm } from '../demo/bench/flat-form.js';
import { everyField } from './fixtures/forms.js';
import { mountForm, unmountAll } from './helpers.js';

// How a failed Continue shows its errors on a long step (issue #12): a
// message at every question, a summary that names the first ten problems and
// links on to the rest, and questions updated in place, not re-built.

type Form = LoketPermitForm;

const root = (el: Form) => el.shadowRoot!;
const q = <T extends HTMLElement = HTMLElement>(el: Form, selector: string) => root(el).querySelector<T>(selector);
const links = (el: Form) => [...root(el).querySelectorAll<HTMLAnchorElement>('.error-summary-list a')];
const inline = (el: Form) => [...root(el).querySelectorAll('.error-message')].map((p) => p.textContent!.replace(/^\s*(Galat|Error):/, '').trim());
const press = async (el: Form) => {
  q(el, '.actions .button')!.click();
  await el.updateComplete;
};
const type = async (el: Form, id: string, value: string) => {
  const input = q<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
};
/** Every question's box as markup, by its path. */
const boxes = (el: Form) => new Map([...root(el).querySelectorAll<HTMLElement>('[part="field"]')].map((box) => [box.dataset.field, box.outerHTML]));
/** Re-builds every question from scratch (what a change of language does), to compare with the boxes updated in place. */
const rebuild = async (el: Form) => {
  (el as unknown as { generation: number }).generation++;
  el.requestUpdate();
  await el.updateComplete;
};

afterEach(() => unmountAll());

describe('<loket-permit-form> errors on a long step', () => {
  it('draws errors with their styles, which come with the checks (checks.styles.ts): the bar, red text, the bordered summary', async () => {
    const el = await mountForm(everyField());
    await press(el);
    const style = (selector: string) => getComputedStyle(q(el, selector)!);
    expect(style('.field-invalid').borderInlineStartWidth).to.equal('5px');
    expect(style('.error-message').fontWeight).to.equal('700');
    expect(style('.error-message').color).to.equal('rgb(179, 38, 30)');
    expect(style('.error-summary').borderTopWidth).to.equal('5px');
  });

  it('names the first ten problems in the summary and links on to the eleventh, with a message at every question', async () => {
    // 40 questions, 36 of them required (every tenth is an optional checkbox).
    const el = await mountForm(flatForm(40));
    await press(el);
    expect(root(el).activeElement).to.equal(q(el, '.error-summary'));
    expect(inline(el)).to.have.length(36);
    const shown = links(el);
    expect(shown).to.have.length(11);
    // The first ten in the order of the step, in the same words as at the questions.
    expect(shown.slice(0, 10).map((a) => a.textContent!.trim())).to.deep.equal(inline(el).slice(0, 10));
    const more = shown[10]!;
    expect(more.textContent!.trim()).to.equal('Dan 26 masalah lain; buka yang berikutnya');
    // The eleventh problem is question 12 (question 9 is the optional checkbox).
    expect(more.getAttribute('href')).to.equal('#f-f0012');
    more.click();
    expect(root(el).activeElement?.id).to.equal('f-f0012');
    await expect(el).to.be.accessible();
  });

  it('follows the summary with the keyboard alone', async () => {
    const el = await mountForm(flatForm(40));
    await press(el);
    expect(root(el).activeElement).to.equal(q(el, '.error-summary'));
    // Tab from the focused summary goes through its links in order; Enter on the last one reaches question 12.
    for (let i = 0; i < 11; i++) await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent).to.contain('26 masalah lain');
    await sendKeys({ press: 'Enter' });
    expect(root(el).activeElement?.id).to.equal('f-f0012');
  });

  it('says it in English too, one and many', async () => {
    const many = await mountForm(flatForm(40), 'lang="en"');
    await press(many);
    expect(links(many)[10]!.textContent!.trim()).to.equal('And 26 more problems; go to the next one');
    unmountAll();
    // 12 questions: 11 required, so one more than the summary names.
    const one = await mountForm(flatForm(12), 'lang="en"');
    await press(one);
    expect(links(one).map((a) => a.textContent!.trim()).at(-1)).to.equal('And 1 more problem; go to it');
  });

  it('lists every problem, with no extra line, when there are ten or fewer', async () => {
    const el = await mountForm(flatForm(11));
    await press(el);
    expect(links(el).map((a) => a.textContent!.trim())).to.deep.equal(inline(el));
    expect(links(el)).to.have.length(10);
    expect(q(el, '.error-summary-more')).to.equal(null);
  });

  it('updates the questions in place to exactly what a fresh build shows, with their marks for assistive technology', async () => {
    const el = await mountForm(flatForm(20));
    await press(el);
    const updated = boxes(el);
    // Every kind of question: text, email, phone, number, date, select, radio, textarea, checkbox, pattern.
    expect(updated.size).to.equal(20);
    await rebuild(el);
    expect(boxes(el)).to.deep.equal(updated);
    const input = q<HTMLInputElement>(el, '#f-f0001')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('f-f0001-error');
    expect(q(el, '#f-f0005-fieldset')!.getAttribute('aria-describedby')).to.equal('f-f0005-example f-f0005-error');
    expect(q(el, '#f-f0005-day')!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#f-f0007-fieldset')!.getAttribute('aria-describedby')).to.equal('f-f0007-error');

    // Fix two answers, half-fill a date: a second Continue changes those questions only.
    const untouched = q(el, '#f-f0002-error');
    await type(el, 'f-f0001', 'Siti');
    await type(el, 'f-f0015-day', '12');
    await type(el, 'f-f0016', 'o2');
    await press(el);
    expect(q(el, '#f-f0001-error')).to.equal(null);
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
    expect(q(el, '#f-f0016-error')).to.equal(null);
    expect(q(el, '#f-f0015-error')).to.not.equal(null);
    // The question beside them kept its very message element.
    expect(q(el, '#f-f0002-error')).to.equal(untouched);
    const again = boxes(el);
    await rebuild(el);
    expect(boxes(el)).to.deep.equal(again);
  });

  it('updates messages in place in a form of every field type, groups included, as a fresh build would', async () => {
    const el = await mountForm(everyField());
    await press(el);
    const updated = boxes(el);
    expect(root(el).querySelectorAll('.error-message').length).to.be.greaterThan(2);
    await rebuild(el);
    expect(boxes(el)).to.deep.equal(updated);
  });
});
