// "Kode sematan" (demo/sematan.html): widget + document address + language →
// the snippet of demo/snippet.js (the one the README and docs/ show), pinned to
// this build's version, with the SRI hash of loket.js from dist/sri.json
// (written at build time). A static file: the demo runs under script-src 'self'.
import { WIDGETS, hints, snippet } from './snippet.js';

const form = document.getElementById('pembuat');
const code = document.getElementById('kode');
const preview = document.getElementById('pratinjau');
const previewNote = document.getElementById('pratinjau-catatan');
const copied = document.getElementById('salin-status');
const endpointRow = document.getElementById('baris-penerima');
const hintCode = document.getElementById('petunjuk');

const sri = await (await fetch('/dist/sri.json')).json();
/** Each widget's chunks, as the build lists them (widget name without `loket-` → files beside loket.js). */
const preload = await (await fetch('/dist/preload.json')).json();
for (const el of document.querySelectorAll('[data-version]')) el.textContent = sri.version;
form.elements.base.value = `/loket/${sri.version}/`;

/** What each widget's own fields hold, so switching widget never carries the last one's document over. */
const PER_WIDGET = ['src', 'fallbackHref', 'fallbackText'];
const saved = Object.fromEntries(
  Object.entries(WIDGETS).map(([widget, d]) => [widget, { src: d.src, fallbackHref: d.fallbackHref, fallbackText: d.fallbackText }]),
);
let widget = form.elements.widget.value;

const documentLabel = document.getElementById('dokumen-label');
const documentHint = document.getElementById('dokumen-hint');

function load(next) {
  for (const name of PER_WIDGET) form.elements[name].value = saved[next][name];
  endpointRow.hidden = next !== 'loket-permit-form';
  const service = WIDGETS[next].attribute === 'endpoint';
  documentLabel.textContent = service ? 'Alamat layanan status' : 'Alamat dokumen JSON';
  documentHint.textContent = service
    ? 'Alamat tempat widget menanyakan status permohonan (atribut endpoint); penerima loket menyediakannya di /api/status.'
    : 'Alamat dokumen widget ini di situs Anda. Setiap widget menyimpan alamatnya sendiri.';
  widget = next;
}

function choices() {
  const value = (name) => String(form.elements[name].value).trim();
  return {
    version: sri.version,
    integrity: sri['loket.js'],
    widget,
    src: value('src'),
    lang: value('lang'),
    base: value('base') || './',
    action: widget === 'loket-permit-form' ? value('action') : '',
    fallbackHref: value('fallbackHref'),
    fallbackText: value('fallbackText'),
  };
}

let previewed = '';
function update() {
  const chosen = choices();
  code.textContent = snippet(chosen);
  hintCode.textContent = hints({ ...chosen, chunks: preload[widget.slice('loket-'.length)] });
  copied.textContent = '';
  document.getElementById('salin-petunjuk-status').textContent = '';
  // The preview renders the same element with the real widget (the page loads
  // /dist/loket.js); the placeholder address does not exist here, so it shows
  // the widget's demo document instead, and says so.
  const placeholder = chosen.src === WIDGETS[widget].src || chosen.src === '';
  const src = placeholder ? WIDGETS[widget].example : chosen.src;
  previewNote.hidden = !placeholder || src === chosen.src;
  document.getElementById('pratinjau-contoh').textContent = WIDGETS[widget].example;
  const key = JSON.stringify([widget, src, chosen.lang, chosen.action, chosen.fallbackHref, chosen.fallbackText]);
  if (key === previewed) return;
  previewed = key;
  const el = document.createElement(widget);
  el.setAttribute(WIDGETS[widget].attribute ?? 'src', src);
  if (chosen.lang) el.setAttribute('lang', chosen.lang);
  if (chosen.action) el.setAttribute('action', chosen.action);
  el.setAttribute('heading-level', '3');
  const fallback = document.createElement(chosen.fallbackHref ? 'a' : 'p');
  if (chosen.fallbackHref) fallback.href = chosen.fallbackHref;
  fallback.textContent = chosen.fallbackText;
  el.append(fallback);
  preview.replaceChildren(el);
}

form.addEventListener('change', (event) => {
  if (event.target.name === 'widget') load(event.target.value);
  update();
});
form.addEventListener('input', (event) => {
  if (PER_WIDGET.includes(event.target.name)) saved[widget][event.target.name] = event.target.value;
  update();
});
form.addEventListener('submit', (event) => event.preventDefault());

/** The copy button of a code block, with its status line. */
function copyButton(button, block, status) {
  document.getElementById(button).addEventListener('click', async () => {
    const said = document.getElementById(status);
    const source = document.getElementById(block);
    try {
      await navigator.clipboard.writeText(source.textContent);
      said.textContent = 'Kode tersalin.';
    } catch {
      // No clipboard permission (http, an old browser): select the code for Ctrl+C.
      getSelection().selectAllChildren(source);
      said.textContent = 'Kode sudah dipilih; tekan Ctrl+C untuk menyalin.';
    }
  });
}
copyButton('salin', 'kode', 'salin-status');
copyButton('salin-petunjuk', 'petunjuk', 'salin-petunjuk-status');

load(widget);
update();
