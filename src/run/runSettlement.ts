/**
 * One settlement run, the same for every entry point: read the tables, settle, and record
 * what was used (policy, row counts, input hash, time, user) so finance can reproduce it.
 */
import { Policy } from '../core/policy';
import { settle } from '../core/settle';
import { sha256Hex } from '../core/sha256';
import { policyToJson } from '../input/policyReader';
import { InputTables, readInputs } from '../input/readInputs';
import type { PreviousRun } from '../input/previousRun';
import type { SettlementRun } from '../output/settledRun';
import { reSettle } from './reSettle';

export type { RunRecord, SettlementRun } from '../output/settledRun';

export interface RunOptions {
  /** Node and Apps Script have native SHA-256; the pure one is the fallback. */
  sha256?: (text: string) => string;
  now?: Date;
  user?: string;
  /** SPEC §7: the latest approved run of the campaign, which this run is a true-up against (and holds keep to). */
  previous?: PreviousRun;
  /** The campaign this run belongs to, and its number there. */
  campaign?: { name?: string; run: number };
}

/** Throws TableError when a table cannot be read at all; check the policy before calling. */
export function runSettlement(tables: InputTables, policy: Policy, options: RunOptions = {}): SettlementRun {
  const read = readInputs(
    tables,
    policy.tiers.map((tier) => tier.minGmvFen),
    policy.gmvBasis,
  );
  const previous = options.previous;
  const { settlement, trueUp, notes } = reSettle(settle(read.input, policy), read.input, policy, read.holds, previous);
  read.issues.push(...notes);
  const hash = options.sha256 || sha256Hex;
  return {
    settlement,
    read,
    record: {
      policy: policyToJson(policy),
      inputSha256: hash(inputFingerprint(tables, previous)),
      generatedAt: (options.now || new Date()).toISOString(),
      user: options.user || '',
      ...(options.campaign && options.campaign.name !== undefined ? { campaign: options.campaign.name } : {}),
      ...(options.campaign ? { runNumber: options.campaign.run } : {}),
    },
    ...(trueUp && previous ? { trueUp, previous: { inputSha256: previous.inputSha256, generatedAt: previous.generatedAt, run: previous.run } } : {}),
  };
}

/**
 * What the input hash covers: each table's content, labelled, so swapping two tables changes it;
 * for a true-up also the run it is against (SPEC §7), which is an input of its figures.
 */
export function inputFingerprint(tables: InputTables, previous?: Pick<PreviousRun, 'inputSha256' | 'generatedAt'>): string {
  const part = (name: string, text: string) => `${name}\n${text.length}\n${text}\n`;
  return (
    part('history', tables.history.fingerprint()) +
    part('campaign', tables.campaign.fingerprint()) +
    (tables.targets ? part('targets', tables.targets.fingerprint()) : '') +
    (tables.holds ? part('holds', tables.holds.fingerprint()) : '') +
    (previous ? part('previous', `${previous.inputSha256} ${previous.generatedAt}`) : '')
  );
}
