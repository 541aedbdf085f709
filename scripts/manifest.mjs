// Writes the editor and tooling data for the elements, into the build folder:
// - custom-elements.json: the custom elements manifest, from
//   @custom-elements-manifest/analyzer over widgets/ (their JSDoc headers);
// - vscode.html-custom-data.json and vscode.css-custom-data.json: VS Code's
//   custom data (tags and attributes; --loket-* properties and ::part names);
// - web-types.json: the same for JetBrains IDEs.
// Called by scripts/build.mjs; runs on its own too (`node scripts/manifest.mjs [dist]`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { name: pkgName, version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** Runs the analyzer (it bundles its own TypeScript) and returns the raw manifest. */
function analyze() {
  const out = mkdtempSync(`${root}.cem-`);
  try {
    const result = spawnSync(process.execPath, [`${root}node_modules/.bin/cem`, 'analyze', '--outdir', relative(root, out)], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`custom-elements-manifest analyzer failed:\n${result.stdout}${result.stderr}`);
    return JSON.parse(readFileSync(`${out}/custom-elements.json`, 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Keeps what a tool needs: the modules that define elements (and their base
 * classes), their classes only. Events the analyzer guessed from
 * `dispatchEvent(new SomeEvent(detail))` have no name or the wrong one
 * ("detail"); the JSDoc `@event` lines are the documented ones, so keep those.
 */
function tidy(raw) {
  const classes = raw.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, module: m.path })));
  const bases = new Set(classes.filter((c) => c.customElement && c.tagName).map((c) => c.superclass?.name).filter(Boolean));
  const modules = raw.modules
    .map((m) => ({
      ...m,
      declarations: (m.declarations ?? [])
        .filter((d) => d.kind === 'class' && ((d.customElement && d.tagName) || bases.has(d.name)))
        .map((d) => ({ ...d, events: (d.events ?? []).filter((e) => e.name && e.description) })),
      exports: (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition' || (m.declarations ?? []).some((d) => d.name === e.name && d.kind === 'class' && ((d.customElement && d.tagName) || bases.has(d.name)))),
    }))
    .filter((m) => m.declarations.length > 0);
  return { ...raw, modules };
}

/** The elements of a manifest: class declarations with a tag name. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement && d.tagName)).sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** `'url' | 'none'` → ['url', 'none']; undefined unless every member is a string literal. */
function literalValues(typeText = '') {
  const members = typeText.split('|').map((s) => s.trim()).filter((s) => s && s !== 'undefined');
  if (members.length < 2 || !members.every((s) => /^(['"]).*\1$/.test(s))) return undefined;
  return members.map((s) => s.slice(1, -1));
}

function vscodeHtml(elements) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tagName,
      description: [el.summary, el.description].filter(Boolean).join('\n\n'),
      attributes: (el.attributes ?? []).map((a) => {
        const values = literalValues(a.type?.text);
        return {
          name: a.name,
          description: [a.description, a.default !== undefined ? `Default: ${a.default}` : ''].filter(Boolean).join('\n\n'),
          ...(values ? { values: values.map((name) => ({ name })) } : a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
    })),
  };
}

function vscodeCss(elements) {
  const properties = new Map();
  const parts = new Map();
  for (const el of elements) {
    for (const p of el.cssProperties ?? []) {
      const entry = properties.get(p.name) ?? { name: p.name, description: `${p.description ?? ''}${p.default ? ` Default: ${p.default}.` : ''}`.trim(), elements: [] };
      entry.elements.push(el.tagName);
      properties.set(p.name, entry);
    }
    for (const p of el.cssParts ?? []) {
      const entry = parts.get(p.name) ?? { name: `::part(${p.name})`, description: p.description ?? '', elements: [] };
      entry.elements.push(el.tagName);
      parts.set(p.name, entry);
    }
  }
  const withElements = ({ elements: tags, description, ...rest }) => ({ ...rest, description: `${description}\n\n(${tags.map((t) => `<${t}>`).join(', ')})` });
  return {
    version: 1.1,
    properties: [...properties.values()].map(withElements),
    pseudoElements: [...parts.values()].map(withElements),
  };
}

function webTypes(elements) {
  return {
    name: pkgName,
    version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tagName,
          description: [el.summary, el.description].filter(Boolean).join('\n\n'),
          attributes: (el.attributes ?? []).map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default !== undefined ? { default: a.default } : {}),
            value: literalValues(a.type?.text) ? { type: 'enum', kind: 'plain' } : { type: a.type?.text ?? 'string', kind: 'expression' },
            ...(literalValues(a.type?.text) ? { values: literalValues(a.type?.text).map((name) => ({ name })) } : {}),
          })),
          events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description })),
          slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description })),
          css: {
            properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: `${p.description ?? ''}${p.default ? ` Default: \`${p.default}\`.` : ''}`.trim() })),
            parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description })),
          },
        })),
      },
    },
  };
}

/** Writes the four files into `dist`; returns their names. */
export function writeManifest(dist) {
  const manifest = tidy(analyze());
  const elements = elementsOf(manifest);
  if (elements.length === 0) throw new Error('the analyzer found no custom elements in widgets/');
  const files = {
    'custom-elements.json': manifest,
    'vscode.html-custom-data.json': vscodeHtml(elements),
    'vscode.css-custom-data.json': vscodeCss(elements),
    'web-types.json': webTypes(elements),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(`${dist}/${name}`, `${JSON.stringify(data, null, 2)}\n`);
  return Object.keys(files);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(writeManifest(process.argv[2] ?? `${root}dist`).join('\n'));
}
