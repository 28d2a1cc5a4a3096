/**
 * Drives one settlement write through its server calls: start (which finishes at once when the
 * settlement fits in one call), then each remaining block of lines, then of the summary's rows,
 * then finish. The blocks are laid out by the same sheet-table code as the server's, from the
 * settlement the preview shows; the server writes a block only if it is exactly the one it
 * settled itself. No DOM here: the tests drive the server functions through the same loop.
 */
import type { SidebarServer } from '../protocol/server';
import type { RowsBlock, SettlementRequest, WritePart, WriteProgress, WriteResult } from '../protocol/messages';
import type { SheetBlock } from '../output/sheetTables';
import type { ServerClient } from './server';

/** The server calls a write makes, as the sidebar's client has them. */
export type WriteCalls = Pick<ServerClient<SidebarServer>, 'writeSettlement' | 'writeSettlementRows' | 'finishSettlementWrite' | 'abandonSettlementWrite'>;

/** The settlement as the sheet writer lays it out: the lines under the header, and the summary. */
export interface SheetLayout {
  lines: (string | number)[][];
  summary: SheetBlock;
}

export async function writeInCalls(
  calls: WriteCalls,
  request: SettlementRequest,
  layout: () => SheetLayout,
  onProgress: (progress: WriteProgress) => void,
): Promise<WriteResult> {
  const started = await calls.writeSettlement(request);
  if (started.outcome !== 'writing' || !started.write) return started;
  let progress = started.write;
  onProgress(progress);
  const sheets = layout();
  const rowsFor = (part: WritePart, from: number, to: number): Pick<RowsBlock, 'values' | 'formats'> =>
    part === 'lines'
      ? { values: sheets.lines.slice(from, to) }
      : { values: sheets.summary.values.slice(from, to) as (string | number)[][], formats: sheets.summary.formats.slice(from, to) };
  try {
    for (const part of ['lines', 'summary'] as WritePart[]) {
      while (progress[part].written < progress[part].total) {
        const { written: from, perCall } = progress[part];
        progress = await calls.writeSettlementRows({ writeId: progress.id, part, from, ...rowsFor(part, from, from + perCall) });
        onProgress(progress);
      }
    }
    return await calls.finishSettlementWrite(progress.id);
  } catch (error) {
    // Its sheets go now rather than in ten minutes; the user presses the button again.
    calls.abandonSettlementWrite(progress.id).catch(() => undefined);
    throw error;
  }
}
