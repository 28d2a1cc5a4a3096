/**
 * The layer rule, executable (DESIGN.md; issue 8). Two checks, each by a well-kept tool:
 *  - imports: dependency-cruiser with .dependency-cruiser.cjs (no Node in core/, no layer
 *    importing one to its right, the sidebar knowing the add-on only by its types …);
 *  - globals: tsc once per layer with only the lib and types that layer may use (tsconfig/*.json),
 *    so SpreadsheetApp in core/, document in output/ or process in functions/ does not compile;
 *    plus tsc over everything (tsconfig.json), since tsx strips types and would run code that does
 *    not typecheck.
 * `npm run typecheck` runs them all, two at a time (the machine has two cores); `npm test` runs
 * this first. `root` lets a test run the same checks on a copy of src/ with a file that breaks them.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** Every tsconfig that must compile: the whole project, then each layer with only its own globals. */
export const TSCONFIGS = ['tsconfig.json', 'tsconfig/pure.json', 'tsconfig/files.json', 'tsconfig/addon.json', 'tsconfig/sidebar.json', 'tsconfig/cli.json'];

export interface CheckResult {
  name: string;
  ok: boolean;
  output: string;
}

function run(name: string, command: string, args: string[], cwd: string): Promise<CheckResult> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ name, ok: code === 0, output }));
  });
}

export function typecheck(config: string, root = ROOT): Promise<CheckResult> {
  return run(`tsc -p ${config}`, join(BIN, 'tsc'), ['-p', config], root);
}

export function cruise(root = ROOT): Promise<CheckResult> {
  return run('dependency-cruiser', join(BIN, 'depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], root);
}

/** The checks, at most two at once; results in the order given. */
export async function runChecks(checks: (() => Promise<CheckResult>)[]): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array(checks.length);
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const i = next++;
      results[i] = await checks[i]();
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

async function main(): Promise<void> {
  const started = Date.now();
  const results = await runChecks([() => cruise(), ...TSCONFIGS.map((config) => () => typecheck(config))]);
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) process.stderr.write(`\n✗ ${r.name}\n${r.output}\n`);
  const summary = `${results.length - failed.length} of ${results.length} checks passed (${results.map((r) => r.name).join('; ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  process.stderr.write((failed.length ? 'layers/typecheck FAILED: ' : 'layers and typecheck: ') + summary + '\n');
  process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
