/**
 * Every custom function, declared once (as HyperFormula declares its function plugins). The
 * build turns this table into the top-level stubs Apps Script needs, with the JSDoc that gives
 * Sheets its autocomplete; the README table and the argument-count checks come from it too.
 * Add a function here and everywhere else follows.
 */
import type { SheetArg } from './args';
import { gmvTier, gmvToNextTier, incrementalGmv } from './tiers';
import { tierReward } from './reward';
import { settlement } from './settlementTable';
import { coefficientForBudget, nearNextTierTable, payoutScenariosTable } from './whatIf';
import { ref, type FunctionExample } from './examples';

export interface ParamDeclaration {
  name: string;
  /** JSDoc type, as Apps Script shows it. */
  type: string;
  description: string;
  optional?: boolean;
}

export interface FunctionDeclaration<Name extends string = string> {
  /** As typed in a formula; also the key of CUSTOM_FUNCTIONS and the name of the top-level stub. */
  name: Name;
  summary: string;
  summaryZh: string;
  params: ParamDeclaration[];
  returns: { type: string; description: string };
  /**
   * Formulas over SPEC §6's figures (examples.ts) with the results the SPEC gives: the README
   * shows them all, the JSDoc the first, and a test runs each through the built function.
   */
  examples: FunctionExample[];
  implementation: (...args: SheetArg[]) => unknown;
}

const CELL_OR_RANGE = 'number|Array<Array<number>>';

const DAY_GMV: ParamDeclaration = {
  name: 'day_gmv',
  type: CELL_OR_RANGE,
  description: 'The campaign day\'s GMV (当日GMV): one cell or a range. "12.3万", "¥1,234.50" and full-width digits are numbers.',
};

const HISTORY: ParamDeclaration = {
  name: 'history',
  type: CELL_OR_RANGE,
  description:
    'A ready baseline (过往日均) as one number, or daily GMV averaged like AVERAGE (blanks ignored, zeros counted, to 0.01). ' +
    'When history has as many rows as day_gmv, row i of day_gmv uses row i of history; otherwise the whole range is one baseline.',
};

const POLICY: ParamDeclaration = {
  name: 'policy',
  type: 'Array<Array<number|string>>',
  description:
    'Optional. One row per tier: threshold, cashback rate, daily traffic cap, optional coefficient; a header row is allowed, ' +
    'rates as 0.3 or 30%. Default: the Double 11 2025 tiers (200,000 / 500,000 / 1,000,000; 30% / 50% / 100%).',
  optional: true,
};

const TARGETS: ParamDeclaration = {
  name: 'targets',
  type: 'Array<Array<number>>',
  description:
    "Optional. The merchant's own tier thresholds: one row per row of day_gmv (or one row for all), one column per tier; " +
    "a blank takes the policy's threshold, so the formula agrees with a settlement that used a targets list.",
  optional: true,
};

const HISTORY_RANGE: ParamDeclaration = {
  name: 'history',
  type: 'Array<Array<number|string|Date>>',
  description:
    'History range, header row allowed (zh or en): merchant id, [name], date, GMV; or merchant id, [name], one column per date; ' +
    'or merchant id, 过往日均/avg_gmv.',
};

const CAMPAIGN_RANGE: ParamDeclaration = {
  name: 'campaign',
  type: 'Array<Array<number|string|Date>>',
  description: 'Campaign range, header row allowed: merchant id, [name], date, GMV, [ad spend].',
};

const NUMBER_OR_RANGE = { type: 'number|Array<Array<number>>' };
const TABLE = 'Array<Array<number|string>>';

// SPEC §6's day of M001 in row 2 (examples.ts): day GMV, history, ad spend.
const B2 = ref('B2');
const C2_E2 = ref('C2:E2');
const F2 = ref('F2');
const G2_I2 = ref('G2:I2');
const HISTORY_SHEET = ref('History!A1:D500');
const CAMPAIGN_SHEET = ref('Campaign!A1:E100');

