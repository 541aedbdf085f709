// The region data for the `region` field: the CSV files of the idn-area-data
// package (Kemendagri codes, `51.02.01.2001`; not BPS ids) turned into small
// static files beside the chunks, one download per level a citizen opens:
//   regions/indonesia.json  the 38 provinces
//   regions/51.json         a province's regencies and cities
//   regions/51.02.json      a regency's districts, each with its villages
// Each file is { code, names, children }: `names` are the names of `code` and
// its parents (so a form scoped to one regency needs one file), `children`
// [code, name] pairs, and in a regency file [code, name, [[suffix, name]…]]
// with the villages' last four digits. The data is under the Open Database
// License: regions/LICENSE.md says where it comes from.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The file holding the whole country's first level. */
export const COUNTRY_FILE = 'indonesia';

/** Words written in capitals or lower case inside a title-cased name. */
const KEEP = new Map([['DKI', 'DKI'], ['DAN', 'dan']]);

/** "KABUPATEN PANGKAJENE DAN KEPULAUAN" → "Kabupaten Pangkajene dan Kepulauan"; provinces and regencies come in capitals. */
export function titleCase(name) {
  return name
    .split(' ')
    .map((word, i) => (KEEP.has(word) && !(i === 0 && word === 'DAN') ? KEEP.get(word) : word.toLowerCase().replace(/(^|[-(])\p{L}/gu, (m) => m.toUpperCase())))
    .join(' ');
}

/** Rows of a CSV whose last column is the name (the only one that could hold a comma). */
function rows(file, columns) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  return lines.map((line) => {
    const parts = line.split(',');
    return [...parts.slice(0, columns - 1), parts.slice(columns - 1).join(',')];
  });
}

/** Where idn-area-data keeps its CSV files, and its version. */
export function sourceData() {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('idn-area-data/package.json');
  return { dir: join(dirname(pkgFile), 'data'), version: JSON.parse(readFileSync(pkgFile, 'utf8')).version };
}

/** Writes the region files into `<out>/regions/`; returns how many units of each level it wrote. */
export function writeRegions(out) {
  const { dir, version } = sourceData();
  const target = join(out, 'regions');
  mkdirSync(target, { recursive: true });
  const provinces = rows(join(dir, 'provinces.csv'), 2).map(([code, name]) => [code, titleCase(name)]);
  const regencies = rows(join(dir, 'regencies.csv'), 3).map(([code, province, name]) => [code, province, titleCase(name)]);
  const districts = rows(join(dir, 'districts.csv'), 3);
  const villages = rows(join(dir, 'villages.csv'), 3);

  const provinceName = new Map(provinces);
  const write = (file, json) => writeFileSync(join(target, `${file}.json`), JSON.stringify(json));
  write(COUNTRY_FILE, { code: '', names: [], children: provinces });

  const byProvince = new Map();
  for (const [code, province, name] of regencies) byProvince.set(province, [...(byProvince.get(province) ?? []), [code, name]]);
  for (const [province, list] of byProvince) write(province, { code: province, names: [provinceName.get(province)], children: list });

  const villagesOf = new Map();
  for (const [code, district, name] of villages) {
    const list = villagesOf.get(district) ?? [];
    list.push([code.slice(district.length + 1), name]);
    villagesOf.set(district, list);
  }
  const byRegency = new Map();
  for (const [code, regency, name] of districts) byRegency.set(regency, [...(byRegency.get(regency) ?? []), [code, name, villagesOf.get(code) ?? []]]);
  for (const [code, province, name] of regencies) {
    write(code, { code, names: [provinceName.get(province), name], children: byRegency.get(code) ?? [] });
  }

  copyFileSync(join(dir, 'LICENSE.md'), join(target, 'LICENSE-ODbL.md'));
  writeFileSync(
    join(target, 'LICENSE.md'),
    `# Data wilayah / Region data

Kode dan nama wilayah administrasi Indonesia (kode Kemendagri, misalnya 51.02.01.2001)
dari paket npm idn-area-data ${version} (https://github.com/fityannugroho/idn-area-data),
disusun ulang per provinsi dan per kabupaten/kota oleh loket. Data ini tersedia di bawah
Open Database License (ODbL) 1.0: lihat LICENSE-ODbL.md. Berkas di folder ini adalah
basis data turunan dan juga tersedia di bawah ODbL.

Indonesian administrative region codes and names (Kemendagri codes) from the npm package
idn-area-data ${version}, regrouped per province and per regency by loket. This data is made
available under the Open Database License (ODbL) 1.0: see LICENSE-ODbL.md. The files in this
folder are a derivative database, also available under the ODbL.
`,
  );
  return { provinces: provinces.length, regencies: regencies.length, districts: districts.length, villages: villages.length };
}
