/**
 * Workbooks as a damaged or hostile file would be: a real exceljs workbook whose sheet XML is
 * then rewritten, and zipped again, so a test can claim thirty million rows in a few kilobytes.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { entryData, listZip } from '../../src/files/zip';

/** Each entry of a ZIP archive, inflated. */
export function unzipAll(bytes: Uint8Array): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of listZip(bytes).values()) {
    const data = Buffer.from(entryData(bytes, entry));
    files.set(entry.name, entry.method === 8 ? inflateRawSync(data) : data);
  }
  return files;
}

/** A header of `length` bytes from little-endian fields: [offset, size in bytes, value]. */
function header(length: number, fields: [number, 2 | 4, number][]): Buffer {
  const out = Buffer.alloc(length);
  for (const [at, size, value] of fields) {
    if (size === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value, at);
  }
  return out;
}

/** A ZIP archive of the files, each deflated: local headers, central directory, end record. */
export function zipAll(files: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = deflateRawSync(content);
    // version, method 8 (deflate), CRC-32, compressed and full size, name length (APPNOTE 4.3.7, 4.3.12)
    const sizes: [number, 2 | 4, number][] = [[0, 4, crc32(content)], [4, 4, data.length], [8, 4, content.length], [12, 2, nameBytes.length]];
    const at = (base: number) => sizes.map(([o, n, v]): [number, 2 | 4, number] => [base + o, n, v]);
    const local = header(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], ...at(14)]);
    const central = header(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], ...at(16), [42, 4, offset]]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = header(22, [[0, 4, 0x06054b50], [8, 2, files.size], [10, 2, files.size], [12, 4, directory.length], [16, 4, offset]]);
  return Buffer.concat([...locals, directory, end]);
}

/** A workbook of these rows, its first sheet's XML then passed through `rewrite`. */
export async function rewrittenWorkbook(rows: (string | number)[][], rewrite: (sheetXml: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('活动日');
  rows.forEach((row) => sheet.addRow(row));
  const files = unzipAll(Buffer.from(await workbook.xlsx.writeBuffer()));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = files.get(name);
  if (!xml) throw new Error(`exceljs wrote no ${name}`);
  files.set(name, Buffer.from(rewrite(xml.toString('utf8')), 'utf8'));
  return zipAll(files);
}

/** `<dimension ref="A1:E30000000"/>` in place of the true one. */
export const claimDimension = (ref: string) => (xml: string) => {
  if (!/<dimension ref="[^"]*"\/>/.test(xml)) throw new Error('the sheet has no dimension to rewrite');
  return xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`);
};

/** One more row, numbered `row`, after the real ones: what a reader allocates up to. */
export const claimRow = (row: number) => (xml: string) =>
  xml.replace('</sheetData>', `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>M999</t></is></c></row></sheetData>`);
