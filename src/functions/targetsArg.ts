/**
 * The optional `targets` argument of GMV_TIER, TIER_REWARD and GMV_TO_NEXT_TIER: a merchant's own
 * tier thresholds (SPEC §2 "per-merchant thresholds"), one row per row of day_gmv (or one row for
 * all), a column per tier; a blank cell takes the policy's threshold. The thresholds that apply
 * are made by core/rules thresholdsFor, as for a settlement with a targets list, so a formula
 * agrees with that settlement; like the targets list, they must rise from tier to tier.
 */
import { fenToDisplay, type Fen } from '../core/money';
import { firstTierNotRising, type Policy } from '../core/policy';
import { thresholdsFor } from '../core/rules';
import { moneyAt, toGrid, type Grid, type SheetArg } from './args';

export type ThresholdsOf = (row: number) => Fen[];

export function targetsArg(fn: string, arg: SheetArg | undefined, dayGmv: Grid, policy: Policy): ThresholdsOf {
  const own = thresholdsFor(policy);
  if (arg === undefined || arg === null || arg === '') return () => own;
  const targets = toGrid('targets', arg);
  const tiers = policy.tiers.length;
  if ((targets.rows !== dayGmv.rows && targets.rows !== 1) || targets.columns > tiers)
    throw new Error(
      `${fn}: targets is a ${targets.rows}×${targets.columns} range but day_gmv has ${dayGmv.rows} row${dayGmv.rows === 1 ? '' : 's'} and the policy ${tiers} tiers: ` +
        `give one row of at most ${tiers} thresholds per row of day_gmv (or one row for all) / 目标门槛须每行对应 day_gmv 的一行（或只给一行），每行最多 ${tiers} 档`,
    );
  const byRow: Fen[][] = [];
  return (row) => {
    const r = targets.rows === 1 ? 0 : row;
    let thresholds = byRow[r];
    if (thresholds) return thresholds;
    const thresholdsFen: (Fen | undefined)[] = [];
    for (let c = 0; c < targets.columns; c++) {
      const fen = moneyAt(fn, targets, r, c, false);
      thresholdsFen.push(fen === null ? undefined : fen);
    }
    thresholds = byRow[r] = thresholdsFor(policy, { thresholdsFen });
    if (firstTierNotRising(thresholds) > 0) {
      const shown = thresholds.map(fenToDisplay).join(' / ');
      throw new Error(`${fn}: row ${r + 1} of targets: thresholds ${shown} must rise from tier to tier / 第${r + 1}行目标门槛 ${shown} 须逐档递增`);
    }
    return thresholds;
  };
}
