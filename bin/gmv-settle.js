#!/usr/bin/env node
// The CLI ships as TypeScript and runs through tsx, so a fresh clone works after `npm ci`
// with no build step. Registering the loader here (not via --import) keeps `npx gmv-settle`
// and a plain `node bin/gmv-settle.js` identical.
let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch {
  process.stderr.write('gmv-settle: its dependencies are not installed: run `npm ci` in the project folder first\n');
  process.exit(2);
}
tsx.register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
