/**
 * The layer rule (DESIGN.md), checked by `npm test` (scripts/checkLayers.ts). Data flows one way:
 * core ← input ← output ← run ← functions ← addon, and the entry points (addon, sidebar, cli) each
 * use the layers below them and nothing of each other at run time; protocol/ is the contract the
 * sidebar and the server share (limits now, the messages' types), files/ reads exported files
 * for the sidebar and the CLI. Globals a layer must not use
 * (SpreadsheetApp, process, document) are caught by its own tsconfig (tsconfig/*.json); these
 * rules catch imports: of Node, of packages, of a layer to its right.
 */
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
    ...layer('files', { may: ['core', 'input'], packages: [] }),
    ...layer('protocol', { may: ['core', 'input', 'output', 'run'], packages: [] }),
    ...layer('addon', { may: ['core', 'input', 'output', 'run', 'functions', 'protocol'], packages: ['decimal.js'] }),
    {
      name: 'sidebar-not-to-node-or-server',
      comment: 'sidebar/ runs in the browser: no Node modules; of the add-on it may know only the types that cross google.script.run',
      severity: 'error',
      from: { path: '^src/sidebar/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sidebar-layers',
      severity: 'error',
      from: { path: '^src/sidebar/' },
      to: { path: '^src/(cli|functions)/' },
    },
    {
      name: 'cli-not-to-protocol',
      comment: 'the CLI settles files itself: nothing of the sidebar–server contract',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/protocol/' },
    },
    {
      name: 'sidebar-not-to-addon',
      comment: 'the sidebar knows the server only through protocol/ (the messages and the contract its client is typed from): the add-on is Apps Script code, checked with Apps Script types',
      severity: 'error',
      from: { path: '^src/sidebar/' },
      to: { path: '^src/addon/' },
    },
    {
      name: 'cli-not-to-other-entry-points',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(addon|sidebar|functions)/' },
    },
    {
      name: 'product-not-to-dev-or-tests',
      comment: 'src/ never depends on dev tooling, scripts or tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(dev|test|scripts)/' },
    },
    {
      name: 'no-circular',
      comment: 'no module needs itself at run time (a cycle through a type-only import is erased by the build)',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6'],
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
