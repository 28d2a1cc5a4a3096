/**
 * The benchmarks' data: N merchants × 30 history days (a ~90 MB long CSV at 100k) + 3 campaign
 * days, into a gitignored folder (bench-data/), reproducible (seeded), made once per size.
 */
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './prng';

export const HISTORY_DAYS = 30;
export const CAMPAIGN_DAYS = ['2025-11-11', '2025-11-12', '2025-11-13'];

export interface BenchData {
  dir: string;
  merchants: number;
  regenerate?: boolean;
}

export function benchFiles(dir: string): { history: string; campaign: string } {
  return { history: join(dir, 'history.csv'), campaign: join(dir, 'campaign.csv') };
}

export function generateBenchData({ dir, merchants, regenerate }: BenchData): { history: string; campaign: string } {
  const files = benchFiles(dir);
  const marker = join(dir, `generated-${merchants}`);
  if (existsSync(marker) && !regenerate) return files;
  mkdirSync(dir, { recursive: true });
  const random = prng(42);
  const baselines = Array.from({ length: merchants }, () => Math.exp(Math.log(20000) + random() * Math.log(50)));
  const id = (m: number) => String(m + 1).padStart(8, '0'); // leading zeros, as real ids have
  const days = Array.from({ length: HISTORY_DAYS }, (_, d) => new Date(Date.UTC(2025, 9, 12 + d)).toISOString().slice(0, 10));

  // Written in ~1 MB chunks: one string for 90 MB would be slower and needlessly large.
  const writeRows = (path: string, header: string, rowsOf: (m: number) => string) => {
    const fd = openSync(path, 'w');
    let chunk = header + '\n';
    for (let m = 0; m < merchants; m++) {
      chunk += rowsOf(m);
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
  };
  const money = (yuan: number) => yuan.toFixed(2);
  writeRows(files.history, 'merchant_id,date,gmv', (m) => days.map((date) => `${id(m)},${date},${money(baselines[m] * (0.75 + random() / 2))}\n`).join(''));
  writeRows(files.campaign, 'merchant_id,date,gmv,ad_spend', (m) =>
    CAMPAIGN_DAYS.map((date) => `${id(m)},${date},${money(baselines[m] * (0.6 + random() * 4))},${money(baselines[m] * random() * 0.08)}\n`).join(''),
  );
  writeFileSync(marker, new Date().toISOString());
  return files;
}
