/**
 * Which settlements this spreadsheet already holds: the register, in its document properties
 * (readable with the spreadsheets.currentonly scope, shared by every user of the document, and
 * untouched by anything a user types in the cells). A run is keyed by its inputs and its policy:
 * the same inputs settled under the same policy must not be written twice.
 *
 * A record names its sheets by id, stored when they are written, so a renamed settlement is
 * still found, and a sheet the user later makes under the old name is never taken for it.
 * Document properties hold 500 KB in all, so the register drops the records of settlements
 * whose sheets are gone each time it writes one; a record is ~250 bytes, so some 2,000 live
 * settlements fit.
 */
import type { InputTables } from '../input/readInputs';
import type { Table } from '../input/table';
import { inputFingerprint } from '../run/runSettlement';

type Properties = GoogleAppsScript.Properties.Properties;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const RECORD_PREFIX = 'gmv-settlement:';
const SEQUENCE_PREFIX = 'gmv-settlement-seq:';

export interface SettlementRecord {
  sheetId: number;
  summaryId: number;
  /** The names it was written under (the user may have renamed it since). */
  sheetName: string;
  summaryName: string;
  generatedAt: string;
  lines: number;
}

/**
 * What a table says, without what does not change the settlement: line ends (CRLF from a
 * Windows export, LF from a paste) and blank lines or blank rows at the end.
 */
export function settledContent(fingerprint: string): string {
  return fingerprint.replace(/\r\n?/g, '\n').replace(/(\n[\s,;\t]*)+$/, '');
}

/**
 * SHA-256 of the inputs' content and of what else settles them: the policy JSON, and for a run of
 * a campaign its name and the approved run it is against. Equal exactly when they settle alike.
 */
export function runKey(tables: InputTables, policyJson: unknown, sha256: (text: string) => string): string {
  const settled = (table: Table): Table => ({ ...table, fingerprint: () => settledContent(table.fingerprint()) });
  const content = inputFingerprint({
    history: settled(tables.history),
    campaign: settled(tables.campaign),
    targets: tables.targets && settled(tables.targets),
    holds: tables.holds && settled(tables.holds),
  });
  return sha256(`${content}\n${JSON.stringify(policyJson)}`);
}

function parseRecord(text: string | null): SettlementRecord | undefined {
  if (!text) return undefined;
  try {
    const record = JSON.parse(text) as SettlementRecord;
    return typeof record.sheetId === 'number' ? record : undefined;
  } catch (e) {
    return undefined; // a damaged record must not block writing a settlement
  }
}

export function recallSettlement(properties: Properties, key: string): SettlementRecord | undefined {
  return parseRecord(properties.getProperty(RECORD_PREFIX + key));
}

/** The recorded lines sheet, by id; null when the user deleted it. */
export function settlementSheet(spreadsheet: Spreadsheet, record: SettlementRecord): Sheet | null {
  return spreadsheet.getSheetById(record.sheetId);
}

/**
 * Records the settlement, after dropping the records whose sheets are gone. Throws when the
 * property store is full even so; the caller then removes the sheets it wrote, so a retry
 * never finds a second copy.
 */
export function rememberSettlement(properties: Properties, spreadsheet: Spreadsheet, key: string, record: SettlementRecord): void {
  const liveIds = new Set(spreadsheet.getSheets().map((sheet) => sheet.getSheetId()));
  const stored = properties.getProperties();
  Object.keys(stored).forEach((name) => {
    if (name.indexOf(RECORD_PREFIX) !== 0) return;
    const old = parseRecord(stored[name]);
    if (!old || !liveIds.has(old.sheetId)) properties.deleteProperty(name);
  });
  properties.setProperty(RECORD_PREFIX + key, JSON.stringify(record));
}

/**
 * The next "#n" for a settlement day. Numbers are never reused, even after a sheet is deleted,
 * so "#2" always means the same settlement in an e-mail or an audit note.
 */
export function nextSequence(properties: Properties, day: string): number {
  const last = Number(properties.getProperty(SEQUENCE_PREFIX + day));
  return Number.isInteger(last) && last > 0 ? last + 1 : 1;
}

export function saveSequence(properties: Properties, day: string, sequence: number): void {
  properties.setProperty(SEQUENCE_PREFIX + day, String(sequence));
}
