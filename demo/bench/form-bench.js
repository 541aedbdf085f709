// Measures the permit form in the browser for `npm run bench`: render time for
// generated forms of 50, 200 and 1000 fields, the cost of one keystroke in a
// 1000-field form (with and without dependants), and an all-empty Continue.

const TYPES = ['text', 'nik', 'phone', 'number', 'radio', 'email', 'postal-code', 'textarea', 'select', 'date'];

function field(i) {
  const type = TYPES[i % TYPES.length];
  const base = { type, name: `f${i}`, label: `Pertanyaan ${i + 1}`, hint: i % 3 === 0 ? `Petunjuk ${i + 1}` : undefined };
  if (type === 'radio' || type === 'select') base.options = [{ value: 'a', label: 'Pilihan A' }, { value: 'b', label: 'Pilihan B' }];
  // Every 25th field depends on the one before it, as conditional questions do.
  if (i % 25 === 24) base.visibleWhen = { field: `f${i - 1}`, filled: true };
  return base;
}

function form(count) {
  return {
    version: 1,
    id: `bench-${count}`,
    title: 'Formulir pengukuran',
    office: { name: 'DPMPTSP Uji' },
    help: { email: 'uji@example.org' },
    steps: [{ heading: 'Semua pertanyaan', fields: Array.from({ length: count }, (_, i) => field(i)) }],
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// performance.now() is coarsened to 0.1 ms: a single keystroke is below that, so report the mean of many.
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function mount(count) {
  const el = document.createElement('loket-permit-form');
  document.body.append(el);
  await customElements.whenDefined('loket-permit-form');
  const ready = new Promise((resolve) => el.addEventListener('loket-ready', resolve, { once: true }));
  const started = performance.now();
  el.data = form(count);
  await ready;
  await el.updateComplete;
  const rendered = performance.now() - started;
  return { el, rendered };
}

async function keystrokes(el, id, times) {
  const input = el.shadowRoot.getElementById(id);
  const costs = [];
  for (let i = 0; i < times; i++) {
    input.value = `isi ${i}`;
    const started = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    costs.push(performance.now() - started);
  }
  return costs;
}

async function run() {
  const results = {};
  for (const count of [50, 200, 1000]) {
    const runs = [];
    for (let r = 0; r < 3; r++) {
      const { el, rendered } = await mount(count);
      runs.push(rendered);
      el.remove();
      await frame();
    }
    results[`render ${count} fields (ms)`] = median(runs);
  }
  const { el } = await mount(1000);
  results['keystroke, 1000 fields, no dependants (ms, mean of 200)'] = mean(await keystrokes(el, 'f-f0', 200));
  results['keystroke, 1000 fields, with a dependant (ms, mean of 200)'] = mean(await keystrokes(el, 'f-f23', 200));
  const started = performance.now();
  el.shadowRoot.querySelector('.actions .button').click();
  await el.updateComplete;
  results['Continue on an empty 1000-field form: validate + show errors (ms)'] = performance.now() - started;
  results['errors shown'] = el.shadowRoot.querySelectorAll('.error-message').length;
  el.remove();
  return results;
}

run().then(
  (results) => {
    window.__benchResults = results;
    document.getElementById('hasil').textContent = JSON.stringify(results, null, 2);
  },
  (error) => {
    window.__benchResults = { error: String(error) };
  },
);
