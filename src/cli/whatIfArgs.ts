/**
 * `gmv-settle what-if` flags to a checked request: the inputs as for a settlement, and at least
 * one of --budget, --scenarios, --near-next-tier, each read by the readers the custom functions
 * and the sidebar use (input/whatIfArgs), so "10%" or "2万" means the same everywhere.
 */
import { parseArgs } from 'node:util';
import type { BudgetField } from '../core/budget';
import type { Dec, Fen } from '../core/money';
import type { Within } from '../core/nearNextTier';
import { readBudget, readBudgetField, readChangeList, readDecimals, readWithin, type Read } from '../input/whatIfArgs';
import type { Language } from '../output/language';
import { explainParseError, INPUT_OPTIONS, inputFlags, joinNegativeValues, OUTPUT_OPTIONS, UsageError } from './args';

export type WhatIfFormat = 'csv' | 'json';

export interface WhatIfRequest {
  history: string;
  campaign: string;
  targets?: string;
  policy?: string;
  coefficient?: string;
  budget?: { fen: Fen; decimals: number; field: BudgetField };
  scenarios?: Dec[];
  nearNextTier?: Within;
  format: WhatIfFormat;
  out?: string;
  language: Language;
}

export const WHAT_IF_USAGE = `Usage: gmv-settle what-if --history FILE --campaign FILE [what] [options]

What-ifs (SPEC §8) on the same inputs and policy as a settlement; give one or more:
  --budget AMOUNT          the largest coefficient whose settlement pays at most AMOUNT
                           (such as 500000 or 50万), with its totals and the next step
    --decimals N           steps of 10^-N (0 to 10, default 4: 0.0001)
    --field red_packet|total   what the budget pays for (default red_packet; total adds cashback)
  --scenarios "-20%,-10%,0,10%"   the totals with every campaign GMV changed by each rate
                           (needs a coefficient: --coefficient, the policy file, or --budget's)
  --near-next-tier 20000|10%      merchant-days short of their next tier by at most that
                           amount, or that share of the next threshold, least short first

Inputs and rules as for a settlement: --targets FILE, --policy FILE.json, --coefficient X
(a tier's own coefficient always wins; --budget never changes it).

Output:
  --format csv|json        default csv (one table: give one what-if) or from --out's extension;
                           JSON keys are the custom functions' headings in snake_case
  --out FILE               write there instead of standard output
  --lang zh|en             headings and messages in Chinese or English (JSON keys never change)

Example:
  gmv-settle what-if --history examples/history.csv --campaign examples/campaign.csv \\
    --targets examples/targets.csv --policy examples/policy.json --budget 200000 --format json
`;

const OPTIONS = {
  ...INPUT_OPTIONS,
  budget: { type: 'string' },
  decimals: { type: 'string' },
  field: { type: 'string' },
  scenarios: { type: 'string' },
  'near-next-tier': { type: 'string' },
  ...OUTPUT_OPTIONS,
} as const;

export type ParsedWhatIf = { help: true } | { help: false; request: WhatIfRequest };

/** A flag's value read by a what-if reader; a bad one is a usage error in the chosen language. */
function flag<T>(name: string, raw: string | undefined, read: (cell: string) => Read<T>): T | undefined {
  if (raw === undefined) return undefined;
  const result = read(raw);
  if (result.kind === 'error') throw new UsageError(`--${name}: ${result.text.en}`, `--${name}：${result.text.zh}`);
  if (result.kind === 'blank') throw new UsageError(`--${name} is empty`, `--${name} 的值为空`);
  return result.value;
}

export function parseWhatIfArgs(argv: string[]): ParsedWhatIf {
  let parsed;
  try {
    // "--scenarios -20%,0" starts like an option: joined as --scenarios=-20%,0 it reaches its reader.
    parsed = parseArgs({ args: joinNegativeValues(argv), options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }).replace('gmv-settle --help', 'gmv-settle what-if --help'));
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  const language = v.lang ?? 'en';
  if (language !== 'en' && language !== 'zh') throw new UsageError(`--lang must be zh or en, not "${language}"`);
  const missing = (['history', 'campaign'] as const).filter((name) => !v[name]);
  if (missing.length > 0)
    throw new UsageError(
      `${missing.map((m) => `--${m} FILE`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required (see gmv-settle what-if --help)`,
      `必须给出 ${missing.map((m) => `--${m} FILE`).join(' 和 ')}（见 gmv-settle what-if --help）`,
    );
  const budgetFen = flag('budget', v.budget, readBudget);
  if (budgetFen === undefined && (v.decimals !== undefined || v.field !== undefined))
    throw new UsageError('--decimals and --field go with --budget', '--decimals 和 --field 须与 --budget 一起使用');
  const scenarios = flag('scenarios', v.scenarios, readChangeList);
  const nearNextTier = flag('near-next-tier', v['near-next-tier'], readWithin);
  const asked = [budgetFen, scenarios, nearNextTier].filter((part) => part !== undefined).length;
  if (asked === 0)
    throw new UsageError(
      'say what to work out: --budget AMOUNT, --scenarios "-10%,0,10%" or --near-next-tier 20000 (see gmv-settle what-if --help)',
      '请指定测算内容：--budget 金额、--scenarios "-10%,0,10%" 或 --near-next-tier 20000（见 gmv-settle what-if --help）',
    );
  const extension = v.out ? /\.(csv|json|xlsx)$/i.exec(v.out) : null;
  // `--out report.xlsx` would otherwise get CSV bytes: a what-if is CSV or JSON, and says so.
  const format = v.format ?? (extension ? extension[1].toLowerCase() : 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}"`, `--format 须为 csv 或 json，而不是 "${format}"`);
  if (format === 'csv' && asked > 1)
    throw new UsageError('a CSV holds one table: give one of --budget, --scenarios, --near-next-tier, or --format json for several', 'CSV 只能容纳一张表：请只给出 --budget、--scenarios、--near-next-tier 之一，或用 --format json');
  return {
    help: false,
    request: {
      ...inputFlags(v),
      budget:
        budgetFen === undefined
          ? undefined
          : { fen: budgetFen, decimals: flag('decimals', v.decimals ?? '', readDecimals) as number, field: (v.field === undefined ? 'red_packet' : flag('field', v.field, readBudgetField)) as BudgetField },
      scenarios,
      nearNextTier,
      format,
      out: v.out,
      language,
    },
  };
}
