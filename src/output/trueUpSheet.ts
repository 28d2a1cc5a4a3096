/**
 * The true-up sheet (SPEC §7), written beside a re-settlement's lines and summary: its totals
 * (previous, now, delta, to pay, to recover or waived), one row per merchant, then one row per
 * merchant-day with what changed. Nothing on it is known only to the server but its heading, so
 * the sidebar can lay out everything under the heading and send it in blocks the server checks.
 */
import type { Language } from './language';
import type { SettlementRun } from './settledRun';
import { itemsBlock, stackBlocks, table, titleBlock, type SheetBlock } from './sheetTables';
import { POLICY_CHANGE_COLUMNS, TRUE_UP_LINE_SHEET_COLUMNS, trueUpMerchantColumns, trueUpTotalItems } from './trueUpTables';

const TITLES = {
  en: { totals: 'True-up totals', policy: 'Policy changes since the previous run', noPolicyChange: 'None: the same policy as the previous run.', merchants: 'Per merchant', lines: 'Per merchant-day' },
  zh: { totals: '差额合计', policy: '与上次结算相比的政策变化', noPolicyChange: '无：与上次结算的政策相同。', merchants: '商家差额', lines: '每日差额' },
};

/** The sheet's rows; `heading` is its first line (which run it trues up against which). */
export function trueUpSheetBlock(run: SettlementRun, language: Language, heading = '-'): SheetBlock {
  const trueUp = run.trueUp;
  if (!trueUp) throw new Error('trueUpSheetBlock: the run is not a true-up');
  const t = TITLES[language];
  return stackBlocks([
    titleBlock(heading),
    stackBlocks([titleBlock(t.totals), itemsBlock(trueUpTotalItems(trueUp), language)], 0),
    // SPEC §7: a re-settlement may change the policy (to net of refunds, say), and the true-up says so.
    stackBlocks([titleBlock(t.policy), trueUp.policyChanges && trueUp.policyChanges.length > 0 ? table(POLICY_CHANGE_COLUMNS, trueUp.policyChanges, language) : titleBlock(t.noPolicyChange)], 0),
    stackBlocks([titleBlock(t.merchants), table(trueUpMerchantColumns(trueUp), trueUp.merchants, language)], 0),
    stackBlocks([titleBlock(t.lines), table(TRUE_UP_LINE_SHEET_COLUMNS, trueUp.lines, language)], 0),
  ]);
}

/** The heading and the blank row under it: what the server writes before the sidebar's blocks. */
export const TRUE_UP_HEAD_ROWS = 2;
