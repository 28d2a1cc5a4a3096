/**
 * `npx tsx scripts/docs.ts` writes the README's generated parts from the declarations they
 * describe, each between `<!-- name:start -->` and `<!-- name:end -->`; `--check` only says
 * whether README.md is what it would write (exit 1 if not), as test/build/readme.test.ts does.
 * A new generated part is one entry of DOC_PARTS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policyTable } from './docs/policyTable';

export const DOC_PARTS: { name: string; render: () => string }[] = [{ name: 'policy-table', render: policyTable }];

export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));

/** `readme` with every part between its markers rendered anew; a part whose markers are missing is an error. */
export function renderReadme(readme: string, parts = DOC_PARTS): string {
  return parts.reduce((text, part) => {
    const start = `<!-- ${part.name}:start -->`;
    const end = `<!-- ${part.name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
    return text.slice(0, from + start.length) + '\n' + part.render() + '\n' + text.slice(to);
  }, readme);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README_PATH, 'utf8');
  const rendered = renderReadme(readme);
  if (process.argv.includes('--check')) {
    if (rendered !== readme) {
      console.error('README.md differs from its declarations: run npx tsx scripts/docs.ts');
      process.exit(1);
    }
  } else if (rendered !== readme) {
    writeFileSync(README_PATH, rendered);
    console.log('README.md: generated parts rewritten');
  } else console.log('README.md: generated parts up to date');
}
