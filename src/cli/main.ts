/**
 * `gmv-settle`: settle files, show what was read on stderr, write the chosen format.
 * Exit 0 when a settlement was produced (issues or not), 2 when the user has something to fix
 * before one can be, 1 only for a bug in this program.
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { toJsonReport } from '../output/json';
import { linesToCsv } from '../output/csv';
import type { SettlementRun } from '../output/run';
import { CliRequest, parseCliArgs, UsageError, USAGE } from './args';
import { inputReport } from './inputReport';
import { settleFiles } from './settleFiles';

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_USAGE = 2;

export async function runCli(argv: string[]): Promise<number> {
  try {
    const parsed = parseCliArgs(argv);
    if (parsed.help) {
      process.stdout.write(USAGE);
      return EXIT_OK;
    }
    const request = parsed.request;
    if (request.format === 'xlsx' && !request.out && process.stdout.isTTY)
      throw new UsageError('--format xlsx writes a binary workbook: give --out FILE.xlsx (or redirect standard output to a file)');
    const progress = progressReporter(request);
    progress('reading and settling the inputs…');
    const run = await settleFiles(request);
    process.stderr.write(inputReport(run, request.language));
    progress(`writing ${run.settlement.lines.length.toLocaleString('en-US')} lines as ${request.format}…`);
    await writeOutput(request, await render(run, request));
    progress('done');
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`gmv-settle: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(
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
  return (step) => process.stderr.write(`gmv-settle [${((Date.now() - started) / 1000).toFixed(1)} s] ${step}\n`);
}

async function render(run: SettlementRun, request: CliRequest): Promise<string | Buffer> {
  if (request.format === 'json') return JSON.stringify(toJsonReport(run), null, 2) + '\n';
  if (request.format === 'xlsx') {
    // Loaded on demand: exceljs costs a quarter-second of start-up that CSV and JSON do not need.
    const { settlementWorkbook } = await import('../output/xlsx');
    return settlementWorkbook(run, request.language);
  }
  const csv = linesToCsv(run, request.language);
  // Excel opens a BOM-less UTF-8 CSV as the local code page (GBK on Chinese Windows), which
  // garbles merchant names; a file gets the BOM, a pipe does not (tools downstream dislike it).
  // Added as bytes: '\ufeff' + text would turn a one-byte string into a two-byte copy.
  if (!request.out || isDevice(request.out)) return csv;
  const text = Buffer.from(csv, 'utf8');
  return Buffer.concat([UTF8_BOM, text], UTF8_BOM.length + text.length);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function writeOutput(request: CliRequest, data: string | Buffer): Promise<void> {
  if (!request.out) {
    await writeStdout(data);
    return;
  }
  try {
    await writeFile(request.out, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot write --out ${request.out}: ${why}`);
  }
}

function writeStdout(data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    // A reader that stops early (`| head`) is not an error worth a message.
    process.stdout.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error)));
    process.stdout.write(data, () => resolve());
  });
}

function isDevice(path: string): boolean {
  return path.startsWith('/dev/');
}
