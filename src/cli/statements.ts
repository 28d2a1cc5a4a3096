/**
 * --statements DIR and --payout-list FILE: the files finance sends out after a run. A statement
 * is one self-contained HTML page per merchant (no script, no link, every value escaped; print it
 * or "Save as PDF" from any browser, Chinese included, with no PDF library to trust with CJK
 * fonts); the payout list is CSV with a BOM so Excel shows the names. A statement names the run
 * it comes from by the SHA-256 of this run's JSON report: `--format json --out r.json` in the same
 * run, and `sha256sum r.json` gives the same checksum.
 */
import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { tableToCsv } from '../output/csv';
import { jsonReportChunks } from '../output/json';
import type { Language } from '../output/language';
import { PAYOUT_COLUMNS, payoutRows } from '../output/payout';
import { statementHtml, statementsOf, type StatementSource } from '../output/statement';
import type { SettlementRun } from '../run/runSettlement';
import { UsageError } from './args';

const UTF8_BOM = '\ufeff';

/** SHA-256 of the run's JSON report, streamed: the same bytes `--format json` writes for this run. */
export function reportChecksum(run: SettlementRun): string {
  const hash = createHash('sha256');
  for (const chunk of jsonReportChunks(run)) hash.update(chunk, 'utf8');
  return hash.digest('hex');
}

/**
 * A merchant id as a file name: letters, digits, CJK, '-', '_' and '.' kept, anything else (a
 * slash, a control character) '_', never a name that starts with a dot; ids that fold to the
 * same name (or differ only in case, on a case-insensitive disk) get -2, -3 ….
 */
export function statementFileNames(ids: string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    const safe = (id.replace(/[^\p{L}\p{N}_.-]/gu, '_').replace(/^\.+/, '_') || '_').slice(0, 120);
    let name = safe;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${safe}-${n}`;
    taken.add(name.toLowerCase());
    return `${name}.html`;
  });
}

async function writeText(flag: string, path: string, text: string): Promise<void> {
  let file;
  try {
    file = await open(path, 'w');
    await file.writeFile(text, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${path}: ${(error as Error).message}`, `无法写入 ${flag} ${path}：${(error as Error).message}`);
  } finally {
    if (file) await file.close();
  }
}

/** One statement per merchant into `dir` (made if missing); returns the files written. */
export async function writeStatements(dir: string, run: SettlementRun, language: Language): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot make --statements ${dir}: ${(error as Error).message}`, `无法创建 --statements ${dir}：${(error as Error).message}`);
  }
  const source: StatementSource = {
    campaign: run.record.campaign,
    run: run.record.runNumber,
    generatedAt: run.record.generatedAt,
    inputSha256: run.record.inputSha256,
    checksum: reportChecksum(run),
    checksumOf: language === 'zh' ? '本次结算 --format json 报告的 SHA-256' : "SHA-256 of this run's --format json report",
  };
  const statements = statementsOf(run);
  const names = statementFileNames(statements.map((s) => s.merchant.merchantId));
  for (let i = 0; i < statements.length; i++) await writeText('--statements', join(dir, names[i]), statementHtml(statements[i], source, language));
  return names.map((name) => join(dir, name));
}

/** The payout list as CSV (headings = keys in English, as the lines' CSV), BOM first. */
export async function writePayoutList(path: string, run: SettlementRun, language: Language): Promise<number> {
  const rows = payoutRows(run);
  await writeText('--payout-list', path, UTF8_BOM + tableToCsv(PAYOUT_COLUMNS, rows, language));
  return rows.length;
}