/** Keeps each name as its literal type, so CUSTOM_FUNCTIONS.TIER_REWARD type-checks and a misspelt name does not. */
function declareFunctions<Name extends string>(declarations: FunctionDeclaration<Name>[]): FunctionDeclaration<Name>[] {
  return declarations;
}

export const FUNCTION_DECLARATIONS = declareFunctions([
  {
    name: 'INCREMENTAL_GMV',
    summary: "Incremental GMV: how far the day's GMV is above the merchant's baseline average, never below 0, to 0.01.",
    summaryZh: '增量GMV：当日GMV高出过往日均的部分，最低为0，保留两位小数。',
    params: [DAY_GMV, HISTORY],
    returns: { ...NUMBER_OR_RANGE, description: 'Incremental GMV in CNY, in the shape of day_gmv; blank where day_gmv or its history is blank.' },
    examples: [
      { args: [B2, C2_E2], result: 343456.78, why: '523,456.78 − 180,000.00, the mean of C2:E2' },
      { args: [523456.78, [[150000, 180000, 210000]]], result: 343456.78 },
      { args: [B2, 180000], result: 343456.78, why: 'one number is a ready baseline' },
    ],
    implementation: incrementalGmv,
  },
  {
    name: 'GMV_TIER',
    summary: "The tier (0-3) the day reaches: the highest whose threshold the day's GMV exceeds, if it also exceeds the baseline.",
    summaryZh: '当日达到的档位（0-3）：当日GMV须高于过往日均，并超过该档门槛。',
    params: [DAY_GMV, HISTORY, POLICY, TARGETS],
    returns: { ...NUMBER_OR_RANGE, description: 'The tier reached, 0 when none.' },
    examples: [
      { args: [B2, C2_E2], result: 2, why: 'above 500,000 and the baseline, not above 1,000,000' },
      { args: [B2, C2_E2, null, G2_I2], result: 1, why: 'its own targets: above 300,000, not above 600,000' },
    ],
    implementation: gmvTier,
  },
  {
    name: 'TIER_REWARD',
    summary: "The day's reward at the tier reached: the cash total (cashback + red packet) by default, or one part of it.",
    summaryZh: '当日奖励：默认为现金合计（磁力金牛返还+天降红包），也可只取其中一项。',
    params: [
      DAY_GMV,
      HISTORY,
      {
        name: 'ad_spend',
        type: CELL_OR_RANGE,
        description: "That day's Magnetic Taurus (磁力金牛) ad spend: one cell, or a range the shape of day_gmv. Blank is 0.",
      },
      {
        name: 'coefficient',
        type: CELL_OR_RANGE,
        description:
          'The red-packet coefficient (奖励系数), such as 0.05: one cell, or a range the shape of day_gmv. ' +
          "A tier's own coefficient in the policy range wins. Never guessed: a paying tier without one is an error.",
      },
      {
        name: 'field',
        type: 'string',
        description:
          'Optional. "total" (合计, the default), "cashback" (返还), "red_packet" (红包), "tier" (档位) or "traffic" (流量: the tier\'s daily traffic cap).',
        optional: true,
      },
      POLICY,
      TARGETS,
    ],
    returns: { ...NUMBER_OR_RANGE, description: 'The chosen figure: CNY to 0.01, or the tier, or exposures per day.' },
    examples: [
      { args: [B2, C2_E2, F2, 0.05], result: 23345.68, why: '6,172.84 + 17,172.84' },
      { args: [B2, C2_E2, F2, 0.05, 'cashback'], result: 6172.84, why: '12,345.67 × 50 % = 6,172.835' },
      { args: [B2, C2_E2, F2, 0.05, 'red_packet'], result: 17172.84, why: '343,456.78 × 0.05 = 17,172.839' },
      { args: [B2, C2_E2, F2, 0.05, '档位'], result: 2 },
      { args: [B2, C2_E2, F2, 0.05, 'traffic'], result: 75000, why: "tier 2's daily cap" },
      { args: [B2, C2_E2, F2, 0.05, null, null, G2_I2], result: 20876.54, why: 'tier 1 of its own targets: 12,345.67 × 30 % = 3,703.70, + 17,172.84' },
    ],
    implementation: tierReward,
  },
  {
    name: 'GMV_TO_NEXT_TIER',
    summary: 'The least extra GMV (to 0.01) that lifts the day to the next tier; 0 at the top tier.',
    summaryZh: '距下一档还差的GMV（精确到0.01）；已在最高档时为0。',
    params: [DAY_GMV, HISTORY, POLICY, TARGETS],
    returns: { ...NUMBER_OR_RANGE, description: 'Extra GMV in CNY.' },
    examples: [
      { args: [B2, C2_E2], result: 476543.23, why: '1,000,000.01 − 523,456.78' },
      { args: [B2, C2_E2, null, G2_I2], result: 76543.23, why: 'its own tier 2 target: 600,000.01 − 523,456.78' },
    ],
    implementation: gmvToNextTier,
  },
  {
    name: 'SETTLEMENT',
    summary: 'The whole settlement as a table with a header row: one line per merchant per campaign day, as the settlement sheet shows it.',
    summaryZh: '完整结算表（含表头）：每个商家每个活动日一行，与结算表一致。',
    params: [
      HISTORY_RANGE,
      CAMPAIGN_RANGE,
      {
        name: 'coefficient',
        type: 'number',
        description: "The programme's red-packet coefficient (奖励系数), such as 0.05. May be blank only if every tier in the policy range has its own.",
      },
      POLICY,
    ],
    returns: {
      type: TABLE,
      description: 'A header row, then one row per line: money to 0.01, dates as YYYY-MM-DD, status and reason. Bad rows show as blocked lines.',
    },
    examples: [
      {
        args: [ref('History!A1:D500'), ref('Campaign!A1:E100'), 0.05],
        result: { rows: 2, firstRow: { 'Merchant ID': 'M001', Date: '2025-11-11', Tier: 2, 'Cash total': 23345.68, 'Traffic granted': 75000 } },
      },
    ],
    implementation: settlement,
  },
  {
    name: 'COEFFICIENT_FOR_BUDGET',
    summary:
      'The largest red-packet coefficient, in steps of 10^-decimals, whose settlement pays at most the budget, each line rounded as the settlement rounds it.',
    summaryZh: '预算内可用的最大奖励系数（按 10^-小数位 取整）：按结算逐行四舍五入后的合计不超过预算。',
    params: [
      HISTORY_RANGE,
      CAMPAIGN_RANGE,
      { name: 'budget', type: CELL_OR_RANGE, description: 'The budget in CNY (预算), such as 500000 or "50万": one cell, or a range of budgets (one coefficient each).' },
      { name: 'decimals', type: 'number', description: 'Optional. Decimals of the coefficient, 0 to 10; default 4 (steps of 0.0001).', optional: true },
      {
        name: 'field',
        type: 'string',
        description: 'Optional. What the budget pays for: "red_packet" (红包, the default) or "total" (合计: cashback + red packet). Tiers with their own coefficient keep it.',
        optional: true,
      },
      POLICY,
    ],
    returns: { ...NUMBER_OR_RANGE, description: 'The coefficient, 0 if even the smallest step pays more; an error saying why when no coefficient can fit.' },
    examples: [
      { args: [HISTORY_SHEET, CAMPAIGN_SHEET, 17172.84], result: 0.05, why: '343,456.78 × 0.05 = 17,172.839 → 17,172.84; 0.0501 would pay 17,207.18' },
      { args: [HISTORY_SHEET, CAMPAIGN_SHEET, 20000], result: 0.0582, why: '0.0582 pays 343,456.78 × 0.0582 = 19,989.18; 0.0583 would pay 20,023.53' },
      { args: [HISTORY_SHEET, CAMPAIGN_SHEET, 23345.68, 4, 'total'], result: 0.05, why: 'cashback 6,172.84 + red packet 17,172.84' },
    ],
    implementation: coefficientForBudget,
  },
  {
    name: 'PAYOUT_SCENARIOS',
    summary: 'What the programme pays if every campaign-day GMV changes by each rate: a header row, then one row per change.',
    summaryZh: '情景测算：所有活动日GMV按各比例变化后的发放合计（含表头，每个比例一行）。',
    params: [
      HISTORY_RANGE,
      CAMPAIGN_RANGE,
      { name: 'coefficient', type: 'number', description: "The programme's red-packet coefficient (奖励系数), such as 0.05." },
      {
        name: 'changes',
        type: 'Array<Array<number|string>>',
        description: 'The GMV changes, such as -20%, -10%, 0, 10% (cells or {-0.2;-0.1;0;0.1}): each GMV × (1 + change), rounded to the fen; ad spend and history unchanged.',
      },
      POLICY,
    ],
    returns: { type: TABLE, description: 'Change, cashback, red packet, cash total, qualified merchants, traffic granted.' },
    examples: [
      {
        args: [HISTORY_SHEET, CAMPAIGN_SHEET, 0.05, [[-0.1], [0], [0.1]]],
        result: { rows: 4, firstRow: { Change: -0.1, 'Cash total': 18259.26, 'Qualified merchants': 1, 'Traffic granted': 20000 } },
        why: '523,456.78 × 0.9 = 471,111.10 falls to tier 1: 3,703.70 + 291,111.10 × 0.05 = 14,555.56',
      },
    ],
    implementation: payoutScenariosTable,
  },
  {
    name: 'NEAR_NEXT_TIER',
    summary: 'The watchlist: merchant-days short of their next tier by at most `within`, least short first, with the extra GMV needed and the extra cash it would pay.',
    summaryZh: '观察名单：距下一档不超过 within 的商家日，按差额从小到大，列出还差的GMV及达档可多得的现金。',
    params: [
      HISTORY_RANGE,
      CAMPAIGN_RANGE,
      {
        name: 'within',
        type: 'number|string',
        description: 'How near: an amount such as 20000, or a share of the next threshold such as "10%" (a number below 1 is a share).',
      },
      POLICY,
      {
        name: 'coefficient',
        type: 'number',
        description: "Optional. The programme's red-packet coefficient, to price the extra reward; without one the reward is blank where a red packet needs it.",
        optional: true,
      },
    ],
    returns: { type: TABLE, description: 'Merchant ID, name, date, day GMV, tier now, next tier, extra GMV needed, extra reward if reached.' },
    examples: [
      {
        args: [HISTORY_SHEET, CAMPAIGN_SHEET, 500000, null, 0.05],
        result: { rows: 2, firstRow: { 'Merchant ID': 'M001', 'Tier now': 2, 'Next tier': 3, 'Extra GMV needed': 476543.23, 'Extra reward if reached': 29999.99 } },
        why: 'at 1,000,000.01: 12,345.67 + 820,000.01 × 0.05 = 53,345.67, less 23,345.68',
      },
      {
        args: [HISTORY_SHEET, CAMPAIGN_SHEET, '10%'],
        result: { rows: 1, firstRow: {} },
        why: '476,543.23 is more than 10% of 1,000,000: nobody, only the header',
      },
    ],
    implementation: nearNextTierTable,
  },
]);

export type CustomFunctionName = (typeof FUNCTION_DECLARATIONS)[number]['name'];

/** "TIER_REWARD(day_gmv, history, ad_spend, coefficient, [field], [policy])" */
export function signature(declaration: FunctionDeclaration): string {
  const params = declaration.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${declaration.name}(${params.join(', ')})`;
}
