/**
 * A file chosen in the sidebar to an input source. CSV exports from the merchant back office
 * come in UTF-8 or in GB18030 (Excel on Chinese Windows), so UTF-8 is tried strictly first.
 */
import type { InputSource } from '../addon/protocol';
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
  const text = decodeCsv(bytes);
  return { source: { kind: 'text', text, fileName: file.name }, rows: countLines(text) };
}

/** UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (notUtf8) {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

export function countLines(text: string): number {
  let lines = 0;
  let at = -1;
  while ((at = text.indexOf('\n', at + 1)) >= 0) lines++;
  return text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? lines + 1 : lines;
}
