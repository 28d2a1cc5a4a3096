/**
 * `gmv-settle` flags to a checked request. Everything a user can get wrong on the command line
 * becomes a UsageError with one sentence saying what to type instead (exit 2).
 */
import { parseArgs } from 'node:util';
import { readCampaignName } from '../input/campaignName';
import type { Language } from '../output/language';

export type OutputFormat = 'csv' | 'json' | 'xlsx';
export type Engine = 'default' | 'duckdb' | 'bigquery';
export const ENGINES: Engine[] = ['default', 'duckdb', 'bigquery'];

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
  /** Who settles: this program (default), embedded DuckDB, or a BigQuery job (see sqlArgs.ts). */
  engine: Engine;
  bigquery?: BigQueryTarget;
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

/** Where a BigQuery job runs and what it reads and writes. */
export interface BigQueryTarget {
  project: string;
  dataset: string;
  /** Table names by role (history, campaign, targets), dataset-relative or fully qualified. */
  tables: Record<string, string>;
  destination?: string;
  location?: string;
  dryRun: boolean;
}

/** `gmv-settle sql`: the settlement as SQL text, for a data team to review and schedule. */
export interface SqlRequest {
  dialect: 'duckdb' | 'bigquery';
  policy?: string;
  coefficient?: string;
  tables: Record<string, string>;
  destination?: string;
  /** The policy file of the run `--tables previous=…` holds: a differing one makes the true-up's `policy` change (SPEC §7). */
  previousPolicy?: string;
  out?: string;
  language: Language;
}

export type ParsedArgs = { help: true; topic?: 'sql' } | { help: false; request: CliRequest } | { help: false; sql: SqlRequest };

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
       gmv-settle what-if --history FILE --campaign FILE --budget B | --scenarios R | --near-next-tier N

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
  -h, --help           show this help (gmv-settle what-if --help for the what-ifs)

Engines (the same settlement, to the fen; README "Past one sheet"):
  --engine default     this program (default): reads every back-office export form
  --engine duckdb      embedded DuckDB reads the CSV or Parquet files directly: for clean
                       warehouse exports (plain numbers, ISO dates); anything else is refused
                       with a message naming the default engine
  --engine bigquery --project P --dataset D [--tables history=…,campaign=…,targets=…]
                       [--destination ds.table] [--location L] [--dry-run]
                       runs the settlement SQL as a BigQuery job over tables D.history,
                       D.campaign (application-default credentials); prints the job id and the
                       bytes processed; --dry-run prints the job configuration and the SQL
  gmv-settle sql --help   the settlement as SQL, to review and schedule

The column mapping, row counts and the first issues are printed to standard error.
Exit status: 0 a settlement was produced (even with issues); 2 nothing was produced because
of a usage error, an unreadable file, a table that cannot be read, an invalid policy, a
settlement too large for xlsx or an --out that is one of the inputs.

Example:
  gmv-settle --history examples/history.csv --campaign examples/campaign.csv \\
    --targets examples/targets.csv --policy examples/policy.json --format xlsx --out settlement.xlsx
`;

export const SQL_USAGE = `Usage: gmv-settle sql [--dialect duckdb|bigquery] [--policy FILE.json] [--coefficient X]
                      [--tables history=T,campaign=T,targets=T] [--destination ds.table]
                      [--lang zh|en] [--out FILE]

Prints the settlement as SQL (a script of commented models, one CTE per rule) over typed tables:
  history(merchant_id STRING, date DATE, gmv NUMERIC, [merchant_name], [refund_amount], [source_row])
  campaign(merchant_id, merchant_name, date, gmv, ad_spend, [refund_amount], [source_row])
  targets(merchant_id, merchant_name, tier1, tier2, tier3)  (optional)
Money stays exact (whole fen, NUMERIC/DECIMAL; never FLOAT64/DOUBLE). Without --destination the
script ends in SELECTs of the lines, merchants, totals and issues; with it, it writes the tables
ds.table, ds.table_merchants, ds.table_totals and ds.table_issues.
  --dialect        duckdb (default) or bigquery (BigQuery Standard SQL)
  --tables         table names by role (default history, campaign; targets only when named);
                   holds=T (merchant_id, reason) and previous=T (the last approved run's lines,
                   the 17 line columns) make the script hold merchants and true up (SPEC §7)
  --previous-policy FILE.json   the policy of the run previous=T holds: where it differs, the
                   true-up's lines that change for no other reason say "policy"
  --lang           the language of the reason and message columns
