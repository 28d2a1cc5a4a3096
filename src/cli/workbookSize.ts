/**
 * An .xlsx input whose sheets claim more rows than Excel allows is refused before exceljs reads
 * it: exceljs loads every sheet and builds a row object for each row number up to the last, so
 * a 30 KB file claiming row 30,000,000 would take the memory of thirty million rows first.
 */
import { createInflateRaw } from 'node:zlib';
import { EXCEL_MAX_ROWS, SheetRowClaims } from '../files/sheetSize';
import { entryData, listZip, ZipError, type ZipEntry } from '../files/zip';
import { UsageError } from './args';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

export async function refuseOversizedWorkbook(flag: string, path: string, bytes: Uint8Array): Promise<void> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = listZip(bytes);
  } catch (error) {
    throw new UsageError(`cannot read ${flag} ${path} as an .xlsx workbook: ${(error as Error).message}`);
  }
  for (const entry of entries.values()) {
    if (!WORKSHEET.test(entry.name)) continue;
    let rows: number;
    try {
      rows = await claimedRows(bytes, entry);
    } catch (error) {
      throw new UsageError(`cannot read ${flag} ${path} as an .xlsx workbook: ${entry.name} is damaged (${(error as Error).message})`);
    }
    if (rows > EXCEL_MAX_ROWS)
      throw new UsageError(
        `${flag} ${path} claims ${rows.toLocaleString('en-US')} rows in one sheet (${entry.name}), more than the ` +
          `${EXCEL_MAX_ROWS.toLocaleString('en-US')} an Excel sheet can hold: the file is damaged or was not saved by a ` +
          'spreadsheet program. Save it again from Excel, or export it as CSV.',
        `${flag} ${path} 声称一个工作表（${entry.name}）有 ${rows.toLocaleString('en-US')} 行，超过 Excel 工作表最多的 ` +
          `${EXCEL_MAX_ROWS.toLocaleString('en-US')} 行：文件已损坏，或不是由电子表格程序保存的。请用 Excel 重新保存，或导出为 CSV。`,
      );
  }
}

/** The rows the sheet claims, inflating only until the claim passes Excel's limit. */
function claimedRows(bytes: Uint8Array, entry: ZipEntry): Promise<number> {
  const claims = new SheetRowClaims();
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    claims.feed(new TextDecoder('utf-8').decode(data));
    return Promise.resolve(claims.rows);
  }
  if (entry.method !== 8) return Promise.reject(new ZipError(`compression method ${entry.method} is not known`));
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 1 << 16 });
    const decoder = new TextDecoder('utf-8');
    inflate.on('data', (chunk: Buffer) => {
      claims.feed(decoder.decode(chunk, { stream: true }));
      if (claims.exceedsExcel()) {
        inflate.destroy();
        resolve(claims.rows);
      }
    });
    inflate.on('end', () => resolve(claims.rows));
    inflate.on('error', reject);
    inflate.end(data);
  });
}
