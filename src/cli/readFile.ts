/**
 * A file named on the command line to an input Table: CSV/TSV text in whatever encoding the
 * back office exported it, or the first sheet of an .xlsx workbook as cell values.
 */
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { decodeFile, isZip } from '../files/decode';
import type { Cell } from '../input/number';
import { tableFromCells, tableFromText, type SourceName, type Table } from '../input/table';
import { UsageError } from './args';
import { refuseOversizedWorkbook } from './workbookSize';

/** Reads `path` for the `--flag` that named it; unreadable files become a UsageError. */
export async function readTableFile(source: SourceName, path: string): Promise<Table> {
  const bytes = await readBytes(`--${source}`, path);
  // By content, not name: a workbook saved as "history.csv" is still a workbook.
  if (isZip(bytes)) return tableFromCells(source, await firstSheetCells(`--${source}`, path, bytes));
  if (isOldExcel(bytes))
    throw new UsageError(`--${source} ${path} is an old .xls workbook: save it as .xlsx or CSV and try again`, `--${source} ${path} 是旧版 .xls 工作簿：请另存为 .xlsx 或 CSV 后重试`);
  const { text, utf8 } = decodeFile(bytes);
  return tableFromText(source, text, utf8);
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
