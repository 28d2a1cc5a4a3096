/**
 * Where the settlement goes: the file named by --out, or standard output. JSON is written as it
 * is made, a chunk at a time, so its size is bounded by the disk, not by the longest string.
 * Text shown on a terminal has the data's control characters made visible; files and pipes get
 * the exact bytes.
 */
import { fstatSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LINE_COLUMNS } from '../output/tables';
import { csvChunks } from './csvBytes';
import { jsonReportChunks } from '../output/json';
import type { SettlementRun } from '../run/runSettlement';
import { UsageError, type CliRequest } from './args';
import { visibleText } from './terminalText';

/** What is written: one piece, or a series of text chunks. */
export type Output = string | Buffer | Iterable<string | Buffer>;

export async function renderOutput(run: SettlementRun, request: CliRequest): Promise<Output> {
  if (request.format === 'json') return jsonReportChunks(run);
  if (request.format === 'xlsx') {
    // Loaded on demand: exceljs costs a quarter-second of start-up that CSV and JSON do not need.
    const { settlementWorkbook } = await import('./xlsxWriter');
    return settlementWorkbook(run, request.language);
  }
  return csvChunks(LINE_COLUMNS, run.settlement.lines, request.language, bomFor(request.out));
}

/**
 * Excel opens a BOM-less UTF-8 CSV as the local code page (GBK on Chinese Windows), which
 * garbles merchant names: a file and standard output both start with the BOM, so
 * `gmv-settle … > lines.csv` opens as well as --out does. Only a terminal, where a person reads
 * the text, gets none (and a device named by --out, whatever it is).
 */
export function bomFor(out: string | undefined): Buffer | undefined {
  return out ? (isDevice(out) ? undefined : UTF8_BOM) : process.stdout.isTTY ? undefined : UTF8_BOM;
}

/** A CSV made as one string, with the BOM added as bytes: '\ufeff' + text would turn a one-byte string into a two-byte copy. */
export function csvOutput(csv: string, out: string | undefined): Output {
  const bom = bomFor(out);
  if (!bom) return csv;
  const text = Buffer.from(csv, 'utf8');
  return Buffer.concat([bom, text], bom.length + text.length);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function pieces(output: Output): Iterable<string | Buffer> {
  return typeof output === 'string' || Buffer.isBuffer(output) ? [output] : output;
}

export async function writeOutput(request: Pick<CliRequest, 'out'>, output: Output): Promise<void> {
  if (!request.out) return writeStdout(output);
  const cannotWrite = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    const whyZh = code === 'ENOENT' ? '所在文件夹不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有写入权限' : (error as Error).message;
    return new UsageError(`cannot write --out ${request.out}: ${why}`, `无法写入 --out ${request.out}：${whyZh}`);
  };
  let file;
  try {
    file = await open(request.out, 'w');
  } catch (error) {
    throw cannotWrite(error);
  }
  try {
    for (const piece of pieces(output)) await file.writeFile(piece); // writeFile: no short writes
  } catch (error) {
    throw cannotWrite(error); // a full disk, say
  } finally {
    await file.close();
  }
}

async function writeStdout(output: Output): Promise<void> {
  const stdout = process.stdout;
  // A person reading: escapes from the data must not reach the terminal (a pipe gets the bytes).
  const shown = (piece: string | Buffer) => (stdout.isTTY ? visibleText(piece.toString(), 'keep') : piece);
  let failed: NodeJS.ErrnoException | undefined;
  const onError = (error: NodeJS.ErrnoException) => (failed = error);
  stdout.on('error', onError);
  try {
    for (const piece of pieces(output)) {
      if (failed) break;
      // Waits when the reader is slower than the settlement: memory stays at a chunk or two.
      if (!stdout.write(shown(piece))) await drainedOrFailed(stdout);
    }
    if (!failed) await new Promise<void>((resolve) => stdout.write('', () => resolve()));
  } finally {
    stdout.off('error', onError);
  }
  // A reader that stops early (`| head`) is not an error worth a message.
  if (failed && failed.code !== 'EPIPE') throw failed;
}

function drainedOrFailed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('error', done);
  });
}

function isDevice(path: string): boolean {
  return path.startsWith('/dev/');
}

/**
 * `--out` (or standard output redirected to a file) that is one of the inputs would destroy it:
 * the same path, another spelling of it, a symbolic or a hard link all name the same file,
 * which is what the device and inode numbers identify. Checked before anything is read.
 */
export function refuseOutputOverInput(request: Pick<CliRequest, 'history' | 'campaign' | 'targets' | 'policy' | 'out'> & Partial<Pick<CliRequest, 'holds' | 'previous' | 'payoutList'>>): void {
  // Two outputs into one file would leave only the one written last.
  if (request.out && request.payoutList && resolve(request.out) === resolve(request.payoutList))
    throw new UsageError(
      `--out and --payout-list both name ${request.out}: the payout list would overwrite the settlement. Give them different files.`,
      `--out 和 --payout-list 指向同一个文件 ${request.out}：发放清单会覆盖结算结果。请分别指定不同的文件。`,
    );
  const inputs: [string, string | undefined][] = [
    ['--history', request.history],
    ['--campaign', request.campaign],
    ['--targets', request.targets],
    ['--policy', request.policy],
    ['--holds', request.holds],
    ['--previous', request.previous],
  ];
  const outputs: [string, string | undefined][] = [
    [request.out ? `--out ${request.out}` : 'standard output', request.out],
    [`--payout-list ${request.payoutList}`, request.payoutList],
  ];
  outputs.forEach(([where, path], i) => {
    if (i > 0 && !path) return;
    const output = path ? statOrUndefined(() => statSync(path)) : statOrUndefined(() => fstatSync(1));
    if (!output || !output.isFile()) return;
    for (const [flag, inputPath] of inputs) {
      const input = inputPath ? statOrUndefined(() => statSync(inputPath)) : undefined;
      if (!input || input.dev !== output.dev || input.ino !== output.ino) continue;
      throw new UsageError(
        `${where} is the ${flag} file ${inputPath}: writing the settlement there would destroy the input. Write it to another file.`,
        `${where === 'standard output' ? '标准输出' : where} 就是 ${flag} 输入文件 ${inputPath}：写入结算会毁掉输入数据。请写到另一个文件。`,
      );
    }
  });
}

function statOrUndefined(stat: () => Stats): Stats | undefined {
  try {
    return stat();
  } catch {
    return undefined; // not there yet (an --out to create) or unreadable (reported when read)
  }
}
