#!/usr/bin/env node
// The CLI ships as TypeScript, so a fresh clone works after `npm ci` with no build step: the
// first run bundles src/cli with esbuild into node_modules/.cache/gmv-settle/ (about 0.1 s) and
// later runs load that bundle while no source file is newer. Loading TypeScript through tsx on
// every run instead cost a third of a second and slowed the hot loops (its helpers wrap every
// closure). tsx stays as the fallback if the bundle cannot be built.
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules', '.cache', 'gmv-settle', 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function loadCli() {
  let stale = true;
  try {
    stale = statSync(bundle).mtimeMs < newestSource(join(root, 'src'));
  } catch {
    // no bundle yet
  }
  if (stale) {
    const esbuild = await import('esbuild');
    mkdirSync(dirname(bundle), { recursive: true });
    // Written under a private name and renamed, so two CLIs starting at once never load half a file.
    const temporary = `${bundle}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [join(root, 'src', 'cli', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: temporary,
      logLevel: 'silent',
    });
    renameSync(temporary, bundle);
  }
  return import(pathToFileURL(bundle).href);
}

let cli;
try {
  cli = await loadCli();
} catch {
  try {
    const tsx = await import('tsx/esm/api');
    tsx.register();
    cli = await import('../src/cli/main.ts');
  } catch {
    process.stderr.write('gmv-settle: its dependencies are not installed: run `npm ci` in the project folder first\n');
    process.exit(2);
  }
}
process.exitCode = await cli.runCli(process.argv.slice(2));
