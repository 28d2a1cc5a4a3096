/**
 * Drives one settlement write through its server calls: start (which finishes at once when the
 * settlement fits in one call), then each remaining block of LINES_PER_CALL lines, then finish.
 * The blocks are the lines as the sheet writer lays them out, from the same settlement the
 * preview shows; the server writes a block only if it is exactly the one it settled itself.
 * No DOM here: the tests drive the server functions through the same loop.
 */
import type { LinesBlock, SettlementRequest, WriteProgress, WriteResult } from '../addon/protocol';

export interface WriteCalls {
  writeSettlement(request: SettlementRequest): Promise<WriteResult>;
  writeSettlementLines(block: LinesBlock): Promise<WriteProgress>;
  finishSettlementWrite(writeId: string): Promise<WriteResult>;
  abandonSettlementWrite(writeId: string): Promise<void>;
}

/** `lineRows()`: every line under the header row, as the sheet writer lays them out. */
export async function writeInCalls(
  calls: WriteCalls,
  request: SettlementRequest,
  lineRows: () => (string | number)[][],
  onProgress: (linesWritten: number, lines: number) => void,
): Promise<WriteResult> {
  const started = await calls.writeSettlement(request);
  if (started.outcome !== 'writing' || !started.write) return started;
  const { id, linesPerCall } = started.write;
  let written = started.write.linesWritten;
  onProgress(written, started.lines);
  const rows = lineRows();
  try {
    while (written < started.lines) {
      const progress = await calls.writeSettlementLines({ writeId: id, from: written, values: rows.slice(written, written + linesPerCall) });
      written = progress.linesWritten;
      onProgress(written, progress.lines);
    }
    return await calls.finishSettlementWrite(id);
  } catch (error) {
    // Its sheets go now rather than in ten minutes; the user presses the button again.
    calls.abandonSettlementWrite(id).catch(() => undefined);
    throw error;
  }
}
