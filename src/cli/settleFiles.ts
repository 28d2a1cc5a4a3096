/**
 * Files named on the command line to a SettlementRun: the policy first (cheap, so a missing
 * coefficient is reported before a 90 MB history is read), then the tables, then the rules.
 * `npm start` calls this too, so the example summary is exactly what the CLI would settle.
 */
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { double11Policy, type Policy } from '../core/policy';
import { TableError } from '../input/tableError';
import { policyFromJson } from '../input/policyReader';
import { policyMessages, type PolicyMessage } from '../input/policyText';
import { readPlausibleRate } from '../input/rates';
import { previousRunFromJson, type PreviousRun } from '../input/previousRun';
import { runSettlement, type RunOptions, type SettlementRun } from '../run/runSettlement';
import { UsageError, type CliRequest } from './args';
import { decodeText } from '../files/decode';
import { readBytes, readTableFile } from './readFile';
import type { InputTables } from '../input/readInputs';
import type { Table } from '../input/table';

export type SettleRequest = Pick<CliRequest, 'history' | 'campaign' | 'targets' | 'policy' | 'coefficient'> &
  Partial<Pick<CliRequest, 'language' | 'holds' | 'previous' | 'campaignName'>>;

/**
 * `checkCampaign` sees the campaign table before the history is read: the campaign is small
 * beside it, and decides things that can stop the run early (XLSX's row limit).
 */
export async function settleFiles(request: SettleRequest, now = new Date(), checkCampaign?: (campaign: Table) => void): Promise<SettlementRun> {
  const policy = await loadPolicy(request);
  // Small beside the tables, and it decides the campaign and run: read and checked first.
  const previous = request.previous ? await loadPrevious(request.previous, now) : undefined;
  const campaign = campaignOf(request, previous);
  return settleTables(await readInputTables(request, checkCampaign), policy, request.language || 'en', now, { previous, campaign });
}

/** The files as tables: the campaign first, so `checkCampaign` can stop the run before the history is read. */
export async function readInputTables(request: SettleRequest, checkCampaign?: (campaign: Table) => void): Promise<InputTables> {
  const language = request.language || 'en';
  const campaign = await tableFile('campaign', request.campaign, language);
  if (checkCampaign) checkCampaign(campaign);
  const [history, targets, holds] = await Promise.all([
    tableFile('history', request.history, language),
    request.targets ? tableFile('targets', request.targets, language) : Promise.resolve(undefined),
    request.holds ? tableFile('holds', request.holds, language) : Promise.resolve(undefined),
  ]);
  return { history, campaign, targets, holds };
}

/** The run on tables already read; a table that cannot be read at all (no GMV column, empty file) is the user's to fix. */
export function settleTables(tables: InputTables, policy: Policy, language: 'en' | 'zh', now = new Date(), lifecycle: Pick<RunOptions, 'previous' | 'campaign'> = {}): SettlementRun {
  try {
    return runSettlement(tables, policy, { sha256Pieces: nodeSha256Pieces, now, user: currentUser(), ...lifecycle });
  } catch (error) {
    if (error instanceof TableError) throw new UsageError(error.text(language));
    throw error;
  }
}

/** A file as a table; a file that is not text at all is named in the message. */
async function tableFile(source: 'history' | 'campaign' | 'targets' | 'holds', path: string, language: 'en' | 'zh') {
  try {
    return await readTableFile(source, path);
  } catch (error) {
    if (error instanceof TableError) throw new UsageError(`--${source} ${path}: ${error.text(language)}`);
    throw error;
  }
}

/**
 * Policy file over the Double 11 defaults, then --coefficient, then the checks of SPEC §1.
 * `coefficientRequired: false` (a what-if that finds the coefficient) lets a missing one through.
 */
