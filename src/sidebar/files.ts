/**
 * A file chosen in the sidebar to an input source: a workbook as cells, anything else as text
 * decoded the way the CLI decodes it (UTF-8, UTF-16 with a BOM, or GB18030).
 */
import type { InputSource } from '../addon/protocol';
import { decodeText, isZip } from '../input/encoding';
import { readXlsx } from './xlsx';

export interface FileRead {
  source: InputSource;
  rows: number;
}

export async function readInputFile(file: File): Promise<FileRead> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xlsx$/i.test(file.name) || isZip(bytes)) {
    const cells = await readXlsx(bytes);
    return { source: { kind: 'cells', cells, fileName: file.name }, rows: cells.length };
  }
  const text = decodeText(bytes);
  return { source: { kind: 'text', text, fileName: file.name }, rows: countLines(text) };
}

export function countLines(text: string): number {
  let lines = 0;
  let at = -1;
  while ((at = text.indexOf('\n', at + 1)) >= 0) lines++;
  return text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? lines + 1 : lines;
}
