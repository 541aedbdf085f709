// One flat form on the page for `npm run bench` (flat.html?n=1000&peer=loket
// or &peer=plain): renders it, then exposes `window.__bench` for the bench
// script to read render time and to time an empty submit until every
// message is painted (as the shared bench of issue #12 does).
import { flatForm, requiredCount } from './flat-form.js';
import { renderPlain } from './plain-dom.js';

const params = new URLSearchParams(location.search);
const count = Number(params.get('n') ?? 1000);
const peer = params.get('peer') ?? 'loket';
const doc = flatForm(count);
const main = document.getElementById('tempat');
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function render() {
  if (peer === 'plain') {
    const started = performance.now();
    const button = renderPlain(doc, main);
    await painted();
    return { ms: performance.now() - started, button, root: document, errors: '.err' };
  }
  const el = document.createElement('loket-permit-form');
  main.append(el);
  await import('/dist/loket.js');
  await customElements.whenDefined('loket-permit-form');
  const ready = new Promise((resolve) => el.addEventListener('loket-ready', resolve, { once: true }));
  const started = performance.now();
  el.data = doc;
  await ready;
  await el.updateComplete;
  await painted();
  return { ms: performance.now() - started, button: el.shadowRoot.querySelector('.actions .button'), root: el.shadowRoot, errors: '.error-message' };
}

const shown = (root, selector) => [...root.querySelectorAll(selector)].filter((e) => e.textContent.trim() && e.getClientRects().length).length;

render().then(
  ({ ms, button, root, errors }) => {
    window.__bench = {
      render: ms,
      expected: requiredCount(count),
      /** Clicks submit; resolves with the time until every required message is painted. */
      async submit() {
        const started = performance.now();
        button.click();
        for (;;) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const seen = shown(root, errors);
          if (seen >= this.expected || performance.now() - started > 20_000) {
            await painted();
            return { ms: performance.now() - started, shown: seen };
          }
        }
      },
    };
  },
  (error) => (window.__bench = { error: String(error) }),
);
