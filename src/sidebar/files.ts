/**
 * A file chosen in the sidebar to an input source: a workbook as cells, anything else as text
 * decoded the way the CLI decodes it (UTF-8, UTF-16 with a BOM, or GB18030).
 */
import { MAX_CALL_CHARS, MAX_TABLE_CELLS } from '../protocol/limits';
import type { InputSource } from '../protocol/messages';
import { decodeText, isZip } from '../files/decode';
import { groupedCount } from '../output/counts';
import { t } from './i18n';
import { readXlsx } from './xlsx';

/** A file that could be read but never sent: one server call could not carry it. */
export class FileTooLarge extends Error {}

/** No encoding takes more than 4 bytes a character: a larger file cannot fit in a call, whatever it holds. */
const MAX_FILE_BYTES = 4 * MAX_CALL_CHARS;

export interface FileRead {
  source: InputSource;
  rows: number;
}

export async function readInputFile(file: File): Promise<FileRead> {
  const tooLarge = () =>
    new FileTooLarge(t('fileTooLarge', { name: file.name, size: `${(file.size / 1048576).toFixed(1)} MB`, limit: groupedCount(MAX_CALL_CHARS) }));
  if (file.size > MAX_FILE_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xlsx$/i.test(file.name) || isZip(bytes)) {
    const cells = await readXlsx(bytes);
    if (cells.reduce((n, row) => n + row.length, 0) > MAX_TABLE_CELLS) throw tooLarge();
    return { source: { kind: 'cells', cells, fileName: file.name }, rows: cells.length };
  }
  const text = decodeText(bytes);
  if (text.length > MAX_CALL_CHARS) throw tooLarge();
  return { source: { kind: 'text', text, fileName: file.name }, rows: countLines(text) };
}

export function countLines(text: string): number {
  let lines = 0;
  let at = -1;
  while ((at = text.indexOf('\n', at + 1)) >= 0) lines++;
  return text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? lines + 1 : lines;
}
