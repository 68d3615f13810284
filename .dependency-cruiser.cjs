/**
 * The direction of imports: cli → generators → tooling → runtime (docs/architecture.md).
 * `npm run check:deps` fails on an import that goes the other way and on any cycle, type-only
 * imports included (tsPreCompilationDeps).
 */
const LAYERS = ['runtime', 'tooling', 'generators', 'cli'];

/** A layer may import only the layers below it: forbid every layer above. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${layer}-imports-upward`,
  comment: `${layer}/ may import only ${LAYERS.slice(0, i).join(', ') || 'nothing of the project'}; imports run cli → generators → tooling → runtime.`,
  severity: 'error',
  from: { path: `^${layer}/` },
  to: { path: `^(${LAYERS.slice(i + 1).join('|')}|bench|test|scripts)/` },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-cycles',
      comment: 'An import cycle (type-only imports count): split the shared part into its own file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-command-to-command',
      comment: 'A command file must not import another command file: share through tooling/ or a cli helper.',
      severity: 'error',
      from: { path: '^cli/(new|build|inspect|call|run|test|dev|fuzz|bindings|templates|add|doctor|package|install|uninstall|list)\\.ts$' },
      to: { path: '^cli/(new|build|inspect|call|run|test|dev|fuzz|bindings|templates|add|doctor|package|install|uninstall|list)\\.ts$' },
    },
    {
      name: 'product-imports-bench-or-test',
      severity: 'error',
      from: { path: '^(runtime|tooling|generators|cli)/' },
      to: { path: '^(bench|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|templates|examples|sdk)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.d.ts'] },
  },
};
