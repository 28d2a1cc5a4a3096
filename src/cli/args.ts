/**
 * `gmv-settle` flags to a checked request. Everything a user can get wrong on the command line
 * becomes a UsageError with one sentence saying what to type instead (exit 2).
 */
import { parseArgs } from 'node:util';
import { readCampaignName } from '../input/campaignName';
import type { Language } from '../output/language';

export type OutputFormat = 'csv' | 'json' | 'xlsx';

export interface CliRequest {
  history: string;
  campaign: string;
  targets?: string;
  policy?: string;
  /** As typed; read as a rate (0.05 or 5%) once the policy is known. */
  coefficient?: string;
  format: OutputFormat;
  out?: string;
  language: Language;
  /** SPEC §7: the campaign this run belongs to. */
  campaignName?: string;
  /** An earlier `--format json` output (approved by whoever passes it): this run is a true-up against it. */
  previous?: string;
  /** The holds table: merchant id, reason. */
  holds?: string;
  /** A folder to write one printable statement per merchant into. */
  statements?: string;
  /** A CSV file for the payout list (发放清单). */
  payoutList?: string;
}

export type ParsedArgs = { help: true } | { help: false; request: CliRequest };

/** A mistake in how the CLI was called or in what it was given: message only, exit 2. */
export class UsageError extends Error {
  /** The same message in Chinese, for `--lang zh`, where one was written. */
  constructor(message: string, readonly zh?: string) {
    super(message);
  }

  text(language: Language): string {
    return language === 'zh' && this.zh ? this.zh : this.message;
  }
}

export const USAGE = `Usage: gmv-settle --history FILE --campaign FILE [options]

Settles the Kuaishou Double 11 SME Summit incentive (双11中小商家登峰激励): per merchant and
campaign day the tier reached, Magnetic Taurus cashback, red packet and live-room traffic.

Inputs (CSV, TSV or .xlsx; Chinese or English headers; UTF-8, GBK/GB18030 or UTF-16):
  --history FILE       daily GMV before the campaign: long (商家ID, 日期, 成交金额),
                       wide (商家ID, then one column per date) or ready (商家ID, 过往日均)
  --campaign FILE      campaign days: 商家ID, 日期, 成交金额, optional 磁力金牛消耗
  --targets FILE       invitation list with optional per-merchant tier thresholds
                       (required when the policy has "invited_only": true)
  --holds FILE         merchants on hold (商家ID, 暂缓原因 / merchant_id, reason): each pays
                       what the --previous run paid it (0 without one), its reason saying
                       what it would pay now

Campaigns and re-settlement (SPEC §7):
  --campaign-name NAME the campaign this run belongs to, e.g. "双11登峰激励 2025"
  --previous FILE      an earlier --format json output of this campaign, approved by you:
                       this run is a true-up against it (per line and merchant: before, now,
                       delta, what changed; to pay and to recover) and numbered after it

Rules:
  --policy FILE.json   tiers and options (see README "Policy file"); default: Double 11 2025
  --coefficient X      red-packet coefficient (奖励系数), e.g. 0.05 or 5%; overrides the
                       policy file's red_packet_coefficient (a tier's own one still wins).
                       Required unless the policy file sets one: it is never guessed.

Output:
  --format csv|json|xlsx   default: from --out's extension, else csv
                           csv: one line per merchant per campaign day
                           json: lines, merchants, totals, issues and the run record
                           xlsx: sheets Lines, Merchants, Totals, Issues, Run (at most
                           1,048,575 lines: an Excel sheet's rows, less the heading)
  --out FILE           write there instead of standard output (required for xlsx on a
                       terminal); never one of the input files
  --lang zh|en         headings and reasons in Chinese or English (default en; JSON keys
                       never change)
  --statements DIR     one printable statement (对账单) per merchant, DIR/<merchant id>.html:
                       its days, totals, for a true-up what was paid before and the
                       difference, and the checksum of this run's JSON report
  --payout-list FILE   the payout list (发放清单) as CSV: merchant id, name, amount to pay,
                       traffic to grant, campaign, run (a true-up pays only the difference)
  -h, --help           show this help

The column mapping, row counts and the first issues are printed to standard error.
Exit status: 0 a settlement was produced (even with issues); 2 nothing was produced because
of a usage error, an unreadable file, a table that cannot be read, an invalid policy, a
settlement too large for xlsx or an --out that is one of the inputs.

Example:
  gmv-settle --history examples/history.csv --campaign examples/campaign.csv \\
    --targets examples/targets.csv --policy examples/policy.json --format xlsx --out settlement.xlsx
`;

const OPTIONS = {
  history: { type: 'string' },
  campaign: { type: 'string' },
  targets: { type: 'string' },
  policy: { type: 'string' },
  coefficient: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  'campaign-name': { type: 'string' },
  previous: { type: 'string' },
  holds: { type: 'string' },
  statements: { type: 'string' },
  'payout-list': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS: OutputFormat[] = ['csv', 'json', 'xlsx'];

/**
 * `--coefficient -0.05` would otherwise read as a missing value followed by an unknown option;
 * joined as `--coefficient=-0.05` it reaches the rate check, which says what is wrong with it.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (/^--[a-z]+$/.test(argv[i]) && next !== undefined && /^-[\d.(（]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }));
  }
  const v = parsed.values;
  if (v.help) return { help: true };

  const missing = (['history', 'campaign'] as const).filter((name) => !v[name]);
  if (missing.length > 0)
    throw new UsageError(`${missing.map((m) => `--${m} FILE`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required (see gmv-settle --help)`);

  const format = v.format ?? formatFromExtension(v.out) ?? 'csv';
  if (FORMATS.indexOf(format as OutputFormat) < 0)
    throw new UsageError(`--format must be csv, json or xlsx, not "${format}"`);
  const language = v.lang ?? 'en';
  if (language !== 'en' && language !== 'zh') throw new UsageError(`--lang must be zh or en, not "${language}"`);

  const campaignName = v['campaign-name'] === undefined ? undefined : checkCampaignName(v['campaign-name']);
  return {
    help: false,
    request: {
      history: v.history as string,
      campaign: v.campaign as string,
      targets: v.targets,
      policy: v.policy,
      coefficient: v.coefficient,
      format: format as OutputFormat,
      out: v.out,
      language,
      campaignName,
      previous: v.previous,
      holds: v.holds,
      statements: v.statements,
      payoutList: v['payout-list'],
    },
  };
}

function checkCampaignName(raw: string): string {
  const read = readCampaignName(raw);
  if (!read.ok) throw new UsageError(`--campaign-name: ${read.problem.en}`, `--campaign-name：${read.problem.zh}`);
  return read.name;
}

/** `--out report.xlsx` alone should give a workbook, not CSV bytes in a .xlsx file. */
function formatFromExtension(out: string | undefined): OutputFormat | undefined {
  const match = out ? /\.(csv|json|xlsx)$/i.exec(out) : null;
  return match ? (match[1].toLowerCase() as OutputFormat) : undefined;
}

/** node:util's messages mention positional arguments and "--" tricks; ours name the fix. */
function explainParseError(error: Error & { code?: string }): string {
  const option = /'(-[^' ,]*)/.exec(error.message);
  const name = option ? option[1] : '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${name} (see gmv-settle --help for the options)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(error.message)
        ? `option ${name} needs a value, as in ${name} VALUE`
        : `option ${name} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(/'([^']*)'/.exec(error.message)?.[1] ?? '')}: inputs are given with --history FILE and --campaign FILE`;
    default:
      return error.message;
  }
}
