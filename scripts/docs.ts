/**
 * `npm run docs`: writes the generated sections of README.md, each the text between
 * `<!-- <name>:start -->` and `<!-- <name>:end -->`, from the declarations it documents;
 * `npm run docs -- --check` writes nothing and exits 1 naming each section that differs.
 * test/build/docs.test.ts fails while README.md differs, so the README cannot drift from the code.
 *
 * ▶ ANOTHER GENERATED SECTION is one entry in README_SECTIONS (a name and a function returning
 * its Markdown) and its pair of markers in README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { policyTable } from './docs/policyTable';
import { functionTable } from './functionTable';

export interface DocSection {
  /** The markers' name: `<!-- function-table:start -->`. */
  name: string;
  /** The Markdown between the markers, without blank lines around it. */
  render: () => string;
}

export const README_SECTIONS: DocSection[] = [
  { name: 'function-table', render: functionTable },
  { name: 'policy-table', render: policyTable },
];

export const README = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'README.md');

function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The text with every section's markers enclosing its freshly rendered Markdown. */
export function withSections(text: string, sections: DocSection[] = README_SECTIONS): string {
  return sections.reduce((current, section) => {
    const { start, end } = markers(section.name);
    const from = current.indexOf(start);
    const to = current.indexOf(end);
    if (from < 0 || to < from || current.indexOf(start, from + 1) >= 0) {
      throw new Error(`docs: README.md needs one "${start}" followed by one "${end}"`);
    }
    return current.slice(0, from + start.length) + '\n' + section.render().trim() + '\n' + current.slice(to);
  }, text);
}

/** The names of the sections whose text differs from what the declarations give. */
export function staleSections(text: string, sections: DocSection[] = README_SECTIONS): string[] {
  return sections.filter((section) => withSections(text, [section]) !== text).map((section) => section.name);
}

function main(argv: string[]): number {
  const text = readFileSync(README, 'utf8');
  const stale = staleSections(text);
  if (argv.indexOf('--check') >= 0) {
    if (stale.length === 0) return 0;
    console.error(`docs: README.md differs from the declarations in ${stale.join(', ')}: run npm run docs`);
    return 1;
  }
  if (stale.length > 0) writeFileSync(README, withSections(text));
  console.log(stale.length > 0 ? `docs: README.md: ${stale.join(', ')} written` : 'docs: README.md is up to date');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
