import { expect } from '@open-wc/testing';
import { render } from 'lit';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { litField, type FieldContext } from '../widgets/permit-form/fields.js';
import * as filesGroups from '../widgets/permit-form/files-groups.js';
import { createConditions } from '../src/form/conditions.js';
import type { FormDocument, GroupField } from '../src/form/format.js';
import { flatForm } from '../demo/bench/flat-form.js';
import { mountForm, unmountAll } from './helpers.js';

// What rendering costs per question (issue #12): DOM nodes, and how much of
// the form a keystroke or a Continue touches.

type Form = LoketPermitForm;

const root = (el: Form) => el.shadowRoot!;

function countNodes(node: Node, counts = { all: 0, comments: 0 }) {
  counts.all++;
  if (node.nodeType === Node.COMMENT_NODE) counts.comments++;
  for (let child = node.firstChild; child; child = child.nextSibling) countNodes(child, counts);
  return counts;
}

afterEach(() => unmountAll());

describe('<loket-permit-form> rendering cost', () => {
  it('renders a 1000-question form in fewer DOM nodes than hand-written DOM (15,543), with no markers per question', async function () {
    this.timeout(60_000);
    const el = await mountForm(flatForm(1000), '', 20_000);
    expect(root(el).querySelectorAll('[part="field"]').length).to.equal(1000);
    const counts = countNodes(root(el));
    // 13.5 nodes per question today; Lit templates made it 24.
    expect(counts.all).to.be.at.most(14_000);
    expect(counts.comments).to.be.at.most(40);
    // An empty Continue adds one message per required question; the summary names the first ten and links to the next (permit-form-errors.test.ts).
    root(el).querySelector<HTMLElement>('.actions .button')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('.error-message').length).to.equal(900);
    expect(root(el).querySelectorAll('.error-summary-list a').length).to.equal(11);
    expect(countNodes(root(el)).comments).to.be.at.most(40);
  });

  it('re-checks only the question being typed in: the other messages stay as they were and the input keeps focus', async () => {
    const el = await mountForm(flatForm(20));
    root(el).querySelector<HTMLElement>('.actions .button')!.click();
    await el.updateComplete;
    const other = root(el).getElementById('f-f0002-error');
    const input = root(el).getElementById('f-f0001') as HTMLInputElement;
    expect(other).to.not.equal(null);
    input.focus();
    input.value = 'Siti';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).getElementById('f-f0001-error')).to.equal(null);
    expect(input.getAttribute('aria-invalid')).to.equal(null);
    expect(input.isConnected).to.equal(true);
    expect(root(el).activeElement).to.equal(input);
    // The question next to it was not re-built: the very same message element is on the page.
    expect(root(el).getElementById('f-f0002-error')).to.equal(other);
    // Another keystroke in a field that shows no error renders nothing at all: its input stays the same element.
    input.value = 'Siti A';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).getElementById('f-f0001')).to.equal(input);
    expect(input.value).to.equal('Siti A');
  });

  it('shows and hides a conditional question without rebuilding the one that controls it', async () => {
    const doc = flatForm(3);
    doc.steps[0]!.fields[2] = { type: 'text', name: 'f2', label: 'Nama badan usaha', visibleWhen: { field: 'f0002', filled: true } } as never;
    const el = await mountForm(doc);
    expect(root(el).getElementById('f-f2')).to.equal(null);
    const input = root(el).getElementById('f-f0002') as HTMLInputElement;
    // Count the form's renders: the keystroke should re-build the two questions only, not render the form.
    const form = el as unknown as { render(): unknown };
    const render = form.render.bind(el);
    let renders = 0;
    form.render = () => (renders++, render());
    input.focus();
    input.value = 'siti@example.org';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).getElementById('f-f2')).to.not.equal(null);
    expect(renders).to.equal(0);
    expect(root(el).getElementById('f-f0002')).to.equal(input);
    expect(root(el).activeElement).to.equal(input);
  });
});

describe('<loket-permit-form> repeatable groups', () => {
  const doc = {
    version: 1,
    id: 'saksi',
    title: 'Permohonan dengan saksi',
    office: { name: 'DPMPTSP Uji' },
    help: { email: 'uji@example.org' },
    steps: [
      { heading: 'Pemohon', fields: [{ type: 'text', name: 'name', label: 'Nama' }] },
      {
        heading: 'Saksi',
        fields: [{ type: 'group', name: 'witnesses', label: 'Saksi', min: 2, max: 3, fields: [{ type: 'text', name: 'witness', label: 'Nama saksi' }] }],
      },
    ],
  };

  it('starts a group that needs two items with two, on a later step too', async () => {
    const el = await mountForm(doc);
    (root(el).getElementById('f-name') as HTMLInputElement).value = 'Siti';
    root(el).getElementById('f-name')!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root(el).querySelector<HTMLElement>('.actions .button')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="group-item"]').length).to.equal(2);
    expect(root(el).getElementById('f-witnesses-1-witness')).to.not.equal(null);
  });

  it('renders a group without writing to the answers', () => {
    const form = doc as unknown as FormDocument;
    const field = form.steps[1]!.fields[0] as GroupField;
    const answers = Object.freeze({}) as Record<string, unknown>;
    const ctx: FieldContext = {
      locale: 'id',
      answers,
      conditions: createConditions(form),
      headingLevel: 2,
      error: () => undefined,
      warning: () => undefined,
      version: () => '0',
      messagesVersion: () => 0,
      addItem: () => undefined,
      removeItem: () => undefined,
      removeFile: () => undefined,
      filesGroups: () => filesGroups,
      retryFilesGroups: () => undefined,
      longLists: () => undefined,
      retryLongLists: () => undefined,
      setAnswer: () => undefined,
      refresh: () => undefined,
    };
    const box = document.createElement('div');
    // A render that wrote to the frozen answers would throw here.
    render(litField(field, 'witnesses', ctx), box);
    expect(answers).to.deep.equal({});
    expect(box.textContent).to.contain('Belum ada');
  });
});
