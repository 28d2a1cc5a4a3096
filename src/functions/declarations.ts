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

const NUMBER_OR_RANGE = { type: 'number|Array<Array<number>>' };

// SPEC §6's day of M001 in row 2 (examples.ts): day GMV, history, ad spend.
const B2 = ref('B2');
const C2_E2 = ref('C2:E2');
const F2 = ref('F2');

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
    params: [DAY_GMV, HISTORY, POLICY],
    returns: { ...NUMBER_OR_RANGE, description: 'The tier reached, 0 when none.' },
    examples: [{ args: [B2, C2_E2], result: 2, why: 'above 500,000 and the baseline, not above 1,000,000' }],
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
    ],
    returns: { ...NUMBER_OR_RANGE, description: 'The chosen figure: CNY to 0.01, or the tier, or exposures per day.' },
    examples: [
      { args: [B2, C2_E2, F2, 0.05], result: 23345.68, why: '6,172.84 + 17,172.84' },
      { args: [B2, C2_E2, F2, 0.05, 'cashback'], result: 6172.84, why: '12,345.67 × 50 % = 6,172.835' },
      { args: [B2, C2_E2, F2, 0.05, 'red_packet'], result: 17172.84, why: '343,456.78 × 0.05 = 17,172.839' },
      { args: [B2, C2_E2, F2, 0.05, '档位'], result: 2 },
      { args: [B2, C2_E2, F2, 0.05, 'traffic'], result: 75000, why: "tier 2's daily cap" },
    ],
    implementation: tierReward,
  },
  {
    name: 'GMV_TO_NEXT_TIER',
    summary: 'The least extra GMV (to 0.01) that lifts the day to the next tier; 0 at the top tier.',
    summaryZh: '距下一档还差的GMV（精确到0.01）；已在最高档时为0。',
    params: [DAY_GMV, HISTORY, POLICY],
    returns: { ...NUMBER_OR_RANGE, description: 'Extra GMV in CNY.' },
    examples: [{ args: [B2, C2_E2], result: 476543.23, why: '1,000,000.01 − 523,456.78' }],
    implementation: gmvToNextTier,
  },
  {
    name: 'SETTLEMENT',
    summary: 'The whole settlement as a table with a header row: one line per merchant per campaign day, as the settlement sheet shows it.',
    summaryZh: '完整结算表（含表头）：每个商家每个活动日一行，与结算表一致。',
    params: [
      {
        name: 'history',
        type: 'Array<Array<number|string|Date>>',
        description:
          'History range, header row allowed (zh or en): merchant id, [name], date, GMV; or merchant id, [name], one column per date; ' +
          'or merchant id, 过往日均/avg_gmv.',
      },
      {
        name: 'campaign',
        type: 'Array<Array<number|string|Date>>',
        description: 'Campaign range, header row allowed: merchant id, [name], date, GMV, [ad spend].',
      },
      {
        name: 'coefficient',
        type: 'number',
        description: "The programme's red-packet coefficient (奖励系数), such as 0.05. May be blank only if every tier in the policy range has its own.",
      },
      POLICY,
    ],
    returns: {
      type: 'Array<Array<number|string>>',
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
]);

export type CustomFunctionName = (typeof FUNCTION_DECLARATIONS)[number]['name'];

/** "TIER_REWARD(day_gmv, history, ad_spend, coefficient, [field], [policy])" */
export function signature(declaration: FunctionDeclaration): string {
  const params = declaration.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${declaration.name}(${params.join(', ')})`;
}
