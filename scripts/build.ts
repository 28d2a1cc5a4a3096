/**
 * `npm run build`: writes dist/, exactly what `clasp push` sends (.clasp-dev.json and .clasp-prod.json have rootDir dist).
 *
 * esbuild hides every function inside its bundle and strips comments, but Apps Script only
 * calls top-level function declarations and takes Sheets' autocomplete from a `@customfunction`
 * JSDoc right before them. So the bundle exposes its exports as the global `App`, and this
 * script writes functions.js: one documented top-level stub per declared custom function
 * (src/functions/declarations.ts, `App.CUSTOM_FUNCTIONS`) and one plain stub per key of
 * `App.SERVER` (src/addon/entry.ts).
 *
 * README.md's function table comes from the same declarations: scripts/docs.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { FUNCTION_DECLARATIONS, type FunctionDeclaration } from '../src/functions/declarations';
import { formulaText } from '../src/functions/examples';
import { buildSidebar } from './buildSidebar';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const ENTRY = join(ROOT, 'src/addon/entry.ts');

export interface BuildOptions {
  outDir: string;
}

/** One step of the build, writing its files into outDir. */
export type BuildStep = (options: BuildOptions) => void | Promise<void>;

/**
 * ▶ EXTRA BUILD STEPS go here (the sidebar's dist/Sidebar.html, for one). They run after the
 * server bundle and the stubs, into the same freshly emptied outDir, so whatever they write is
 * pushed and nothing stale is.
 */
export const EXTRA_BUILD_STEPS: BuildStep[] = [({ outDir }) => buildSidebar(outDir)];

/** What the bundle exposes on `App`, found by running it where Apps Script would: no Node. */
export interface BundleExports {
  /** The keys of `App.SERVER` whose values are functions. */
  serverFunctions: string[];
  /** The keys of `App.CUSTOM_FUNCTIONS` whose values are functions. */
  customFunctions: string[];
}

/** dist/app.js: src/addon/entry.ts as one script that defines the global `App`. */
export async function buildServerBundle(outDir: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'App',
    // Apps Script's V8 has rejected class fields; ES2019 keeps the output safely below them.
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  writeFileSync(join(outDir, 'app.js'), code);
  return code;
}

function functionKeys(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  return Object.keys(object).filter((name) => typeof object[name] === 'function');
}

/**
 * Loads the bundle into a bare vm context (no process, require or Buffer, as in Apps Script) and
 * reads what it exports. A bundle that touches Node, or a Google service while loading, fails
 * here: Apps Script runs every file's top level before each custom function call, with no auth.
 */
export function readBundleExports(code: string): BundleExports {
  const context = vm.createContext({ console });
  vm.runInContext(code, context, { filename: 'app.js' });
  const app = context.App as Record<string, unknown> | undefined;
  if (!app) throw new Error('build: the bundle did not define the global App');
  return { serverFunctions: functionKeys(app.SERVER), customFunctions: functionKeys(app.CUSTOM_FUNCTIONS) };
}

/** A JSDoc block, refusing text that would end the comment early. */
function jsdoc(lines: string[]): string {
  lines.forEach((line) => {
    if (line.indexOf('*/') >= 0) throw new Error(`build: "*/" in a declaration would end its JSDoc: ${line}`);
  });
  return ['/**', ...lines.map((line) => (line ? ` * ${line}` : ' *')), ' */'].join('\n');
}

/** The top-level stub of one custom function, with the JSDoc Sheets reads. */
export function customFunctionStub(declaration: FunctionDeclaration): string {
  const params = declaration.params.map((p) => p.name);
  const doc = jsdoc([
    declaration.summary,
    declaration.summaryZh,
    '',
    `Example: ${formulaText(declaration.name, declaration.examples[0])}`,
    '',
    ...declaration.params.map((p) => `@param {${p.type}} ${p.name} ${p.description}`),
    `@return {${declaration.returns.type}} ${declaration.returns.description}`,
    '@customfunction',
  ]);
  // `arguments`, not the named parameters, so the argument-count check sees extra arguments too.
  return `${doc}\nfunction ${declaration.name}(${params.join(', ')}) {\n  return App.CUSTOM_FUNCTIONS.${declaration.name}.apply(null, arguments);\n}\n`;
}

/** A trigger, menu item or sidebar server function: callable by name, hidden from Sheets' formula list. */
export function serverFunctionStub(name: string): string {
  return `function ${name}() {\n  return App.SERVER.${name}.apply(null, arguments);\n}\n`;
}

/**
 * dist/functions.js: every stub. Fails when the bundle's objects and the declarations disagree:
 * a stub would call nothing, a custom function would have no JSDoc (so no autocomplete), or two
 * top-level functions would share a name (the later would silently win).
 */
export function writeFunctionStubs(outDir: string, bundle: BundleExports): void {
  const declared: string[] = FUNCTION_DECLARATIONS.map((d) => d.name);
  const problems = [
    ...declared.filter((name) => bundle.customFunctions.indexOf(name) < 0).map((name) => `CUSTOM_FUNCTIONS has no ${name}, yet its stub would call it`),
    ...bundle.customFunctions.filter((name) => declared.indexOf(name) < 0).map((name) => `CUSTOM_FUNCTIONS.${name} has no declaration in src/functions/declarations.ts`),
    ...bundle.serverFunctions.filter((name) => declared.indexOf(name) >= 0).map((name) => `SERVER.${name} has the name of a custom function`),
  ];
  if (problems.length > 0) throw new Error(`build: ${problems.join('; ')}`);
  const header = '// Generated by scripts/build.ts from App.SERVER and src/functions/declarations.ts. Do not edit.\n';
  const stubs = FUNCTION_DECLARATIONS.map(customFunctionStub).concat(bundle.serverFunctions.map(serverFunctionStub));
  writeFileSync(join(outDir, 'functions.js'), header + '\n' + stubs.join('\n'));
}

/** dist/appsscript.json, copied from the repository's manifest (its source of truth). */
export function writeManifest(outDir: string): void {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
  writeFileSync(join(outDir, 'appsscript.json'), JSON.stringify(manifest, null, 2) + '\n');
}

export async function build(options: BuildOptions = { outDir: DIST }): Promise<void> {
  // Emptied first: clasp pushes whatever is in the folder, including a file a past build left.
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  const code = await buildServerBundle(options.outDir);
  writeFunctionStubs(options.outDir, readBundleExports(code));
  writeManifest(options.outDir);
  for (const step of EXTRA_BUILD_STEPS) await step(options);
}

async function main(): Promise<void> {
  const started = Date.now();
  await build({ outDir: DIST });
  console.log(`build: dist/ written in ${Date.now() - started} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
