/** INCREMENTAL_GMV, GMV_TIER and GMV_TO_NEXT_TIER: one merchant-day's standing, per cell. */
import { fenToNumber } from '../core/money';
import { extraGmvToNextTier, incrementalGmv as increment, tierReached } from '../core/rules';
import { toGrid, type SheetArg } from './args';
import { mapDays } from './days';
import { policyArg } from './policyArg';
import { targetsArg } from './targetsArg';

/** 增量GMV: max(0, day GMV − baseline), whatever the tier (SPEC §2). */
export function incrementalGmv(dayGmv: SheetArg, history: SheetArg) {
  return mapDays('INCREMENTAL_GMV', toGrid('day_gmv', dayGmv), history, (day) =>
    fenToNumber(increment(day.gmvFen, day.baselineFen)),
  );
}

export function gmvTier(dayGmv: SheetArg, history: SheetArg, policy?: SheetArg, targets?: SheetArg) {
  const rules = policyArg('GMV_TIER', policy);
  const gmv = toGrid('day_gmv', dayGmv);
  const thresholdsOf = targetsArg('GMV_TIER', targets, gmv, rules);
  return mapDays('GMV_TIER', gmv, history, (day) => tierReached(day.gmvFen, day.baselineFen, thresholdsOf(day.row), rules.thresholdInclusive));
}

export function gmvToNextTier(dayGmv: SheetArg, history: SheetArg, policy?: SheetArg, targets?: SheetArg) {
  const rules = policyArg('GMV_TO_NEXT_TIER', policy);
  const gmv = toGrid('day_gmv', dayGmv);
  const thresholdsOf = targetsArg('GMV_TO_NEXT_TIER', targets, gmv, rules);
  return mapDays('GMV_TO_NEXT_TIER', gmv, history, (day) =>
    fenToNumber(extraGmvToNextTier(day.gmvFen, day.baselineFen, thresholdsOf(day.row), rules.thresholdInclusive)),
  );
}
