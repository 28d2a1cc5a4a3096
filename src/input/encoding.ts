/**
 * The bytes of an exported file to text, the same in the CLI (Node) and the sidebar (browser):
 * a BOM decides when there is one (UTF-8, or UTF-16 from Excel's "Unicode Text"); otherwise
 * valid UTF-8 is UTF-8, and anything else is GB18030 — a superset of GBK, which Chinese
 * back-office exports and Excel on Chinese Windows write. Latin-1 is never guessed: these
 * files have Chinese headers.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (notUtf8) {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** An .xlsx workbook (a zip), whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