export async function loadPolicy(request: SettleRequest, coefficientRequired = true): Promise<Policy> {
  const zh = request.language === 'zh';
  const words = (problems: PolicyMessage[]) => problems.map((p) => (zh ? p.zh : p.en)).join('\n  ');
  let policy = double11Policy();
  if (request.policy) {
    const text = decodeText(await readBytes('--policy', request.policy));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--policy ${request.policy} is not valid JSON: ${(error as Error).message}`);
    }
    const read = policyFromJson(json);
    if (!read.ok) throw new UsageError(`--policy ${request.policy} ${zh ? '不是有效的政策文件：' : 'is not a valid policy:'}\n  ${words(read.problems)}`);
    policy = read.policy;
  }
  if (request.coefficient !== undefined) {
    const rate = readPlausibleRate(request.coefficient, 'coefficient');
    if (rate.kind === 'blank') throw new UsageError(zh ? '--coefficient 的值为空：请填写如 0.05 或 5%' : '--coefficient is empty: give a rate such as 0.05 or 5%');
    if (rate.kind === 'error') throw new UsageError(`--coefficient: ${zh ? rate.text.zh : rate.text.en}`);
    policy = { ...policy, redPacketCoefficient: rate.rate };
  }
  const problems = policyMessages(policy).filter((p) => coefficientRequired || p.code !== 'no_coefficient');
  if (problems.length > 0) {
    const noCoefficient = problems.some((p) => p.code === 'no_coefficient');
    const hint = !noCoefficient
      ? ''
      : zh
        ? '\n  请用 --coefficient 0.05 给出，或在 --policy 文件中写 "red_packet_coefficient": "0.05"'
        : '\n  give it with --coefficient 0.05, or "red_packet_coefficient": "0.05" in the --policy file';
    throw new UsageError(`${zh ? '政策无法结算：' : 'the policy cannot settle:'}\n  ${words(problems)}${hint}`);
  }
  if (policy.invitedOnly && !request.targets)
    throw new UsageError(
      zh
        ? '政策设置了 "invited_only": true（仅限目标名单中的商家），因此必须用 --targets FILE 给出受邀名单'
        : 'the policy has "invited_only": true, so --targets FILE (the invitation list) is required',
    );
  return policy;
}

/** Node's native SHA-256 over the fingerprint's pieces: the same digest as core/sha256.ts of their text, much faster on a 90 MB input. */
export function nodeSha256Pieces(pieces: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
}

/** --previous: an earlier --format json output, refused with the reason unless it is one. */
async function loadPrevious(path: string, now: Date): Promise<PreviousRun> {
  const text = decodeText(await readBytes('--previous', path));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--previous ${path} is not JSON (${(error as Error).message}): it must be an earlier gmv-settle --format json output`,
      `--previous ${path} 不是 JSON（${(error as Error).message}）：须为此前 gmv-settle --format json 的输出`,
    );
  }
  try {
    return previousRunFromJson(json, `--previous ${path}`, now);
  } catch (error) {
    if (error instanceof TableError) throw new UsageError(error.message, error.zh);
    throw error;
  }
}

/**
 * The campaign and this run's number in it: the name given, else the previous run's; numbered
 * after the previous run (run 1 without one). A --previous of another campaign is refused.
 */
function campaignOf(request: SettleRequest, previous: PreviousRun | undefined): { name?: string; run: number } {
  const name = request.campaignName || (previous && previous.campaign);
  if (previous && previous.campaign && request.campaignName && previous.campaign !== request.campaignName)
    throw new UsageError(
      `--previous ${request.previous} is a run of the campaign "${previous.campaign}", not "${request.campaignName}": pass a run of this campaign, or no --campaign-name`,
      `--previous ${request.previous} 是活动“${previous.campaign}”的结算，而不是“${request.campaignName}”：请给出本活动的结算，或去掉 --campaign-name`,
    );
  const run = previous ? (previous.run || 1) + 1 : 1;
  return name ? { name, run } : { run };
}

export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER || process.env.USERNAME || '';
  }
}
