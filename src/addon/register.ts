/**
 * The register of runs (SPEC §7): one row per run of every campaign — campaign, run, status,
 * time, user, input hash, policy, totals, its sheets, and for an approved run who approved it,
 * when, and the checksum of its sheets. It lives in a sheet of its own, protected warning-only
 * (anyone is warned before an edit; the add-on writes it), so it holds thousands of runs where
 * document properties, 500 KB in all, would hold a few hundred. The document properties keep
 * only the sheet's id and, per campaign, its latest approval (approval.ts), so the store stays
 * bounded by the number of campaigns, not of runs.
 */
import { fenToNumber, type FenSum } from '../core/money';
import { readMoneyFen } from '../input/number';
import type { Language } from '../output/language';
import { RUN_STATUS_WORDS, type RunStatus } from '../output/runStatus';
import { SHEET_FORMATS } from '../output/sheetTables';
import { guardTextCells } from '../output/sheetText';
import type { RunSummary } from '../protocol/messages';
import { insertSizedSheet } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

const REGISTER_ID_KEY = 'gmv-register-sheet';
/** Rows added at a time when the register is full: few resizes, few empty cells. */
const GROW_ROWS = 200;

export interface SheetIds {
  lines: number;
  summary: number;
  trueUp?: number;
}

export interface RegisterRow {
  campaign: string;
  run: number;
  status: RunStatus;
  /** In the spreadsheet's time zone, as the summary shows it. */
  generatedAt: string;
  user: string;
  inputSha256: string;
  /** The policy file's JSON, as the run record holds it. */
  policy: string;
  cashTotalFen: FenSum;
  toPayFen: FenSum;
  toRecoverFen: FenSum;
  linesSheet: string;
  summarySheet: string;
  trueUpSheet: string;
  sheetIds: SheetIds;
  /** The approved run this one is a true-up against; 0 for none. */
  against: number;
  approvedBy: string;
  approvedAt: string;
  checksum: string;
  /** The hidden approved copies' ids, in the order of sheetIds. */
  copyIds: number[];
  /** The register's row this came from (2 = the first run). */
  row?: number;
}

type Kind = 'text' | 'label' | 'money';
interface RegisterColumn {
  key: keyof RegisterRow;
  en: string;
  zh: string;
  kind: Kind;
}

/** The register's columns, in order: what a person reads first on the left. */
export const REGISTER_COLUMNS: RegisterColumn[] = [
  { key: 'campaign', en: 'Campaign', zh: '活动', kind: 'text' },
  { key: 'run', en: 'Run', zh: '结算批次', kind: 'label' },
  { key: 'status', en: 'Status', zh: '状态', kind: 'text' },
  { key: 'generatedAt', en: 'Settled at', zh: '结算时间', kind: 'text' },
  { key: 'user', en: 'User', zh: '操作人', kind: 'text' },
  { key: 'cashTotalFen', en: 'Cash total', zh: '现金合计', kind: 'money' },
  { key: 'toPayFen', en: 'To pay', zh: '应补发', kind: 'money' },
  { key: 'toRecoverFen', en: 'To recover', zh: '应追回', kind: 'money' },
  { key: 'against', en: 'True-up against run', zh: '对照批次', kind: 'label' },
  { key: 'linesSheet', en: 'Lines sheet', zh: '明细工作表', kind: 'text' },
  { key: 'summarySheet', en: 'Summary sheet', zh: '汇总工作表', kind: 'text' },
  { key: 'trueUpSheet', en: 'True-up sheet', zh: '差额工作表', kind: 'text' },
  { key: 'approvedBy', en: 'Approved by', zh: '审批人', kind: 'text' },
  { key: 'approvedAt', en: 'Approved at', zh: '审批时间', kind: 'text' },
  { key: 'checksum', en: 'Checksum (SHA-256 of its sheets)', zh: '校验值（工作表内容 SHA-256）', kind: 'text' },
  { key: 'inputSha256', en: 'Input SHA-256', zh: '输入数据 SHA-256', kind: 'text' },
  { key: 'policy', en: 'Policy', zh: '政策', kind: 'text' },
  { key: 'sheetIds', en: 'Sheet ids', zh: '工作表ID', kind: 'text' },
  { key: 'copyIds', en: 'Approved copy ids', zh: '审批副本ID', kind: 'text' },
];

const NAMES = { en: 'Run register', zh: '结算登记簿' };

function cellOf(row: RegisterRow, column: RegisterColumn, language: Language): string | number {
  const value = row[column.key];
  if (column.key === 'status') return RUN_STATUS_WORDS[row.status][language];
  if (column.key === 'sheetIds') return [row.sheetIds.lines, row.sheetIds.summary].concat(row.sheetIds.trueUp === undefined ? [] : [row.sheetIds.trueUp]).join('/');
  if (column.key === 'copyIds') return row.copyIds.join('/');
  if (column.key === 'against') return row.against || '';
  if (column.kind === 'money') return fenToNumber(value as FenSum);
  return value as string | number;
}

/** The register sheet, or null when the spreadsheet has none yet (or it was deleted). */
export function findRegister(spreadsheet: Spreadsheet, properties: Properties): Sheet | null {
  const id = Number(properties.getProperty(REGISTER_ID_KEY));
  return Number.isInteger(id) && id > 0 ? spreadsheet.getSheetById(id) : null;
}

