import { expect } from '@open-wc/testing';
import { parseForm } from '../../src/form/format.js';
import { isRiskyPattern, matchesPattern } from '../../src/form/pattern.js';
import { everyField } from '../fixtures/forms.js';
import '../../src/messages/authoring.js';

describe('document patterns', () => {
  const risky = ['(a+)+', '(a*)*', '(a+)+$', '(\\d{2,3}\\.)+', '((ab)*c)+', '(a|b+)*', '(?:x+y?)+', '([a-z]+\\s?)*', '(.*a){2,}', '(a+){1,100}', '(a|aa)+', '(\\d|\\d\\d)+', 'a*a*a*a*a*', '\\d+\\d*\\d+', '.*.*.*=', '(?:ab|a)*c'];
  const safe = ['\\d{16}', '[A-Z]{2}\\d+', '(\\d{3}-)+\\d{3}', '(ab)+', 'a+-b+', '[(a+)+]', '\\(a+\\)+', '(a+)?', '(a+){1}', '^[0-9]{5}$', 'JU-\\d{4}', '[^@\\s]+@[^@\\s]+\\.[a-z]+', '(PT|CV) [A-Z][a-z]+', 'SIPI/\\d{4}/\\d{4}', '[A-Z]+[0-9]+', '.*=.*'];

  for (const source of risky) it(`refuses the backtracking trap ${source}`, () => expect(isRiskyPattern(source)).to.equal(true));
  for (const source of safe) it(`accepts ${source}`, () => expect(isRiskyPattern(source)).to.equal(false));

  it('names the path of a risky pattern when the form is parsed', () => {
    const doc = everyField() as { steps: { fields: Record<string, unknown>[] }[] };
    doc.steps[0]!.fields[1]!.pattern = '([A-Za-z]+ ?)+';
    const result = parseForm(doc, 'id');
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems).to.deep.include({ path: 'steps[0].fields[1].pattern', message: 'pola "([A-Za-z]+ ?)+" dapat membuat halaman macet: pola ini mengulang bagian yang panjangnya berubah-ubah atau bercabang, seperti (a+)+ atau (a|aa)+, atau memuat tiga pengulangan tanpa batas berturut-turut. Tulis tanpa pengulangan bersarang' });
  });

  it('matches whole answers only and refuses answers over the length limit', () => {
    expect(matchesPattern('JU-\\d{4}', 'JU-0456')).to.equal(true);
    expect(matchesPattern('JU-\\d{4}', 'xJU-0456')).to.equal(false);
    expect(matchesPattern('a*', 'a'.repeat(1001))).to.equal(false);
  });
});
