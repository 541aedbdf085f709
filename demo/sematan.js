// "Kode sematan" builder (demo/sematan.html): widget + document URL + language
// → a snippet pinned to this build's version, with the SRI hash of loket.js
// from dist/sri.json (written at build time). A static file: the demo runs
// under script-src 'self'.
const form = document.getElementById('pembuat');
const code = document.getElementById('kode');
const preview = document.getElementById('pratinjau');
const copied = document.getElementById('salin-status');

/** Demo documents, so the preview works before the webmaster types their own URL. */
const EXAMPLES = {
  'loket-service-status': '/demo/status/tabanan.json',
  'loket-requirement-checklist': '/demo/checklists/pbg.json',
  'loket-permit-form': '/demo/forms/tanya-ptsp.json',
};
const FALLBACK_TEXT = {
  'loket-service-status': 'Lihat status layanan di situs kantor',
  'loket-requirement-checklist': 'Lihat daftar persyaratan di situs kantor',
  'loket-permit-form': 'Unduh formulir permohonan',
};

const sri = await (await fetch('/dist/sri.json')).json();
for (const el of document.querySelectorAll('[data-version]')) el.textContent = sri.version;
form.elements.base.value = `https://situs-anda.go.id/loket/${sri.version}/`;
form.elements.src.value = EXAMPLES['loket-service-status'];

const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function choices() {
  const data = new FormData(form);
  const base = String(data.get('base') || './').trim();
  return {
    widget: String(data.get('widget')),
    src: String(data.get('src')).trim(),
    lang: String(data.get('lang')),
    loader: `${base}${base.endsWith('/') ? '' : '/'}loket.js`,
    fallback: String(data.get('fallback')).trim(),
  };
}

/** The snippet, as text to copy. */
function snippet({ widget, src, lang, loader, fallback }) {
  const attrs = [`src="${attr(src)}"`, lang ? `lang="${lang}"` : '', widget === 'loket-service-status' ? 'refresh="300"' : ''].filter(Boolean).join(' ');
  const inner = fallback ? `\n  <a href="${attr(fallback)}">${text(FALLBACK_TEXT[widget])}</a>\n` : '';
  return `<!-- loket ${sri.version}: sekali per halaman -->
<script type="module" src="${attr(loader)}"
  integrity="${sri['loket.js']}" crossorigin="anonymous"></script>

<${widget} ${attrs}>${inner}</${widget}>
`;
}

let previewed = '';
function update() {
  const chosen = choices();
  code.textContent = snippet(chosen);
  copied.textContent = '';
  // The preview renders the same element with the real widget (the page loads /dist/loket.js).
  const key = `${chosen.widget} ${chosen.src} ${chosen.lang}`;
  if (key === previewed) return;
  previewed = key;
  const el = document.createElement(chosen.widget);
  el.setAttribute('src', chosen.src);
  if (chosen.lang) el.setAttribute('lang', chosen.lang);
  el.setAttribute('heading-level', '3');
  const link = document.createElement('a');
  link.href = chosen.fallback || '#';
  link.textContent = FALLBACK_TEXT[chosen.widget];
  el.append(link);
  preview.replaceChildren(el);
}

form.addEventListener('change', (event) => {
  if (event.target.name === 'widget') {
    const example = Object.values(EXAMPLES).includes(form.elements.src.value) || !form.elements.src.value;
    if (example) form.elements.src.value = EXAMPLES[event.target.value];
  }
  update();
});
form.addEventListener('input', update);
form.addEventListener('submit', (event) => event.preventDefault());

document.getElementById('salin').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(code.textContent);
    copied.textContent = 'Kode tersalin.';
  } catch {
    // No clipboard permission (http, an old browser): select the code for Ctrl+C.
    getSelection().selectAllChildren(code);
    copied.textContent = 'Kode sudah dipilih; tekan Ctrl+C untuk menyalin.';
  }
});

update();
