/**
 * A file named on the command line to an input Table: CSV/TSV text in whatever encoding the
 * back office exported it, or the first sheet of an .xlsx workbook as cell values.
 */
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { decodeFile, isZip } from '../files/decode';
import { linePieces, PIECE_BYTES } from '../files/linePieces';
import type { Cell } from '../input/number';
import { tableFromCells, tableFromText, tableFromTextPieces, type SourceName, type Table } from '../input/table';
import { UsageError } from './args';
import { refuseOversizedWorkbook } from './workbookSize';

/** Reads `path` for the `--flag` that named it; unreadable files become a UsageError. */
export async function readTableFile(source: SourceName, path: string): Promise<Table> {
  const bytes = await readBytes(`--${source}`, path);
  // By content, not name: a workbook saved as "history.csv" is still a workbook.
  if (isZip(bytes)) return tableFromCells(source, await firstSheetCells(`--${source}`, path, bytes));
  if (isOldExcel(bytes))
    throw new UsageError(`--${source} ${path} is an old .xls workbook: save it as .xlsx or CSV and try again`, `--${source} ${path} 是旧版 .xls 工作簿：请另存为 .xlsx 或 CSV 后重试`);
  return textFileTable(source, path, bytes);
}

/** A text file's bytes as a table: one string, or pieces of whole lines above `limits.oneText` bytes. */
export function textFileTable(source: SourceName, path: string, bytes: Uint8Array, limits = { oneText: ONE_TEXT_BYTES, piece: PIECE_BYTES }): Table {
  if (bytes.length > limits.oneText) return largeTextFile(source, path, bytes, limits);
  const { text, utf8 } = decodeFile(bytes);
  return tableFromText(source, text, utf8);
}

/**
 * Above this a file is read in pieces of whole lines: one string of it would come near V8's
 * limit (~512 M characters) and hold the whole file twice over in memory.
 */
export const ONE_TEXT_BYTES = 256 * 1024 * 1024;

function largeTextFile(source: SourceName, path: string, bytes: Uint8Array, limits: { oneText: number; piece: number }): Table {
  const pieces = linePieces(bytes, limits.piece);
  if (pieces) return tableFromTextPieces(source, pieces);
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  throw new UsageError(
    `--${source} ${path} is ${mb(bytes.length)} MB: a file over ${mb(limits.oneText)} MB is read in pieces of whole lines, which needs CSV UTF-8 with no quoted fields (no " anywhere); ` +
      `save it that way, split it by merchant into files under ${mb(limits.oneText)} MB and settle each, or settle it with --engine duckdb`,
    `--${source} ${path} 有 ${mb(bytes.length)} MB：超过 ${mb(limits.oneText)} MB 的文件按整行分块读取，须为不含引号（"）的 CSV UTF-8 文件；请按此另存，或按商家拆分为 ${mb(limits.oneText)} MB 以下的文件分别结算，或用 --engine duckdb 结算`,
  );
}

export async function readBytes(flag: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'there is no such file' :
      code === 'EISDIR' ? 'it is a folder, not a file' :
      code === 'EACCES' || code === 'EPERM' ? 'permission denied' :
      (error as Error).message;
    const whyZh =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : (error as Error).message;
    throw new UsageError(`cannot read ${flag} ${path}: ${why}`, `无法读取 ${flag} ${path}：${whyZh}`);
  }
}

function isOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** The first worksheet as rows of cells, row i+1 of the sheet at index i so row numbers match. */
async function firstSheetCells(flag: string, path: string, bytes: Buffer): Promise<Cell[][]> {
  await refuseOversizedWorkbook(flag, path, bytes);
  // Loaded only for workbooks: exceljs is a large library and most inputs are CSV.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs's Buffer type predates Node's generic Buffer<ArrayBufferLike>.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UsageError(`cannot read ${flag} ${path} as an .xlsx workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UsageError(`${flag} ${path} has no worksheet`);
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[]; // 1-based, sparse
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellOf(values[c]));
    rows.push(cells);
  }
  return rows;
}

/** An exceljs value as the Cell a Sheets range would hand over. */
function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    // exceljs builds dates at UTC midnight; the readers take a Date's local calendar day (as
    // Apps Script hands them), so rebuild it locally or a zone west of UTC would lose a day.
    return new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes());
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
  // A formula saved without a calculated value: its text makes the reader report the cell
  // instead of taking it as blank.
  if ('formula' in value) return '=' + value.formula;
  if ('sharedFormula' in value) return '=' + value.sharedFormula;
  if ('text' in value) return String(value.text);
  // An error value such as #N/A stays visible so the reader reports it rather than skips it.
  if ('error' in value) return String(value.error);
  return String(value);
}
