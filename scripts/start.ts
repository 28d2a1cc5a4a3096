/**
 * `npm start`: builds dist/, then serves the local preview — the real built sidebar beside an
 * emulated spreadsheet, its google.script.run calls running the real built server bundle on
 * in-memory Google fakes. PORT=0 picks a free port; PREVIEW_LATENCY_MS adds Apps Script-like
 * delay to each server call (to see the progress display); PREVIEW_LOCALE=zh_CN for Chinese.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settleFiles } from '../src/cli/settleFiles';
import { formatSummary } from '../src/cli/summary';
import { startPreview } from '../dev/preview/serverStart';
import { runMain } from './runMain';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed (see above)');

  const preview = await startPreview({
    root,
    port: process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT),
    latencyMs: Number(process.env.PREVIEW_LATENCY_MS || 0),
    locale: process.env.PREVIEW_LOCALE || 'en_US',
  });
  // What the bundled examples settle to, as the CLI would: the figures to expect in the preview.
  const examples = await settleFiles({
    history: join(root, 'examples/history.csv'),
    campaign: join(root, 'examples/campaign.csv'),
    targets: join(root, 'examples/targets.csv'),
    policy: join(root, 'examples/policy.json'),
  });
  console.log(formatSummary(examples, 'en', 5));
  console.log(`Preview of the settlement add-on: ${preview.url}`);
  console.log(`  server functions: ${preview.runtime.serverFunctions.join(', ') || '(none yet)'}`);
  console.log('  Ctrl+C to stop.');

  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the preview`);
    preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

runMain(main);
