// The shared bench's flat form (issue #12), in loket's format: ten kinds of
// question cycled (text, email, phone, number, date, select, radio,
// textarea, a single checkbox, a 16-digit pattern), all required but the
// checkbox, labels "Isian 0001 (teks)". Used by flat.html for `npm run bench`.

const KINDS = [
  { type: 'text', name: 'teks', maxLength: 500 },
  { type: 'email', name: 'email', maxLength: 254 },
  { type: 'phone', name: 'telepon' },
  { type: 'number', name: 'angka' },
  { type: 'date', name: 'tanggal' },
  { type: 'select', name: 'pilihan', options: ['Satu', 'Dua', 'Tiga', 'Empat', 'Lima'] },
  { type: 'radio', name: 'radio', options: ['Ya', 'Tidak', 'Belum tahu'] },
  { type: 'textarea', name: 'paragraf', maxLength: 2000 },
  { type: 'checkbox', name: 'centang' },
  { type: 'text', name: 'nik', pattern: '[0-9]{16}', maxLength: 16 },
];

/** A one-step form of `count` questions. */
export function flatForm(count) {
  const fields = [];
  for (let i = 1; i <= count; i++) {
    const kind = KINDS[(i - 1) % KINDS.length];
    const field = { type: kind.type, name: `f${String(i).padStart(4, '0')}`, label: `Isian ${String(i).padStart(4, '0')} (${kind.name})` };
    if (kind.type === 'checkbox') field.optional = true;
    if (kind.maxLength) field.maxLength = kind.maxLength;
    if (kind.pattern) Object.assign(field, { pattern: kind.pattern, messages: { pattern: 'NIK harus 16 digit angka' } });
    if (kind.options) field.options = kind.options.map((label, j) => ({ value: `o${j + 1}`, label }));
    fields.push(field);
  }
  return {
    version: 1,
    id: `flat-${count}`,
    title: `Formulir datar ${count} isian`,
    office: { name: 'DPMPTSP Uji' },
    help: { email: 'uji@example.org' },
    steps: [{ heading: `Formulir datar ${count} isian`, fields }],
  };
}

/** How many errors an empty Continue must show: every question but the checkboxes. */
export const requiredCount = (count) => flatForm(count).steps[0].fields.filter((f) => !f.optional).length;
