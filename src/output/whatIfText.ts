/** Why a budget has no coefficient (core/budget BudgetProblem), in words, English and Chinese. */
import type { BudgetField, BudgetProblem } from '../core/budget';
import { fenToDisplay } from '../core/money';
import type { Words } from '../core/policyKeys';

export function budgetProblemText(problem: BudgetProblem, field: BudgetField): Words {
  if (problem.code === 'over_budget_at_zero') {
    const what = field === 'total' ? { en: 'cash total (the cashback, and any tier with its own coefficient)', zh: '现金合计（磁力金牛返还及自带系数档位的红包）' } : { en: 'red packet (tiers with their own coefficient)', zh: '天降红包（自带系数的档位）' };
    return {
      en: `even at coefficient 0 the settlement pays ${fenToDisplay(problem.paysFen)} in ${what.en}, above the budget of ${fenToDisplay(problem.budgetFen)}: no coefficient fits`,
      zh: `即使奖励系数为 0，结算的${what.zh}也有 ${fenToDisplay(problem.paysFen)}，超过预算 ${fenToDisplay(problem.budgetFen)}：没有可用的系数`,
    };
  }
  if (problem.qualified === 0)
    return {
      en: 'no line could ever pay a red packet: no merchant-day reaches a tier, so the coefficient changes nothing',
      zh: '没有任何一行可能发放红包：没有商家日达到任何档位，奖励系数不影响发放金额',
    };
  if (problem.ownCoefficient === problem.qualified)
    return {
      en: `no line could ever pay with the programme coefficient: all ${problem.qualified} qualified merchant-days are in tiers with their own coefficient, which the budget does not change`,
      zh: `没有任何一行按全活动奖励系数发放：${problem.qualified} 个达标商家日所在档位都有自己的系数，预算不改变它们`,
    };
  return {
    en: `no line could ever pay a red packet: the ${problem.qualified - problem.ownCoefficient} qualified merchant-days paid with the programme coefficient have no incremental GMV`,
    zh: `没有任何一行可能发放红包：按全活动系数发放的 ${problem.qualified - problem.ownCoefficient} 个达标商家日没有增量GMV`,
  };
}
