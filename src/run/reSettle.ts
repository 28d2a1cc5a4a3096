/**
 * SPEC §7 on top of a settlement: holds (a held merchant pays what the previous approved run paid)
 * and the true-up against that run. The previous run's policy is read through the policy reader
 * before it is compared, so a run written before a policy key existed compares by the key's
 * default, not as a change of policy.
 */
import { applyHolds } from '../core/holds';
import type { InputIssue, Settlement, SettlementInput } from '../core/model';
import type { Policy } from '../core/policy';
import { trueUp, type PolicyChange, type TrueUp } from '../core/trueUp';
import { policyFromJson, policyToJson } from '../input/policyReader';
import type { PreviousRun } from '../input/previousRun';

/**
 * The policy keys whose values differ between `previous` (a run record's policy JSON) and
 * `policy`, key by key as the policy file writes them; an unreadable previous policy is one change
 * of the whole policy.
 */
export function policyChanges(previous: unknown, policy: Policy): PolicyChange[] {
  const now = policyToJson(policy) as Record<string, unknown>;
  const read = policyFromJson(previous);
  if (!read.ok) return [{ key: 'policy', previous: JSON.stringify(previous), now: JSON.stringify(now) }];
  const before = policyToJson(read.policy) as Record<string, unknown>;
  return Array.from(new Set([...Object.keys(before), ...Object.keys(now)]))
    .map((key) => ({ key, previous: JSON.stringify(before[key] ?? null), now: JSON.stringify(now[key] ?? null) }))
    .filter((change) => change.previous !== change.now);
}

/** A held merchant that neither this run nor the previous one has: nothing to hold, which the user should know. */
function holdNotes(holds: Map<string, string>, settlement: Settlement, previous: PreviousRun | undefined): InputIssue[] {
  const known = new Set(settlement.merchants.map((m) => m.merchantId));
  if (previous) previous.lines.forEach((line) => known.add(line.merchantId));
  const notes: InputIssue[] = [];
  holds.forEach((_, merchantId) => {
    if (known.has(merchantId)) return;
    notes.push({
      source: 'holds',
      row: 0,
      merchantId,
      value: merchantId,
      message: `merchant ${merchantId} is on hold but is in neither the campaign data nor the previous approved run: there is nothing to hold`,
      messageZh: `商家 ${merchantId} 在暂缓名单中，但既不在活动日数据中，也不在上一次已审批的结算中：没有可暂缓的款项`,
      blocksMerchant: false,
    });
  });
  return notes;
}

export interface ReSettled {
  settlement: Settlement;
  trueUp?: TrueUp;
  notes: InputIssue[];
}

export function reSettle(settled: Settlement, input: SettlementInput, policy: Policy, holds: Map<string, string> | undefined, previous: PreviousRun | undefined): ReSettled {
  const settlement = holds ? applyHolds(settled, input, holds, previous && previous.lines) : settled;
  const notes = holds ? holdNotes(holds, settlement, previous) : [];
  if (!previous) return { settlement, notes };
  const changes = policyChanges(previous.policy, policy);
  const result = trueUp(previous.lines, settlement.lines, { clawback: policy.clawback, policyChanged: changes.length > 0 });
  return { settlement, trueUp: { ...result, policyChanges: changes }, notes };
}
