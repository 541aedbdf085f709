// The preview page: renders the document with the real element, again on
// every save (Server-Sent Events from the preview server), in the chosen
// language and width. Loaded as a file: the page runs under script-src 'self'.
const stage = document.getElementById('stage');
const frame = document.getElementById('frame');
const state = document.getElementById('state');
const phone = document.getElementById('phone');

const info = await (await fetch('/info.json')).json();
document.getElementById('file').textContent = info.file;
document.title = `${info.file} — pratinjau loket`;
let lang = info.lang;
let revision = 0;
document.querySelector(`input[name="lang"][value="${lang}"]`).checked = true;

const say = (text, bad = false) => {
  state.textContent = text;
  state.classList.toggle('bad', bad);
};

function render() {
  const element = document.createElement(info.element);
  element.setAttribute('lang', lang);
  // A new URL each time, so no cache stands between the save and the widget.
  element.setAttribute('src', `/document.json?r=${++revision}`);
  const fallback = document.createElement('p');
  fallback.textContent = `${info.file} (<${info.element}>)`;
  element.append(fallback);
  element.addEventListener('loket-ready', () => say(`${new Date().toLocaleTimeString('id-ID')}: ${lang === 'en' ? 'rendered' : 'ditampilkan'}`));
  element.addEventListener('loket-error', (event) => {
    const count = event.detail?.problems?.length ?? 0;
    say(`${new Date().toLocaleTimeString('id-ID')}: ${event.detail?.kind ?? 'error'}${count ? ` · ${count} ${lang === 'en' ? 'problem(s)' : 'masalah'}` : ''}`, true);
  });
  stage.replaceChildren(element);
  if (!customElements.get(info.element)) {
    customElements.whenDefined(info.element).catch(() => {});
  }
}

for (const radio of document.querySelectorAll('input[name="lang"]')) {
  radio.addEventListener('change', () => {
    lang = radio.value;
    document.documentElement.lang = lang;
    stage.firstElementChild?.setAttribute('lang', lang);
  });
}
phone.addEventListener('change', () => frame.classList.toggle('phone', phone.checked));

new EventSource('/events').addEventListener('message', render);
render();
