/**
 * Type-level test of the sidebar's client: `npm run typecheck` compiles this file, and
 * serverClient.test.ts compiles it again with each `@ts-expect-error` removed to prove that every
 * marked line fails for the reason written beside it (the TS error code), not for another.
 * Nothing here runs.
 */
import type { SidebarServer } from '../../src/protocol/server';
import type { JsonCell, RowsBlock, SettlementRequest, SidebarContext, WriteProgress, WriteResult } from '../../src/protocol/messages';
import type { CrossesScriptRun } from '../../src/protocol/crossing';
import type { ServerClient } from '../../src/sidebar/server';

declare const server: ServerClient<SidebarServer>;
declare const request: SettlementRequest;
declare const block: RowsBlock;

export async function rightCalls(): Promise<void> {
  const context: SidebarContext = await server.getSidebarContext();
  const cells: JsonCell[][] = await server.readRangeCells("'History'!A1:D500");
  const started: WriteResult = await server.writeSettlement(request);
  const progress: WriteProgress = await server.writeSettlementRows(block);
  const finished: WriteResult = await server.finishSettlementWrite('write-1');
  await server.abandonSettlementWrite('write-1');
  void [context, cells, started, progress, finished];
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

/** A server of one function, to try what may cross google.script.run. */
type ServerOf<F> = { f: F };
declare const withDate: ServerClient<ServerOf<(request: { day: Date; gmv: number }) => void>>;

export async function whatCannotCross(): Promise<void> {
  // @ts-expect-error TS2322 a Date inside an argument, which Google refuses to send
  await withDate.f({ day: new Date(), gmv: 523456.78 });
}

export type PlainResults = CrossesScriptRun<{ context: SidebarContext; cells: JsonCell[][]; nothing: void; tiers: unknown[] }>;
// @ts-expect-error TS2344 a result holding a Date, which Google refuses to send back
export type DateResult = CrossesScriptRun<{ written: { at: Date } }>;
// @ts-expect-error TS2344 a result holding a function
export type FunctionResult = CrossesScriptRun<{ later: () => number }>;
