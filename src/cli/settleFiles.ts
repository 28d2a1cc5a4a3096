/**
 * Files named on the command line to a SettlementRun: the policy first (cheap, so a missing
 * coefficient is reported before a 90 MB history is read), then the tables, then the rules.
 * `npm start` calls this too, so the example summary is exactly what the CLI would settle.
 */
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { Dec } from '../core/money';
import { double11Policy, policyProblems, type Policy } from '../core/policy';
import { TableError } from '../input/columns';
import { readRate } from '../input/number';
import { policyFromJson } from '../input/policyReader';
import { runSettlement, type SettlementRun } from '../output/run';
import { UsageError, type CliRequest } from './args';
import { decodeText } from '../input/encoding';
import { readBytes, readTableFile } from './readFile';
import type { Table } from '../input/table';

export type SettleRequest = Pick<CliRequest, 'history' | 'campaign' | 'targets' | 'policy' | 'coefficient'>;

/**
 * `checkCampaign` sees the campaign table before the history is read: the campaign is small
 * beside it, and decides things that can stop the run early (XLSX's row limit).
 */
export async function settleFiles(request: SettleRequest, now = new Date(), checkCampaign?: (campaign: Table) => void): Promise<SettlementRun> {
  const policy = await loadPolicy(request);
  const campaign = await readTableFile('campaign', request.campaign);
  if (checkCampaign) checkCampaign(campaign);
  const [history, targets] = await Promise.all([
    readTableFile('history', request.history),
    request.targets ? readTableFile('targets', request.targets) : Promise.resolve(undefined),
  ]);
  try {
    return runSettlement({ history, campaign, targets }, policy, { sha256: nodeSha256, now, user: currentUser() });
  } catch (error) {
    // A table that cannot be read at all (no GMV column, empty file): the user must fix the file.
    if (error instanceof TableError) throw new UsageError(error.message);
    throw error;
  }
}

/** Policy file over the Double 11 defaults, then --coefficient, then the checks of SPEC §1. */
export async function loadPolicy(request: SettleRequest): Promise<Policy> {
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
    if (!read.ok) throw new UsageError(`--policy ${request.policy} is not a valid policy:\n  ${read.problems.join('\n  ')}`);
    policy = read.policy;
  }
  if (request.coefficient !== undefined) {
    const rate = readRate(request.coefficient);
    if (rate.kind !== 'rate') throw new UsageError(`--coefficient must be a rate such as 0.05 or 5%, not "${request.coefficient}"`);
    policy = { ...policy, redPacketCoefficient: new Dec(rate.text) };
  }
  const problems = policyProblems(policy);
  if (problems.length > 0) {
    const noCoefficient = problems.some((p) => p.startsWith('no red-packet coefficient'));
    const hint = noCoefficient
      ? '\n  give it with --coefficient 0.05, or "red_packet_coefficient": "0.05" in the --policy file'
      : '';
    throw new UsageError(`the policy cannot settle:\n  ${problems.join('\n  ')}${hint}`);
  }
  if (policy.invitedOnly && !request.targets)
    throw new UsageError('the policy has "invited_only": true, so --targets FILE (the invitation list) is required');
  return policy;
}

/** Node's native SHA-256: the same digest as core/sha256.ts, much faster on a 90 MB input. */
function nodeSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER || process.env.USERNAME || '';
  }
}
