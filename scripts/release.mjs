// npm run release: builds dist/, then writes into release/ (git-ignored):
// - loket-<version>.zip: one folder, loket-<version>/, with loket.js, chunks/,
//   sri.json, LICENSE and BACA-SAYA.txt (the snippet with the real hash) —
//   what a webmaster uploads as /loket/<version>/;
// - loket-wordpress-<version>.zip: the WordPress plugin with the same files in
//   loket/dist/, installable from Plugins → Add New → Upload;
// - loket-<version>.tgz: the npm tarball (npm pack).
// Entries carry a fixed date, so the same dist/ gives the same archives.
// `--no-build` reuses an existing dist/ (the tests use it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { snippet } from '../demo/snippet.js';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Every entry's modification time: fixed, so archives are reproducible. */
const MTIME = new Date('2020-01-01T00:00:00Z');

/** The files of dist/ that a page needs: the loader, its chunks (no source maps), the hashes. */
export function runtimeFiles(dist) {
  const chunks = readdirSync(join(dist, 'chunks'))
    .filter((name) => name.endsWith('.js'))
    .sort();
  return ['loket.js', ...chunks.map((name) => `chunks/${name}`), 'sri.json'];
}

/** BACA-SAYA.txt: what to do with the folder, in Indonesian, with the pinned snippet. */
export function readme(version, integrity) {
  return `loket ${version}
Banner status layanan, daftar persyaratan, dan formulir permohonan untuk situs
kantor perizinan (DPMPTSP/PTSP), dari dokumen JSON.

1. Unggah folder ini UTUH ke situs Anda sebagai /loket/${version}/
   (loket.js dan chunks/ harus tetap di folder yang sama). Versi berikutnya
   diunggah ke foldernya sendiri; jangan menimpa folder ini.

2. Unggah dokumen JSON Anda, misalnya /loket/status.json. Dokumen awal yang
   sudah sah: npx loket new status status.json (perlu Node 20 atau lebih baru).

3. Tempel kode ini di halaman, di tempat banner harus tampil. Baris <script>
   cukup sekali per halaman, berapa pun jumlah widgetnya:

${snippet({ version, integrity })}
   Widget lain memakai baris <script> yang sama:
   <loket-requirement-checklist src="..." lang="id"> (daftar persyaratan),
   <loket-permit-form src="..." lang="id"> (formulir permohonan),
   <loket-application-status endpoint="..." lang="id"> (lacak permohonan).

4. Buka halamannya di peramban dan di ponsel. Panel "Informasi ini belum dapat
   ditampilkan" menyebut setiap masalah dokumen. Bila hanya tautan cadangan
   yang tampil, loket.js tidak termuat: lihat konsol peramban (F12).

Hash integritas (integrity) di atas hanya cocok untuk loket.js versi ini;
hash setiap berkas ada di sri.json. Dari situs lain (Blogger, server pusat
kabupaten), server folder ini harus mengirim Access-Control-Allow-Origin.
Panduan lengkap, juga untuk WordPress, Blogger, dan Joomla: folder docs/ di
kode sumber loket (mulai dari docs/mulai-cepat.md dan docs/masalah.md).

Lisensi: MIT (lihat LICENSE).
`.replace(/\n/g, '\r\n'); // CRLF: Notepad on an office PC shows it as lines.
}

/** Runs a command in the repository; its stdout, or an error saying what failed. */
function command(cmd, args, options) {
  const result = spawnSync(cmd, args, { cwd: root, ...options });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr ?? ''}`);
  return result.stdout;
}

/** A zip of `{ path: bytes }` with fixed dates. */
function zip(entries) {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, [bytes, { mtime: MTIME, level: 9 }]])));
}

/** The WordPress plugin's own files (wordpress/loket/), relative to that folder. */
export function pluginFiles() {
  const dir = join(root, 'wordpress/loket');
  const walk = (sub) =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => {
      const path = sub ? `${sub}/${e.name}` : e.name;
      if (e.name === 'dist' || e.name.startsWith('.')) return [];
      return e.isDirectory() ? walk(path) : [path];
    });
  return walk('').sort();
}

/** Writes the three archives into `out` (`pack: false` skips the npm tarball); returns their paths. */
export function release({ out = join(root, 'release'), build = true, pack = true } = {}) {
  if (build) command(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dist = join(root, 'dist');
  const sri = JSON.parse(readFileSync(join(dist, 'sri.json'), 'utf8'));
  if (sri.version !== version) throw new Error(`dist/sri.json is for ${sri.version}, package.json says ${version}: rebuild`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const runtime = Object.fromEntries(runtimeFiles(dist).map((f) => [f, readFileSync(join(dist, f))]));
  const license = readFileSync(join(root, 'LICENSE'));
  const folder = `loket-${version}`;
  const webZip = join(out, `${folder}.zip`);
  writeFileSync(
    webZip,
    zip({
      ...Object.fromEntries(Object.entries(runtime).map(([f, bytes]) => [`${folder}/${f}`, bytes])),
      [`${folder}/LICENSE`]: license,
      [`${folder}/BACA-SAYA.txt`]: Buffer.from(readme(version, sri['loket.js'])),
    }),
  );

  const wpZip = join(out, `loket-wordpress-${version}.zip`);
  writeFileSync(
    wpZip,
    zip({
      ...Object.fromEntries(pluginFiles().map((f) => [`loket/${f}`, readFileSync(join(root, 'wordpress/loket', f))])),
      ...Object.fromEntries(Object.entries(runtime).map(([f, bytes]) => [`loket/dist/${f}`, bytes])),
      'loket/LICENSE': license,
    }),
  );

  if (!pack) return { zip: webZip, wordpress: wpZip, version };
  const packed = JSON.parse(command('npm', ['pack', '--json', '--silent', '--pack-destination', out], { encoding: 'utf8' }));
  return { zip: webZip, wordpress: wpZip, tarball: join(out, packed[0].filename), version };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const made = release({ build: !process.argv.includes('--no-build') });
  console.log(`✓ release ${made.version}:\n  ${made.zip}\n  ${made.wordpress}\n  ${made.tarball}`);
}
