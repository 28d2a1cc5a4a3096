/** The shapes that flow into and out of the rules (SPEC §5). Money is integer fen. */
import type { Dec, Fen, FenSum } from './money';
import type { Policy } from './policy';

/** `held` (SPEC §7): a hold keeps the merchant's payout where the last approved run left it. */
export type LineStatus = 'qualified' | 'not_qualified' | 'no_baseline' | 'not_invited' | 'blocked' | 'held';

/** Where a problem was found: what a person needs to fix the input (SPEC §4). */
export interface InputIssue {
  source: 'history' | 'campaign' | 'targets' | 'holds' | 'policy';
  /** Spreadsheet row number of the pasted table: header is row 1. 0 when not tied to a row. */
  row: number;
  merchantId: string;
  value: string;
  /** English: the CLI/JSON contract. */
  message: string;
  /** The same in Chinese, for the sidebar and a zh settlement. */
  messageZh: string;
  /** false for rows that were read and set aside without being wrong (history inside the campaign). */
  blocksMerchant: boolean;
}

/** Per-merchant history, already summed by the input reader (3M rows do not need to live as objects). */
export interface MerchantHistory {
  /** Sum and count of the non-blank daily GMV values before the first campaign day. */
  sumFen: FenSum;
  days: number;
  /** A ready baseline (过往日均) supplied instead of daily history; used as is. */
  readyBaselineFen?: Fen;
  /** Days with a GMV that the policy's baseline choices left out (SPEC §8: window, excluded dates). */
  leftOutDays?: number;
}

export interface CampaignDay {
  merchantId: string;
  merchantName: string;
  /** YYYY-MM-DD; '' on a rejected row whose date could not be read. */
  date: string;
  /** null on a rejected row whose GMV could not be read. */
  gmvFen: Fen | null;
  adSpendFen: Fen;
  /**
   * A rejected row of a known merchant: it still gets a (blocked) line, so the merchant never
   * vanishes from a lines-only view such as SETTLEMENT() (SPEC §4: its lines say why).
   */
  rejected?: boolean;
}

/** Per-merchant thresholds from the targets list; undefined entries fall back to the policy's. */
export interface MerchantTargets {
  thresholdsFen: (Fen | undefined)[];
}

export interface SettlementInput {
  history: Map<string, MerchantHistory>;
  campaign: CampaignDay[];
  /** Present when a targets / invitation list was given. */
  targets?: Map<string, MerchantTargets>;
  /** Names seen anywhere in the inputs, for merchants whose campaign rows carry none. */
  names: Map<string, string>;
  /** Merchants with a rejected row, each with the first such issue (SPEC §4). */
  blocked: Map<string, InputIssue[]>;
  /** Merchants whose campaign rows were all rejected still belong in the summary. */
  campaignMerchantOrder: string[];
}

/** Why a line came out as it did, rendered to words in zh or en by reasons.ts. */
export type Reason =
  | { code: 'qualified'; gmvFen: Fen; tier: number; thresholdFen: Fen; nextTier?: number; nextThresholdFen?: Fen; trafficUsedUp: boolean; inclusive: boolean }
  | { code: 'not_above_baseline'; gmvFen: Fen; baselineFen: Fen }
  | { code: 'below_first_tier'; gmvFen: Fen; baselineFen: Fen; thresholdFen: Fen; inclusive: boolean }
  | { code: 'no_baseline' }
  /** SPEC §8 `baseline_min_days`: history there is, but fewer usable days than the policy asks. */
  | { code: 'too_few_history_days'; usableDays: number; minDays: number; leftOutDays: number }
  | { code: 'not_invited' }
  | { code: 'blocked'; issues: InputIssue[] }
  /** Words an engine wrote itself, in both languages (the SQL engines' reason column). */
  | { code: 'stated'; en: string; zh: string }
  /** SPEC §7: held, paying what the previous approved run paid; `wouldPayFen` is what this run would pay. */
  | { code: 'held'; holdReason: string; wouldPayFen: FenSum }
  /** A line of an earlier run read back from its output: its reason as that run worded it. */
  | { code: 'earlier'; text: string };

/** What the rules make of one merchant-day (rules.ts evaluateDay): the tier and the rewards. */
export interface DayResult {
  tier: number;
  incrementalFen: Fen;
  cashbackRate: Dec;
  cashbackFen: Fen;
  coefficient: Dec;
  redPacketFen: Fen;
  cashTotalFen: Fen;
  /** The tier's daily traffic cap; whether it is granted depends on the merchant's other days. */
  trafficCap: number;
}

export interface SettlementLine extends DayResult {
  merchantId: string;
  merchantName: string;
  date: string;
  gmvFen: Fen | null;
  baselineFen: Fen | null;
  adSpendFen: Fen;
  trafficGranted: number;
  status: LineStatus;
  reason: Reason;
}

export interface MerchantSummary {
  merchantId: string;
  merchantName: string;
  status: LineStatus;
  days: number;
  qualifiedDays: number;
  bestTier: number;
  cashbackFen: FenSum;
  redPacketFen: FenSum;
  cashTotalFen: FenSum;
  trafficGranted: number;
  /** Why a blocked or held merchant is paid as it is (the summary's reason column). */
  reason?: Reason;
  /** A held merchant's would-pay-now minus what it is paid (SPEC §7); 0 for the others. */
  deferredFen: FenSum;
}

export interface Totals {
  merchants: number;
  blockedMerchants: number;
  qualifiedMerchants: number;
  cashbackFen: FenSum;
  redPacketFen: FenSum;
  cashTotalFen: FenSum;
  trafficGranted: number;
  /** SPEC §7: held merchants, and the cash their holds defer (would pay now − pays). */
  heldMerchants: number;
  heldDeferredFen: FenSum;
}

export interface Settlement {
  lines: SettlementLine[];
  merchants: MerchantSummary[];
  totals: Totals;
  policy: Policy;
}
