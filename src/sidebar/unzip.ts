/**
 * A ZIP entry's bytes in the browser: the sidebar must stay one small HTML file, so rather than
 * exceljs (~1 MB) it inflates with the DecompressionStream the browser already ships. The ZIP
 * directory itself is read by input/zip.ts, which the CLI shares.
 */
import { entryData, ZipError, type ZipEntry } from '../files/zip';

/** One entry's bytes, inflated when it was deflated, as a stream of chunks. */
function entryStream(bytes: Uint8Array, entry: ZipEntry): ReadableStream<Uint8Array> {
  const data = entryData(bytes, entry);
  const raw = new Blob([data as Uint8Array<ArrayBuffer>]).stream();
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses a compression this reader does not know (${entry.method})`);
  return raw.pipeThrough(new DecompressionStream('deflate-raw'));
}

/**
 * An entry as text. `check` sees the text as it is inflated, piece by piece, and may throw to
 * stop there: a worksheet that claims 30 million rows is refused before it is all in memory.
 */
export async function readZipText(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>,
  name: string,
  check?: (text: string) => void,
): Promise<string | undefined> {
  const entry = entries.get(name);
  if (!entry) return undefined;
  const reader = entryStream(bytes, entry).getReader();
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const piece = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (check) check(piece);
      pieces.push(piece);
      if (done) return pieces.join('');
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
}
