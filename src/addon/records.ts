/**
 * Which settlements this spreadsheet already holds, in its document properties (readable with
 * the spreadsheets.currentonly scope, shared by every user of the document, and untouched by
 * anything a user types in the cells). A run is keyed by its input hash and its policy: the
 * same inputs settled under the same policy must not be written twice. A record names its
 * lines sheet; the sheet's id is added the first time the record is looked up (asking for it
 * while writing would cost one more SpreadsheetApp call than the write's budget), and from then
 * on the link survives a rename. A deleted sheet lets the settlement be written again.
 */
type Properties = GoogleAppsScript.Properties.Properties;

const RECORD_PREFIX = 'gmv-settlement:';
const SEQUENCE_PREFIX = 'gmv-settlement-seq:';

export interface SettlementRecord {
  sheetName: string;
  summaryName: string;
  /** Known once the record has been looked up after the write. */
  sheetId?: number;
  generatedAt: string;
  lines: number;
}

/** SHA-256 of the input hash and the policy JSON: equal exactly when inputs and policy are. */
export function runKey(inputSha256: string, policyJson: unknown, sha256: (text: string) => string): string {
  return sha256(`${inputSha256}\n${JSON.stringify(policyJson)}`);
}

export function recallSettlement(properties: Properties, key: string): SettlementRecord | undefined {
  const text = properties.getProperty(RECORD_PREFIX + key);
  if (!text) return undefined;
  try {
    const record = JSON.parse(text) as SettlementRecord;
    return typeof record.sheetName === 'string' ? record : undefined;
  } catch (e) {
    return undefined; // a damaged record must not block writing a settlement
  }
}

export function rememberSettlement(properties: Properties, key: string, record: SettlementRecord): void {
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
