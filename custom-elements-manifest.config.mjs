// @custom-elements-manifest/analyzer: builds custom-elements.json from the
// widgets' sources and JSDoc headers (@summary @event @slot @csspart @cssprop
// @cssstate). Run by scripts/manifest.mjs during the build.

/**
 * Our elements register through `defineElement('loket-…', Class)` (a safe
 * define that tolerates a second copy of the script), which the analyzer
 * does not know: mark the class as a custom element with that tag name.
 */
function defineElementPlugin() {
  const defined = new Map();
  return {
    name: 'loket-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag)) return;
      defined.set(cls.getText(), tag.text);
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: cls.getText(), module: moduleDoc.path } });
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const tag = defined.get(declaration.name);
        if (declaration.kind === 'class' && tag) {
          declaration.customElement = true;
          declaration.tagName = tag;
        }
      }
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['**/*.styles.ts'],
  litelement: true,
  // The build writes the manifest into dist/; package.json's customElements field is ours.
  packagejson: false,
  plugins: [defineElementPlugin()],
};
