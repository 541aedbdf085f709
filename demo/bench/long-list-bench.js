// Measures the searchable list for `npm run bench`: a select of 2,000 options
// (a KBLI-sized list), the time from a keystroke to the filtered list on
// screen, over a realistic sequence of queries. Synthetic options: the
// labels are made of common Indonesian words, not real KBLI titles.

const WORDS = ['perdagangan', 'eceran', 'besar', 'industri', 'makanan', 'minuman', 'konstruksi', 'gedung', 'jasa', 'angkutan', 'pertanian', 'perikanan', 'hotel', 'restoran', 'kecantikan', 'komputer', 'bangunan', 'kayu', 'logam', 'tekstil'];

function options(count) {
  return Array.from({ length: count }, (_, i) => {
    const words = [WORDS[i % 20], WORDS[(i * 7) % 20], WORDS[(i * 13 + 3) % 20], `nomor ${i + 1}`];
    return { value: String(10000 + i), label: `${10000 + i} ${words.join(' ')}` };
  });
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const QUERIES = ['m', 'ma', 'mak', 'maka', 'makan', 'makan ', 'makan g', 'makan ge', 'makan ged', 'makan gedung', 'makan gedun', 'makan gedu', 'makan ged', 'makan ge', 'makan g', 'makan ', 'makan', ''];

async function run() {
  const el = document.createElement('loket-permit-form');
  document.body.append(el);
  await customElements.whenDefined('loket-permit-form');
  const ready = new Promise((resolve) => el.addEventListener('loket-ready', resolve, { once: true }));
  el.data = {
    version: 1,
    id: 'bench-long-list',
    title: 'Daftar panjang',
    office: { name: 'DPMPTSP Uji' },
    help: { email: 'uji@example.org' },
    steps: [{ heading: 'Bidang usaha', fields: [{ type: 'select', name: 'kbli', label: 'Bidang usaha', options: options(2000) }] }],
  };
  await ready;
  await el.updateComplete;
  const input = el.shadowRoot.getElementById('f-kbli');
  if (input?.getAttribute('role') !== 'combobox') throw new Error('the 2,000-option select is not a combobox');
  input.focus();
  const costs = [];
  for (let round = 0; round < 10; round++) {
    for (const query of QUERIES) {
      input.value = query;
      const started = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      // Layout included: the list the citizen sees.
      el.shadowRoot.querySelector('.listbox')?.getBoundingClientRect();
      costs.push(performance.now() - started);
    }
  }
  const shown = el.shadowRoot.querySelectorAll('[role="option"]').length;
  el.remove();
  costs.sort((a, b) => a - b);
  return {
    'keystroke to filtered list, 2000 options (ms, mean)': mean(costs),
    'keystroke to filtered list, 2000 options (ms, 95th percentile)': costs[Math.floor(costs.length * 0.95)],
    'options shown for an empty query': shown,
  };
}

run().then(
  (results) => (window.__benchResults = results),
  (error) => (window.__benchResults = { error: String(error) }),
);
