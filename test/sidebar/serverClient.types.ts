/**
 * Type-level test of the sidebar's client: `npm run typecheck` compiles this file, and
 * serverClient.test.ts compiles it again with each `@ts-expect-error` removed to prove that every
 * marked line fails for the reason written beside it (the TS error code), not for another.
 * Nothing here runs.
 */
import type { SERVER } from '../../src/addon/entry';
import type { JsonCell, RowsBlock, SettlementRequest, SidebarContext, WriteProgress, WriteResult } from '../../src/addon/protocol';
import type { ServerClient } from '../../src/sidebar/server';

declare const server: ServerClient<typeof SERVER>;
declare const request: SettlementRequest;
declare const block: RowsBlock;

export async function rightCalls(): Promise<void> {
  const context: SidebarContext = await server.getSidebarContext();
  const cells: JsonCell[][] = await server.readRangeCells("'History'!A1:D500");
  const started: WriteResult = await server.writeSettlement(request);
  const progress: WriteProgress = await server.writeSettlementRows(block);
  const finished: WriteResult = await server.finishSettlementWrite('write-1');
  await server.abandonSettlementWrite('write-1');
  const removed: string = await server.removeInterruptedWrites();
  void [context, cells, started, progress, finished, removed];
}

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error TS2551 a misspelt server function
  await server.writeSettlment(request);
  // @ts-expect-error TS2339 a name the server does not have
  await server.deleteEverything();
  // @ts-expect-error TS2345 an argument of the wrong type
  await server.readRangeCells(42);
  // @ts-expect-error TS2345 a request missing what the server needs
  await server.writeSettlement({ coefficient: '0.05' });
  // @ts-expect-error TS2554 a missing argument
  await server.finishSettlementWrite();
  // @ts-expect-error TS2554 an argument the server function does not take
  await server.getSidebarContext('Sheet1');
  // @ts-expect-error TS2322 a result used as what it is not
  const sheetName: string = await server.writeSettlement(request);
  // @ts-expect-error TS2339 the result has no such property
  void (await server.getSidebarContext()).spreadsheetId;
  void sheetName;
}
