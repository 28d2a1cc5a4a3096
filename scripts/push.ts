/**
 * `npm run push [-- dev|prod]`: typecheck, every test (which builds dist/), then
 * `clasp -P .clasp-<target>.json push --force` of dist/ to that Apps Script project.
 *
 * dev and prod are separate projects, each with its own project file (the README says how to make
 * them); the repository keeps no .clasp.json, because `clasp create-script` refuses to run where
 * one exists. `--force` because clasp otherwise asks before it overwrites the manifest and, away
 * from a terminal, takes the answer to be No and pushes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export type Target = 'dev' | 'prod';

export function projectFile(target: Target): string {
  return `.clasp-${target}.json`;
}

/** What is wrong with the project file, or undefined when it names a real script in dist/. */
export function projectProblem(target: Target, read: (path: string) => string | undefined): string | undefined {
  const file = projectFile(target);
  const text = read(file);
  const create = `npx clasp create-script --type ${target === 'dev' ? 'sheets' : 'standalone'} --title "GMV Incentives (${target})" --rootDir dist && mv .clasp.json ${file}`;
  if (text === undefined) return `${file} does not exist. Make it with:\n  ${create}\nor write {"scriptId": "<script id>", "rootDir": "dist"} into it (README: "In Google Sheets").`;
  let config: { scriptId?: unknown; rootDir?: unknown };
  try {
    config = JSON.parse(text);
  } catch (e) {
    return `${file} is not JSON: ${(e as Error).message}`;
  }
  if (typeof config.scriptId !== 'string' || !/^[\w-]{20,}$/.test(config.scriptId))
    return `${file} has no script id yet (scriptId is ${JSON.stringify(config.scriptId)}). Make the project with:\n  ${create}\nor copy the id from Extensions › Apps Script › Project settings.`;
  if (config.rootDir !== 'dist') return `${file} must have "rootDir": "dist" (the build's output is exactly what is pushed), not ${JSON.stringify(config.rootDir)}.`;
  return undefined;
}

/** The commands, in order; each must succeed before the next runs. */
export function pushSteps(target: Target): string[][] {
  return [
    ['npm', 'run', 'typecheck'],
    ['npm', 'test'],
    ['npx', 'clasp', '-P', projectFile(target), 'push', '--force'],
  ];
}

function main(argv: string[]): number {
  const target = (argv.find((a) => a === 'dev' || a === 'prod') || 'dev') as Target;
  const problem = projectProblem(target, (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined));
  if (problem) {
    console.error(`push: ${problem}`);
    return 2;
  }
  for (const [command, ...args] of pushSteps(target)) {
    console.log(`push: ${command} ${args.join(' ')}`);
    const run = spawnSync(command, args, { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`push: "${command} ${args.join(' ')}" failed; nothing more was done.`);
      return run.status || 1;
    }
  }
  if (target === 'prod')
    console.log(`push: done. To publish this code: npx clasp -P ${projectFile(target)} create-version "<what changed>", then enter its number in the Marketplace SDK's App Configuration.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exit(main(process.argv.slice(2)));
