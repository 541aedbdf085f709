import { expect } from '@open-wc/testing';
import '../widgets/permit-form/permit-form.js';
import '../widgets/requirement-checklist/requirement-checklist.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { mount, unmountAll } from './helpers.js';

// The checklist hands its answers to the form in the URL (WCAG 3.3.7: no
// asking twice). This checks the two demo documents agree on names and values.

afterEach(unmountAll);

const pairs: Array<{ checklist: string; form: string; answers: Record<string, string> }> = [
  { checklist: 'reklame', form: 'izin-reklame', answers: { requestType: 'baru', applicantType: 'badan-usaha', represented: 'ya', largeSign: 'tidak' } },
  { checklist: 'pbg', form: 'pbg', answers: { applicantType: 'perorangan', ownsLand: 'tidak', aboveTwoFloors: 'ya' } },
];

describe('the checklist-to-form hand-off', () => {
  for (const pair of pairs) {
    it(`carries the ${pair.checklist} checklist answers into the ${pair.form} form`, async () => {
      const probe = mount<HTMLElement>(`<loket-requirement-checklist src="/demo/checklists/${pair.checklist}.json" remember-answers="false"></loket-requirement-checklist>`);
      await probe.next('loket-ready');
      const checklist = probe.el;
      for (const [name, value] of Object.entries(pair.answers)) {
        const radio = checklist.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
        expect(radio, `${pair.checklist}: ${name}=${value}`).to.exist;
        radio!.click();
        await (checklist as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      }
      const href = checklist.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="apply"]')!.href;
      const target = new URL(href);
      expect(target.pathname).to.match(/^\/demo\/forms\/.+\.html$/);
      const page = location.href;
      history.replaceState(history.state, '', `${location.pathname}${target.search}`);
      try {
        const formProbe = mount<LoketPermitForm>(`<loket-permit-form src="/demo/forms/${pair.form}.json"></loket-permit-form>`);
        await formProbe.next('loket-ready');
        const form = formProbe.el;
        form.initialAnswers = undefined;
        await form.updateComplete;
        const answered = (form as unknown as { answers: Record<string, unknown> }).answers;
        for (const [name, value] of Object.entries(pair.answers)) expect(answered[name], `${pair.form}.${name}`).to.equal(value);
        // And the citizen sees them chosen on the first step.
        const shown = Object.entries(pair.answers).filter(([name]) => form.shadowRoot!.querySelector(`input[name="${name}"]`));
        expect(shown.length).to.be.greaterThan(0);
        for (const [name, value] of shown) expect(form.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!.checked).to.equal(true);
      } finally {
        history.replaceState(history.state, '', page);
      }
    });
  }
});