/** The register, made on first use: headings, frozen, sized to its columns, protected warning-only. */
export function ensureRegister(spreadsheet: Spreadsheet, properties: Properties, language: Language): Sheet {
  const existing = findRegister(spreadsheet, properties);
  if (existing) return existing;
  let name = NAMES[language];
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${NAMES[language]} ${n}`;
  const columns = REGISTER_COLUMNS.length;
  const sheet = insertSizedSheet(spreadsheet, name, { rows: GROW_ROWS, columns }, spreadsheet.getNumSheets());
  const header = sheet.getRange(1, 1, 1, columns);
  header.setValues(guardTextCells([REGISTER_COLUMNS.map((c) => c[language])]));
  header.setNumberFormat(SHEET_FORMATS.text);
  sheet.setFrozenRows(1);
  sheet
    .protect()
    .setDescription(language === 'zh' ? '结算登记簿：由插件维护，修改前会提示' : 'Settlement register: kept by the add-on; edits ask for confirmation')
    .setWarningOnly(true);
  properties.setProperty(REGISTER_ID_KEY, String(sheet.getSheetId()));
  return sheet;
}

/** The money columns, next to each other: one number format call for the three. */
const MONEY_AT = REGISTER_COLUMNS.findIndex((c) => c.kind === 'money');
const MONEY_COLUMNS = REGISTER_COLUMNS.filter((c) => c.kind === 'money').length;

/** Writes `row` at its register row (a new run goes after the last). */
export function writeRegisterRow(sheet: Sheet, row: RegisterRow, language: Language): number {
  const at = row.row || sheet.getLastRow() + 1;
  if (at > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(GROW_ROWS, at - sheet.getMaxRows()));
  // Text through the guard (an id like "123/456" stays text, a name never becomes a formula), and
  // no text format on the cells: under one, Sheets would keep the guard's apostrophe as a character.
  sheet.getRange(at, 1, 1, REGISTER_COLUMNS.length).setValues(guardTextCells([REGISTER_COLUMNS.map((c) => cellOf(row, c, language))]));
  sheet.getRange(at, MONEY_AT + 1, 1, MONEY_COLUMNS).setNumberFormat(SHEET_FORMATS.money);
  return at;
}

function statusOf(text: string): RunStatus {
  const found = (Object.keys(RUN_STATUS_WORDS) as RunStatus[]).find((status) => RUN_STATUS_WORDS[status].en === text || RUN_STATUS_WORDS[status].zh === text);
  return found || 'draft';
}

function ids(text: string): number[] {
  return text === '' ? [] : text.split('/').map(Number).filter((n) => Number.isInteger(n));
}

function fenOf(value: unknown): FenSum {
  const read = readMoneyFen(value as string | number);
  return read.kind === 'fen' ? read.fen : 0;
}

/** Every run of the register, in register order (oldest first). */
export function readRegister(spreadsheet: Spreadsheet, properties: Properties): RegisterRow[] {
  const sheet = findRegister(spreadsheet, properties);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, REGISTER_COLUMNS.length).getValues();
  const at = (key: keyof RegisterRow) => REGISTER_COLUMNS.findIndex((c) => c.key === key);
  const text = (row: unknown[], key: keyof RegisterRow) => String(row[at(key)] === undefined || row[at(key)] === null ? '' : row[at(key)]);
  return values
    .map((row, i): RegisterRow => {
      const sheetIds = ids(text(row, 'sheetIds'));
      return {
        campaign: text(row, 'campaign'),
        run: Number(row[at('run')]) || 0,
        status: statusOf(text(row, 'status')),
        generatedAt: text(row, 'generatedAt'),
        user: text(row, 'user'),
        inputSha256: text(row, 'inputSha256'),
        policy: text(row, 'policy'),
        cashTotalFen: fenOf(row[at('cashTotalFen')]),
        toPayFen: fenOf(row[at('toPayFen')]),
        toRecoverFen: fenOf(row[at('toRecoverFen')]),
        linesSheet: text(row, 'linesSheet'),
        summarySheet: text(row, 'summarySheet'),
        trueUpSheet: text(row, 'trueUpSheet'),
        sheetIds: { lines: sheetIds[0], summary: sheetIds[1], ...(sheetIds[2] === undefined ? {} : { trueUp: sheetIds[2] }) },
        against: Number(row[at('against')]) || 0,
        approvedBy: text(row, 'approvedBy'),
        approvedAt: text(row, 'approvedAt'),
        checksum: text(row, 'checksum'),
        copyIds: ids(text(row, 'copyIds')),
        row: i + 2,
      };
    })
    .filter((row) => row.campaign !== '' && row.run > 0);
}

/** The runs of one campaign, by run number. */
export function campaignRuns(rows: RegisterRow[], campaign: string): RegisterRow[] {
  return rows.filter((row) => row.campaign === campaign).sort((a, b) => a.run - b.run);
}

/** The run whose sheets include `sheetId` (a lines, summary or true-up sheet, or an approved copy). */
export function runOfSheet(rows: RegisterRow[], sheetId: number): RegisterRow | undefined {
  return rows.find((row) => [row.sheetIds.lines, row.sheetIds.summary, row.sheetIds.trueUp].indexOf(sheetId) >= 0 || row.copyIds.indexOf(sheetId) >= 0);
}

/** Runs the sidebar lists, newest first: enough for any campaign's recent history. */
const RUNS_LISTED = 300;

/** The register's runs for the sidebar's lists, newest first. */
export function registerRuns(spreadsheet: Spreadsheet, properties: Properties): RunSummary[] {
  return readRegister(spreadsheet, properties)
    .slice(-RUNS_LISTED)
    .reverse()
    .map((row) => ({ campaign: row.campaign, run: row.run, status: row.status, linesSheet: row.linesSheet }));
}
