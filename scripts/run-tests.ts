/**
 * `npm test`: checks the layer rule and the types (scripts/checkLayers.ts), builds dist/ (the vm
 * and browser tests load the real bundle), then runs every
 * test/**\/*.test.ts with node's test runner. Node 20 has no glob for --test, hence this file.
 * Pass file paths or folder names to run only those: `npm test -- test/core`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const args = process.argv.slice(2);
const missing = args.filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.error(`npm test: no such test file or folder: ${missing.join(', ')}`);
  process.exit(2);
}
const files = (args.length > 0 ? args : ['test']).flatMap((p) => (statSync(p).isDirectory() ? testFiles(p) : [p])).sort();

// The layer rule and the typecheck first: tsx strips types, so a type error would otherwise pass.
const checks = spawnSync('npx', ['tsx', 'scripts/checkLayers.ts'], { stdio: 'inherit' });
if (checks.status !== 0) process.exit(checks.status || 1);

const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(run.status === null ? 1 : run.status);
