/**
 * What the sidebar and the server functions send each other through google.script.run.
 * Only JSON-safe values cross (google.script.run refuses Dates), so cells travel as strings,
 * numbers, booleans or null, and dates read from a sheet travel as "YYYY-MM-DD" text.
 * Every server function re-validates what it receives: the sidebar is not trusted.
 */
import type { PolicyOptions } from '../core/policyKeys';

/**
 * One cell as it crosses google.script.run, either way: a range read on the server, an XLSX file
 * read in the browser. Dates have become "YYYY-MM-DD" text and blanks "" before this point.
 */
export type JsonCell = string | number | boolean | null;

/** One input table: pasted text, a file already parsed in the browser, or a range of this spreadsheet. */
export type InputSource =
  | { kind: 'text'; text: string; fileName?: string }
  | { kind: 'cells'; cells: JsonCell[][]; fileName?: string }
  | { kind: 'range'; a1: string };

/** The SPEC §2 options the sidebar offers, keys as in the policy JSON: every option of core/policyKeys. */
export type { PolicyOptions };

export interface SettlementRequest {
  history: InputSource;
  campaign: InputSource;
  targets?: InputSource;
  /** Required, never defaulted (SPEC §1): "0.05" or "5%". */
  coefficient: string;
  options: PolicyOptions;
  /** Read the tiers from the Policy sheet's named range instead of the Double 11 defaults. */
  usePolicySheet: boolean;
  /**
   * With usePolicySheet: the tiers the preview was computed with (as in SidebarContext). The
   * server refuses to write if the Policy sheet has changed since, so what was checked is what
   * is written.
   */
  previewedPolicyTiers?: unknown[];
  language: 'zh' | 'en';
  /** SPEC §7: the campaign the run belongs to; blank: 双11登峰激励 and the campaign's year. */
  campaignName?: string;
  /** SPEC §7: merchants on hold, and why. */
  holds?: InputSource;
  /**
   * The approved run the preview trued up against (null: it found none). The server refuses to
   * write if the campaign's latest approved run is another one now, so what was checked is written.
   */
  against?: { run: number; checksum: string } | null;
}

/** A line of an approved run as it travels to the sidebar: keyed like the JSON report's lines. */
export type LineRecord = Record<string, string | number | null>;

/** What a new run of a campaign is settled against (SPEC §7), for the sidebar's preview. */
export interface CampaignBasis {
  campaign: string;
  /** The number the next run of the campaign gets. */
  nextRun: number;
  /** The campaign's latest approved run, which the next run is a true-up against. */
  against?: { run: number; checksum: string; policy: unknown; inputSha256: string; generatedAt: string; lines: LineRecord[] };
}

/** A run of the register, as the sidebar lists it (for statements and the payout list). */
export interface RunSummary {
  campaign: string;
  run: number;
  status: 'draft' | 'approved' | 'superseded';
  linesSheet: string;
}

/** The statements sheet (one merchant, or all) or the payout list of a run. */
export interface RunSheetRequest {
  campaign: string;
  run: number;
  /** Statements only: one merchant's statement; absent for every merchant's. */
  merchantId?: string;
  language: 'zh' | 'en';
}

export interface RunSheetResult {
  sheetName: string;
  message: string;
  /** Merchants on the statements sheet, or rows of the payout list. */
  rows: number;
}

export interface SidebarContext {
  language: 'zh' | 'en';
  /** Sheets of this spreadsheet with their used range, for "from a sheet/range". */
  sheets: { name: string; a1: string; rows: number }[];
  /** Cells the spreadsheet's grids hold now (max rows × max columns of every sheet), for the size check. */
  cells?: number;
  /** Present when the Policy sheet exists: its tiers as the policy JSON shows them. */
  policySheet?: { rangeName: string; tiers: unknown[]; problems: string[] };
  /** SPEC §7: the register's runs, newest first (at most a few hundred), and the campaigns they belong to. */
  runs?: RunSummary[];
}

export interface WriteResult {
  /**
   * 'written': a new settlement sheet; 'exists': same inputs and policy were settled before;
   * 'writing': a large settlement is under way — the sidebar sends the remaining rows with
   * writeSettlementRows, then calls finishSettlementWrite.
   */
  outcome: 'written' | 'exists' | 'writing';
  /** The lines sheet (for 'exists', its current name, even if the user renamed it). */
  sheetName: string;
  /** 'written' only: the sheet with totals, run record, issues and per-merchant rows. */
  summarySheetName?: string;
  /** 'written' only, for a true-up: the sheet with the differences against the approved run. */
  trueUpSheetName?: string;
  /** The run's campaign and number. */
  campaign?: string;
  run?: number;
  message: string;
  lines: number;
  /** 'writing' only: which write to continue, and how far it got. */
  write?: WriteProgress;
}

/** The parts of a settlement the sidebar may send in blocks: a true-up has a third sheet. */
export type WritePart = 'lines' | 'summary' | 'trueUp';

/**
 * How far one part is written. lines: rows under the header (0 is the first line); summary: rows
 * of the summary sheet (0 is its heading; the server writes the head itself, with the run record).
 */
export interface PartProgress {
  written: number;
  total: number;
  /** Rows of the next block the server expects. */
  perCall: number;
}

export interface WriteProgress {
  id: string;
  lines: PartProgress;
  summary: PartProgress;
  trueUp?: PartProgress;
}

/**
 * The next block of a write in progress, rows from..from+values.length-1 of its part, as the
 * sheet writer lays them out (summary rows with their number formats). The server writes them
 * only if they are exactly what it settled itself: it keeps a SHA-256 of every block.
 */
export interface RowsBlock {
  writeId: string;
  part: WritePart;
  from: number;
  values: (string | number)[][];
  formats?: string[][];
}

/** insertPolicySheet's answer: a new Policy sheet, or the existing GMV_POLICY range (now selected). */
export interface PolicySheetResult {
  outcome: 'inserted' | 'exists';
  sheetName: string;
  /** The named range custom functions take as `policy`: GMV_POLICY. */
  rangeName: string;
  /** The range the name covers, as 'Policy'!A1:D4. */
  a1: string;
  message: string;
}
