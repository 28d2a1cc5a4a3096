/**
 * TIER_REWARD: a merchant-day's reward computed by core/rules evaluateDay, the very function the
 * settlement uses per line, so a formula and the settlement sheet agree to the cent.
 */
import { fenToNumber } from '../core/money';
import { tierCoefficient, type Policy } from '../core/policy';
import { evaluateDay, type DayResult } from '../core/rules';
import { alongside, moneyAt, oneCell, position, coefficientAt, readerOf, toGrid, type SheetArg } from './args';
import { mapDays } from './days';
import { policyArg } from './policyArg';
import { targetsArg } from './targetsArg';

const FN = 'TIER_REWARD';

interface RewardField {
  pick: (day: DayResult) => number;
  /** Cashback, tier and traffic do not depend on the coefficient, so they do not demand one. */
  paysRedPacket: boolean;
}

const FIELDS: Record<string, RewardField> = {
  total: { pick: (d) => fenToNumber(d.cashTotalFen), paysRedPacket: true },
  cashback: { pick: (d) => fenToNumber(d.cashbackFen), paysRedPacket: false },
  red_packet: { pick: (d) => fenToNumber(d.redPacketFen), paysRedPacket: true },
  tier: { pick: (d) => d.tier, paysRedPacket: false },
  // The tier's daily cap: whether it is granted depends on the merchant's other days.
  traffic: { pick: (d) => d.trafficCap, paysRedPacket: false },
};

/** Field names as a user may type them, compared without case, spaces, "_" or "-". */
const FIELD_NAMES: Record<string, string> = {
  total: 'total',
  合计: 'total',
  cashback: 'cashback',
  返还: 'cashback',
  redpacket: 'red_packet',
  红包: 'red_packet',
  tier: 'tier',
  档位: 'tier',
  traffic: 'traffic',
  流量: 'traffic',
};

export function rewardField(field: SheetArg | undefined): RewardField {
  const cell = field === undefined ? '' : oneCell(FN, toGrid('field', field));
  const typed = cell === null || cell === undefined ? '' : String(cell);
  const key = typed.normalize('NFKC').toLowerCase().replace(/[\s_-]/g, '');
  if (key === '') return FIELDS.total;
  const name = FIELD_NAMES[key];
  if (name) return FIELDS[name];
  throw new Error(
    `${FN}: field "${typed}" is not one of "total" (合计), "cashback" (返还), "red_packet" (红包), "tier" (档位), "traffic" (流量)`,
  );
}

export function tierReward(
  dayGmv: SheetArg,
  history: SheetArg,
  adSpend: SheetArg,
  coefficient: SheetArg,
  field?: SheetArg,
  policy?: SheetArg,
  targets?: SheetArg,
) {
  const gmv = toGrid('day_gmv', dayGmv);
  const spend = alongside(FN, toGrid('ad_spend', adSpend), gmv);
  const coefficients = alongside(FN, toGrid('coefficient', coefficient), gmv);
  const wanted = rewardField(field);
  const rules = policyArg(FN, policy);
  const thresholdsOf = targetsArg(FN, targets, gmv, rules);
  const adSpendAt = readerOf(spend, (row, column) => moneyAt(FN, spend, row, column, false));
  // The argument is the programme-wide coefficient; a tier's own one in the policy still wins.
  const rulesAt = readerOf(coefficients, (row, column): Policy => {
    const programmeCoefficient = coefficientAt(FN, coefficients, row, column);
    return programmeCoefficient ? { ...rules, redPacketCoefficient: programmeCoefficient } : rules;
  });

  return mapDays(FN, gmv, history, (day) => {
    const adSpendFen = adSpendAt(day.row, day.column);
    const dayRules = rulesAt(day.row, day.column);
    const result = evaluateDay(day.gmvFen, day.baselineFen, adSpendFen === null ? 0 : adSpendFen, thresholdsOf(day.row), dayRules);
    if (wanted.paysRedPacket && result.tier > 0 && !tierCoefficient(dayRules, result.tier)) {
      throw new Error(
        `${FN}: coefficient is required (奖励系数): ${position(gmv, day.row, day.column)} reaches tier ${result.tier}; ` +
          'give one such as 0.05 (it is never guessed)',
      );
    }
    return wanted.pick(result);
  });
}
