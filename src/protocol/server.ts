/**
 * The server functions the sidebar calls, as the sidebar sends and receives them: the contract
 * both sides are compiled against. The sidebar's client is typed from it (src/sidebar/server.ts);
 * src/addon/entry.ts does not compile unless its SERVER implements exactly these signatures (its
 * arguments arriving Unchecked, see crossing.ts). Here, in protocol/, and not read off the
 * add-on's code, so the sidebar is type-checked as the browser code it is: with the DOM and
 * without Apps Script, whose services the add-on's code needs.
 *
 * A call the sidebar makes is one entry here and one in SERVER; a trigger or menu item only the
 * latter.
 */
import type { CampaignBasis, JsonCell, RowsBlock, RunSheetRequest, RunSheetResult, SettlementRequest, SidebarContext, WriteProgress, WriteResult } from './messages';

export interface SidebarServer {
  getSidebarContext(): SidebarContext;
  readRangeCells(a1: string): JsonCell[][];
  writeSettlement(request: SettlementRequest): WriteResult;
  writeSettlementRows(block: RowsBlock): WriteProgress;
  finishSettlementWrite(writeId: string): WriteResult;
  abandonSettlementWrite(writeId: string): void;
  getCampaignBasis(campaign: string): CampaignBasis;
  writeStatementsSheet(request: RunSheetRequest): RunSheetResult;
  writePayoutSheet(request: RunSheetRequest): RunSheetResult;
}
