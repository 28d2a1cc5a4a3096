/**
 * `gmv-settle`: settle files, show what was read on stderr, write the chosen format.
 * Exit 0 when a settlement was produced (issues or not), 2 when the user has something to fix
 * before one can be, 1 only for a bug in this program.
 */
import { statSync } from 'node:fs';
import type { Language } from '../output/language';
import { CliRequest, parseCliArgs, SQL_USAGE, UsageError, USAGE } from './args';
import { inputReport } from './inputReport';
import { refuseOutputOverInput, renderOutput, writeOutput } from './output';
import { settleFiles } from './settleFiles';
import { writePayoutList, writeStatements } from './statements';
import { visibleText } from './terminalText';
import { runWhatIf } from './whatIf';
import { refuseCampaignBeyondXlsx, refuseSettlementBeyondXlsx } from './xlsxLimit';

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_USAGE = 2;

/** Everything for a person goes to standard error through here: data in it is made visible. */
function tell(text: string): void {
  process.stderr.write(visibleText(text, 'keep'));
}

export async function runCli(argv: string[]): Promise<number> {
  let language: Language = 'en';
  try {
    if (argv[0] === 'what-if') return await runWhatIf(argv.slice(1), tell, (chosen) => (language = chosen));
    const parsed = parseCliArgs(argv);
    if (parsed.help) {
      process.stdout.write(parsed.topic === 'sql' ? SQL_USAGE : USAGE);
      return EXIT_OK;
    }
    if ('sql' in parsed) {
      language = parsed.sql.language;
      const { printSql } = await import('./sqlCommand');
      await printSql(parsed.sql);
      return EXIT_OK;
    }
    const request = parsed.request;
    language = request.language;
    if (request.format === 'xlsx' && !request.out && process.stdout.isTTY)
      throw new UsageError(
        '--format xlsx writes a binary workbook: give --out FILE.xlsx (or redirect standard output to a file)',
        '--format xlsx 会写出二进制工作簿：请用 --out FILE.xlsx 指定文件（或把标准输出重定向到文件）',
      );
    refuseOutputOverInput(request);
    const progress = progressReporter(request);
    if (request.engine !== 'default') {
      // Loaded on demand: the SQL engines' clients are large, and most runs use neither.
      const settleWith = request.engine === 'duckdb' ? (await import('./engineRun')).runDuckDbEngine : (await import('./bigqueryEngine')).runBigQueryEngine;
      await settleWith(request, tell, progress);
      progress('done');
      return EXIT_OK;
    }
    progress('reading and settling the inputs…');
    const run = await settleFiles(request, new Date(), request.format === 'xlsx' ? refuseCampaignBeyondXlsx : undefined);
    tell(inputReport(run, request.language));
    if (request.format === 'xlsx') refuseSettlementBeyondXlsx(run);
    progress(`writing ${run.settlement.lines.length.toLocaleString('en-US')} lines as ${request.format}…`);
    await writeOutput(request, await renderOutput(run, request));
    if (request.statements) {
      progress('writing the statements…');
      const files = await writeStatements(request.statements, run, language);
      tell(language === 'zh' ? `已写入 ${files.length} 份对账单：${request.statements}\n` : `${files.length} statements written to ${request.statements}\n`);
    }
    if (request.payoutList) {
      const rows = await writePayoutList(request.payoutList, run, language);
      tell(language === 'zh' ? `已写入发放清单（${rows} 行）：${request.payoutList}\n` : `payout list (${rows} rows) written to ${request.payoutList}\n`);
    }
    progress('done');
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      tell(`gmv-settle: ${error.text(language)}\n`);
      return EXIT_USAGE;
    }
    tell(
      `gmv-settle: internal error: ${(error as Error).message}\n` +
        'This is a bug, not a problem with your files; please report it with the command you ran.\n' +
        (process.env.GMV_SETTLE_DEBUG ? String((error as Error).stack) + '\n' : '(set GMV_SETTLE_DEBUG=1 to see the stack trace)\n'),
    );
    return EXIT_BUG;
  }
}

/** Files this size take seconds: a person at a terminal is told what is happening, with the time. */
const LARGE_INPUT_BYTES = 10 * 1024 * 1024;

function progressReporter(request: CliRequest): (step: string) => void {
  const started = Date.now();
  const size = [request.history, request.campaign, request.targets].reduce((sum, path) => {
    try {
      return sum + (path ? statSync(path).size : 0);
    } catch {
      return sum; // unreadable: reported properly when it is read
    }
  }, 0);
  if (!process.stderr.isTTY || size < LARGE_INPUT_BYTES) return () => undefined;
  return (step) => tell(`gmv-settle [${((Date.now() - started) / 1000).toFixed(1)} s] ${step}\n`);
}
