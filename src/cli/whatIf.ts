/**
 * `gmv-settle what-if`: the inputs read and settled as for a settlement (the same report on
 * standard error), then the what-ifs asked for — the coefficient for a budget, payout scenarios,
 * the near-next-tier watchlist — from the same core as the custom functions and the sidebar,
 * written as JSON (keys: the functions' headings in snake_case) or as one CSV table.
 */
import { coefficientForBudget, type BudgetAnswer } from '../core/budget';
import { fenToDisplay } from '../core/money';
import { nearNextTier, type NearMiss } from '../core/nearNextTier';
import { tierCoefficient, type Policy } from '../core/policy';
import { payoutScenarios, type ScenarioResult } from '../core/scenarios';
import { policyToJson } from '../input/policyReader';
import { policyMessages } from '../input/policyText';
import { tableToCsv } from '../output/csv';
import { jsonRows } from '../output/json';
import type { Language } from '../output/language';
import type { Column } from '../output/tables';
import { BUDGET_COLUMNS, NEAR_MISS_COLUMNS, SCENARIO_COLUMNS, type BudgetRow } from '../output/whatIfTables';
import { budgetProblemText } from '../output/whatIfText';
import { UsageError } from './args';
import { inputReport } from './inputReport';
import { csvOutput, refuseOutputOverInput, writeOutput } from './output';
import { loadPolicy, readInputTables, settleTables } from './settleFiles';
import { parseWhatIfArgs, WHAT_IF_USAGE, type WhatIfRequest } from './whatIfArgs';

interface WhatIfParts {
  budget?: BudgetRow;
  scenarios?: ScenarioResult[];
  nearNextTier?: NearMiss[];
  /** The policy the scenarios and the watchlist's rewards were priced with. */
  policy: Policy;
}

const paysProgramme = (policy: Policy) => policy.tiers.every((_, i) => tierCoefficient(policy, i + 1) !== undefined);

/** Scenarios settle as usual, so they need a coefficient: said before a large history is read, where it can be. */
function requireCoefficient(policy: Policy): void {
  const problems = policyMessages(policy);
  if (problems.length > 0)
    throw new UsageError(
      `--scenarios needs a red-packet coefficient: give --coefficient 0.05, "red_packet_coefficient" in the --policy file, or --budget (${problems.map((p) => p.en).join('; ')})`,
      `--scenarios 需要奖励系数：请用 --coefficient 0.05、--policy 文件中的 "red_packet_coefficient" 或 --budget 给出（${problems.map((p) => p.zh).join('；')}）`,
    );
}

/** The budget's answer, then the scenarios and the watchlist priced with the coefficient in force (or the budget's). */
function workOut(request: WhatIfRequest, policy: Policy, input: Parameters<typeof coefficientForBudget>[0]): WhatIfParts {
  const parts: WhatIfParts = { policy };
  if (request.budget) {
    const { fen, decimals, field } = request.budget;
    const result = coefficientForBudget(input, policy, fen, decimals, field);
    if (!result.ok) {
      const why = budgetProblemText(result.problem, field);
      throw new UsageError(`--budget ${fenToDisplay(fen)}: ${why.en}`, `--budget ${fenToDisplay(fen)}：${why.zh}`);
    }
    parts.budget = { budgetFen: fen, field, answer: result.answer };
    // With no coefficient of its own, the what-ifs below use the one the budget allows.
    if (!paysProgramme(policy)) parts.policy = { ...policy, redPacketCoefficient: result.answer.coefficient };
  }
  if (request.scenarios) {
    requireCoefficient(parts.policy);
    parts.scenarios = payoutScenarios(input, parts.policy, request.scenarios);
  }
  if (request.nearNextTier) parts.nearNextTier = nearNextTier(input, parts.policy, request.nearNextTier);
  return parts;
}

/** "coefficient for a budget of 20,000.00 (red packet): 0.0582 pays 19,989.18; 0.0583 would pay 20,023.53" */
function budgetLine(row: BudgetRow, language: Language): string {
  const a: BudgetAnswer = row.answer;
  const zh = language === 'zh';
  const field = row.field === 'total' ? (zh ? '现金合计' : 'cash total') : zh ? '天降红包' : 'red packet';
  const next = a.nextStep
    ? zh
      ? `；${a.nextStep.coefficient.toString()} 将发放 ${fenToDisplay(a.nextStep.paysFen)}`
      : `; ${a.nextStep.coefficient.toString()} would pay ${fenToDisplay(a.nextStep.paysFen)}`
    : zh
      ? '（预算不构成约束：已是小于 1 的最大系数）'
      : ' (the budget does not bind: the largest coefficient below 1)';
  return zh
    ? `预算 ${fenToDisplay(row.budgetFen)}（${field}）下的奖励系数：${a.coefficient.toString()}，发放 ${fenToDisplay(a.paysFen)}${next}\n`
    : `coefficient for a budget of ${fenToDisplay(row.budgetFen)} (${field}): ${a.coefficient.toString()} pays ${fenToDisplay(a.paysFen)}${next}\n`;
}

function csvOf(parts: WhatIfParts, language: Language): string {
  const table = <T>(columns: Column<T>[], rows: T[]) => tableToCsv(columns, rows, language);
  if (parts.budget) return table(BUDGET_COLUMNS, [parts.budget]);
  if (parts.scenarios) return table(SCENARIO_COLUMNS, parts.scenarios);
  return table(NEAR_MISS_COLUMNS, parts.nearNextTier || []);
}

function jsonOf(parts: WhatIfParts, record: { inputSha256: string; generatedAt: string }): string {
  const out: Record<string, unknown> = {};
  if (parts.budget) out.budget = jsonRows(BUDGET_COLUMNS, [parts.budget])[0];
  if (parts.scenarios) out.scenarios = jsonRows(SCENARIO_COLUMNS, parts.scenarios);
  if (parts.nearNextTier) out.near_next_tier = jsonRows(NEAR_MISS_COLUMNS, parts.nearNextTier);
  out.run = { policy: policyToJson(parts.policy), input_sha256: record.inputSha256, generated_at: record.generatedAt };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Runs the subcommand; a UsageError is for runCli to show (exit 2). `chosen` learns the language as soon as it is known. */
export async function runWhatIf(argv: string[], tell: (text: string) => void, chosen: (language: Language) => void): Promise<number> {
  const parsed = parseWhatIfArgs(argv);
  if (parsed.help) {
    process.stdout.write(WHAT_IF_USAGE);
    return 0;
  }
  const request = parsed.request;
  chosen(request.language);
  refuseOutputOverInput(request);
  const policy = await loadPolicy(request, false);
  if (request.scenarios && !request.budget) requireCoefficient(policy);
  const run = settleTables(await readInputTables(request), policy, request.language);
  tell(inputReport(run, request.language));
  const parts = workOut(request, policy, run.read.input);
  if (parts.budget) tell(budgetLine(parts.budget, request.language));
  const output = request.format === 'json' ? jsonOf(parts, run.record) : csvOutput(csvOf(parts, request.language), request.out);
  await writeOutput(request, output);
  return 0;
}
