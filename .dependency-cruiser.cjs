/**
 * The layer rule (DESIGN.md), checked by `npm test` (scripts/checkLayers.ts). Data flows one way:
 * core ← input ← output ← run ← functions ← addon, and the entry points (addon, sidebar, cli) each
 * use the layers below them and nothing of each other at run time; protocol/ is the contract the
 * sidebar and the server share (limits now, the messages' types), files/ reads exported files
 * for the sidebar and the CLI. Globals a layer must not use
 * (SpreadsheetApp, process, document) are caught by its own tsconfig (tsconfig/*.json); these
 * rules catch imports: of Node, of packages, of a layer to its right.
 */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to });

const layer = (folder, { may = [], packages = [] } = {}) => [
  {
    name: `${folder}-not-to-node`,
    comment: `${folder}/ runs in Apps Script and the browser: no Node modules`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: `${folder}-only-left`,
    comment: `${folder}/ may use only ${may.length ? may.join(', ') : 'itself'}`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: '^src/', pathNot: [`^src/${folder}/`, ...may.map((m) => `^src/${m}/`)] },
  },
  {
    name: `${folder}-packages`,
    comment: `${folder}/ may use only the packages ${packages.join(', ') || '(none)'}`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: packages.map((p) => `node_modules/${p}/`) },
  },
];

module.exports = {
  forbidden: [
    ...layer('core', { packages: ['decimal.js'] }),
    ...layer('input', { may: ['core'], packages: ['decimal.js'] }),
    ...layer('output', { may: ['core', 'input'], packages: ['decimal.js'] }),
    ...layer('run', { may: ['core', 'input', 'output'], packages: ['decimal.js'] }),
    ...layer('functions', { may: ['core', 'input', 'output', 'run'], packages: ['decimal.js'] }),
    // The settlement as SQL text: generated from the policy with the words of input/ and output/, run by the CLI.
    ...layer('sql', { may: ['core', 'input', 'output'], packages: ['decimal.js'] }),
    ...layer('files', { may: ['core', 'input'], packages: [] }),
    ...layer('protocol', { may: ['core', 'input', 'output', 'run'], packages: [] }),
    ...layer('addon', { may: ['core', 'input', 'output', 'run', 'functions', 'protocol'], packages: ['decimal.js'] }),
    forbid('sidebar-not-to-node', 'sidebar/ runs in the browser: no Node modules', '^src/sidebar/', { dependencyTypes: ['core'] }),
    forbid('sidebar-layers', 'the sidebar settles with the pure layers; the CLI and the custom functions are not its business', '^src/sidebar/', { path: '^src/(cli|functions)/' }),
    forbid(
      'sidebar-not-to-addon',
      'the sidebar knows the server only through protocol/ (the messages and the contract its client is typed from): the add-on is Apps Script code, checked with Apps Script types',
      '^src/sidebar/',
      { path: '^src/addon/' },
    ),
    forbid('cli-not-to-other-entry-points', 'the CLI settles files itself: nothing of the add-on, the sidebar, the custom functions or their contract', '^src/cli/', { path: '^src/(addon|sidebar|functions|protocol)/' }),
    forbid('product-not-to-dev-or-tests', 'src/ never depends on dev tooling, scripts or tests', '^src/', { path: '^(dev|test|scripts)/' }),
    forbid('no-circular', 'no module needs itself at run time (a cycle through a type-only import is erased by the build)', '^src/', {
      circular: true,
      viaOnly: { dependencyTypesNot: ['type-only'] },
    }),
    forbid('not-to-unresolvable', 'every import resolves to a file', '^src/', { couldNotResolve: true }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6'],
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
