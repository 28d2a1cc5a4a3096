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
  /** A true-up's third sheet (SPEC §7). */
  trueUp?: SheetBlock;
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
  const rowsFor = (part: WritePart, from: number, to: number): Pick<RowsBlock, 'values' | 'formats'> => {
    if (part === 'lines') return { values: sheets.lines.slice(from, to) };
    const block = part === 'summary' ? sheets.summary : sheets.trueUp;
    if (!block) throw new Error('the server expects a true-up sheet the preview did not make: preview again, then write');
    return { values: block.values.slice(from, to) as (string | number)[][], formats: block.formats.slice(from, to) };
  };
  try {
    for (const part of ['lines', 'summary', 'trueUp'] as WritePart[]) {
      for (let now = progress[part]; now && now.written < now.total; now = progress[part]) {
        const { written: from, perCall } = now;
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
