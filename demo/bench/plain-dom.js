// The floor for `npm run bench`: the same flat form drawn by hand with
// createElement, no library, native controls, an inline message per empty
// required question on submit. What the permit form's per-question cost is
// compared with (the shared bench's "vanilla" peer does the same).

const h = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

/** Renders `doc` (loket's format) into `root`; returns the submit button. */
export function renderPlain(doc, root) {
  const form = h('form', { novalidate: '' });
  const checks = [];
  for (const f of doc.steps[0].fields) {
    const id = `p-${f.name}`;
    const box = h('div', { class: 'field' });
    const err = h('span', { class: 'err', id: `${id}-err` });
    let control;
    let read;
    if (f.type === 'radio' || f.type === 'date') {
      const set = h('fieldset', {}, h('legend', {}, f.label));
      const inputs = (f.type === 'radio' ? f.options : [{ label: 'Tanggal' }, { label: 'Bulan' }, { label: 'Tahun' }]).map((o, i) => {
        const input = h('input', f.type === 'radio' ? { type: 'radio', name: f.name, value: o.value, id: `${id}-${i}` } : { type: 'text', inputmode: 'numeric', id: `${id}-${i}` });
        set.append(h('div', {}, input, h('label', { for: `${id}-${i}` }, o.label)));
        return input;
      });
      read = () => (f.type === 'radio' ? inputs.some((i) => i.checked) : inputs.every((i) => i.value.trim()));
      box.append(set, err);
    } else {
      if (f.type === 'select') control = h('select', { id }, h('option', { value: '' }, 'Pilih salah satu'), ...f.options.map((o) => h('option', { value: o.value }, o.label)));
      else if (f.type === 'textarea') control = h('textarea', { id });
      else control = h('input', { id, type: f.type === 'checkbox' ? 'checkbox' : f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text' });
      control.setAttribute('aria-describedby', `${id}-err`);
      read = () => (f.type === 'checkbox' ? control.checked : control.value.trim() !== '');
      box.append(h('label', { for: id }, f.label), control, err);
    }
    if (!f.optional) checks.push({ f, read, err, box });
    form.append(box);
  }
  const button = h('button', { type: 'submit' }, 'Kirim');
  form.append(button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let first;
    for (const c of checks) {
      const ok = c.read();
      c.err.textContent = ok ? '' : `${c.f.label} wajib diisi`;
      c.box.classList.toggle('invalid', !ok);
      if (!ok) first ??= c.box.querySelector('input, select, textarea');
    }
    first?.focus();
  });
  root.append(form);
  return button;
}