`;

/** The inputs and rules, and where and how the answer goes: shared with `gmv-settle what-if`. */
export const INPUT_OPTIONS = {
  history: { type: 'string' },
  campaign: { type: 'string' },
  targets: { type: 'string' },
  policy: { type: 'string' },
  coefficient: { type: 'string' },
} as const;
export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
/** Settling only: the campaign and run (SPEC §7), holds, statements and the payout list. */
const LIFECYCLE_OPTIONS = {
  'campaign-name': { type: 'string' },
  previous: { type: 'string' },
  holds: { type: 'string' },
  statements: { type: 'string' },
  'payout-list': { type: 'string' },
} as const;
/** Settling only: which engine, and `gmv-settle sql`'s dialect. */
const ENGINE_OPTIONS = {
  engine: { type: 'string' },
  project: { type: 'string' },
  dataset: { type: 'string' },
  tables: { type: 'string' },
  destination: { type: 'string' },
  location: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'previous-policy': { type: 'string' },
  dialect: { type: 'string' },
} as const;
const OPTIONS = { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...LIFECYCLE_OPTIONS, ...ENGINE_OPTIONS } as const;

const FORMATS: OutputFormat[] = ['csv', 'json', 'xlsx'];

/**
 * `--coefficient -0.05` would otherwise read as a missing value followed by an unknown option;
 * joined as `--coefficient=-0.05` it reaches the rate check, which says what is wrong with it.
 */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (/^--[a-z-]+$/.test(argv[i]) && next !== undefined && /^-[\d.(（]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  const sqlCommand = argv[0] === 'sql';
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(sqlCommand ? argv.slice(1) : argv), options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }));
  }
  const v = parsed.values;
  if (v.help) return sqlCommand ? { help: true, topic: 'sql' } : { help: true };
  const language = v.lang ?? 'en';
  if (language !== 'en' && language !== 'zh') throw new UsageError(`--lang must be zh or en, not "${language}"`);
  if (sqlCommand) return { help: false, sql: sqlRequest(v, language) };
  const engine = (v.engine ?? 'default') as Engine;
  if (!ENGINES.includes(engine)) throw new UsageError(`--engine must be default, duckdb or bigquery, not "${v.engine}"`);
  const bigquery = engine === 'bigquery' ? bigQueryTarget(v) : undefined;
  refuseFlagsOfOtherEngines(v, engine);

  const missing = engine === 'bigquery' ? [] : (['history', 'campaign'] as const).filter((name) => !v[name]);
  if (missing.length > 0)
    throw new UsageError(`${missing.map((m) => `--${m} FILE`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required (see gmv-settle --help)`);

  const format = v.format ?? formatFromExtension(v.out) ?? 'csv';
  if (FORMATS.indexOf(format as OutputFormat) < 0)
    throw new UsageError(`--format must be csv, json or xlsx, not "${format}"`);

  const campaignName = v['campaign-name'] === undefined ? undefined : checkCampaignName(v['campaign-name']);
  return {
    help: false,
    request: {
      ...inputFlags(v),
      format: format as OutputFormat,
      out: v.out,
      language,
      engine,
      bigquery,
      campaignName,
      previous: v.previous,
      holds: v.holds,
      statements: v.statements,
      payoutList: v['payout-list'],
    },
  };
}

/** The input files and the coefficient as given (both commands take them); history and campaign are checked present, except for BigQuery's tables. */
export function inputFlags(v: { history?: string; campaign?: string; targets?: string; policy?: string; coefficient?: string }) {
  return { history: v.history ?? '', campaign: v.campaign ?? '', targets: v.targets, policy: v.policy, coefficient: v.coefficient };
}

type Values = Record<string, string | boolean | undefined>;

/** `--tables history=proj.ds.history,campaign=…`: table names by role. */
export const TABLE_ROLES = ['history', 'campaign', 'targets', 'holds', 'previous'];

function tableNames(text: string | undefined): Record<string, string> {
  const tables: Record<string, string> = {};
  for (const part of (text ?? '').split(',').filter((p) => p.trim() !== '')) {
    const match = /^\s*([a-z]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!match || !TABLE_ROLES.includes(match[1]))
      throw new UsageError(`--tables takes role=table pairs for ${TABLE_ROLES.join(', ')}, as in --tables history=proj.ds.history,campaign=proj.ds.campaign; not "${part}"`);
    tables[match[1]] = match[2];
  }
  return tables;
}

function sqlRequest(v: Values, language: Language): SqlRequest {
  const dialect = v.dialect ?? 'duckdb';
  if (dialect !== 'duckdb' && dialect !== 'bigquery') throw new UsageError(`--dialect must be duckdb or bigquery, not "${dialect}"`);
  const stray = ['history', 'campaign', 'targets', 'format', 'engine', 'project', 'dataset', 'dry-run', 'location'].filter((flag) => v[flag] !== undefined);
  if (stray.length > 0) throw new UsageError(`gmv-settle sql prints SQL over tables named with --tables; it takes no --${stray[0]}`);
  return {
    dialect,
    policy: v.policy as string | undefined,
    coefficient: v.coefficient as string | undefined,
    tables: { history: 'history', campaign: 'campaign', ...tableNames(v.tables as string | undefined) },
    destination: v.destination as string | undefined,
    previousPolicy: v['previous-policy'] as string | undefined,
    out: v.out as string | undefined,
    language,
  };
}

function bigQueryTarget(v: Values): BigQueryTarget {
  const missing = (['project', 'dataset'] as const).filter((flag) => !v[flag]);
  if (missing.length > 0) throw new UsageError(`--engine bigquery needs ${missing.map((m) => `--${m} ${m.toUpperCase()}`).join(' and ')} (the project that runs the job, the dataset of the tables)`);
  const dataset = v.dataset as string;
  const names = tableNames(v.tables as string | undefined);
  const lifecycle = ['holds', 'previous'].find((role) => names[role] !== undefined);
  if (lifecycle)
    throw new UsageError(
      `--tables ${lifecycle}=… is for gmv-settle sql (a script to schedule in BigQuery); --engine bigquery settles a first run over history, campaign and targets`,
      `--tables ${lifecycle}=… 只用于 gmv-settle sql（生成在 BigQuery 中调度的脚本）；--engine bigquery 只结算基于历史数据、活动日数据和目标名单的首次结算`,
    );
  const tables: Record<string, string> = { history: `${dataset}.history`, campaign: `${dataset}.campaign`, ...names };
  return { project: v.project as string, dataset, tables, destination: v.destination as string | undefined, location: v.location as string | undefined, dryRun: v['dry-run'] === true };
}

/** A flag of one engine given to another would be ignored without a word. */
function refuseFlagsOfOtherEngines(v: Values, engine: Engine): void {
  const bigQueryOnly = ['project', 'dataset', 'tables', 'destination', 'location', 'dry-run'].filter((flag) => v[flag] !== undefined);
  if (engine !== 'bigquery' && bigQueryOnly.length > 0) throw new UsageError(`--${bigQueryOnly[0]} is for --engine bigquery (gmv-settle --engine bigquery --project P --dataset D …)`);
  if (v.dialect !== undefined) throw new UsageError('--dialect is for gmv-settle sql (gmv-settle sql --dialect duckdb|bigquery)');
  if (v['previous-policy'] !== undefined) throw new UsageError('--previous-policy is for gmv-settle sql with --tables previous=… (a settlement takes --previous EARLIER.json)');
  // The SQL has the holds and true-up models (README "Past one sheet"), but these flags feed the default engine's readers.
  const lifecycle = ['campaign-name', 'previous', 'holds', 'statements', 'payout-list'].filter((flag) => v[flag] !== undefined);
  if (engine !== 'default' && lifecycle.length > 0)
    throw new UsageError(
      `--${lifecycle[0]} is for the default engine: settle the run without --engine ${engine} to use it`,
      `--${lifecycle[0]} 只能用于默认引擎：去掉 --engine ${engine} 再结算即可使用`,
    );
  if (engine === 'bigquery' && (v.history || v.campaign || v.targets))
    throw new UsageError('--engine bigquery reads tables in BigQuery, not files: name them with --dataset D [--tables history=…,campaign=…]');
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
export function explainParseError(error: Error & { code?: string }): string {
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
