/**
 * Builds the sidebar into ONE self-contained file, dist/Sidebar.html: Apps Script serves a
 * sidebar from a single HTML file, and the sidebar may load nothing from the web. The CSS and
 * the esbuild IIFE bundle are inlined into src/sidebar/sidebar.html.
 */
import { build } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sidebarDir = join(root, 'src', 'sidebar');

export async function buildSidebar(outDir: string): Promise<void> {
  const bundle = await build({
    entryPoints: [join(sidebarDir, 'main.ts')],
    bundle: true,
    format: 'iife',
    // Same floor as the server bundle; every browser that runs Sheets handles ES2019.
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const js = inlineScript(bundle.outputFiles[0].text);
  const css = await readFile(join(sidebarDir, 'sidebar.css'), 'utf8');
  const template = await readFile(join(sidebarDir, 'sidebar.html'), 'utf8');
  // Function replacers: a `$&` inside the bundle must not be read as a replacement pattern.
  const html = template.replace('/*INLINE_CSS*/', () => css.trim()).replace('/*INLINE_JS*/', () => js);
  assertSelfContained(html);
  await mkdir(outDir, { recursive: true });
  // Written aside and renamed: a preview or test reading the file never sees half of it.
  const target = join(outDir, 'Sidebar.html');
  await writeFile(`${target}.${process.pid}.tmp`, html);
  await rename(`${target}.${process.pid}.tmp`, target);
}

/**
 * Script text that cannot end or confuse its <script> element: `</script` would close it and
 * `<!--` can switch the HTML parser into a state where the real `</script>` no longer ends it.
 * `<\/` and `<\!` mean the same in JS strings and regexes.
 */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The built sidebar must not fetch anything: no CDN, no web fonts, no remote images. */
function assertSelfContained(html: string): void {
  const external = /(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|@import|url\(\s*["']?(?:https?:)?\/\//i.exec(html);
  if (external) throw new Error(`Sidebar.html would load from the web: ${html.slice(external.index, external.index + 80)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildSidebar(join(root, 'dist')).then(
    () => console.log('dist/Sidebar.html written'),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
