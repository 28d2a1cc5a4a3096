/**
 * One settlement run, the same for every entry point: read the tables, settle, and record
 * what was used (policy, row counts, input hash, time, user) so finance can reproduce it.
 */
import { Policy } from '../core/policy';
import { settle } from '../core/settle';
import { sha256Hex } from '../core/sha256';
import { policyToJson } from '../input/policyReader';
import { baselineChoiceOf } from '../input/baselineChoice';
import { InputTables, readInputs } from '../input/readInputs';
import type { SettlementRun } from '../output/settledRun';

export type { RunRecord, SettlementRun } from '../output/settledRun';

export interface RunOptions {
  /** Node and Apps Script have native SHA-256; the pure one is the fallback. */
  sha256?: (text: string) => string;
  now?: Date;
  user?: string;
}

/** Throws TableError when a table cannot be read at all; check the policy before calling. */
export function runSettlement(tables: InputTables, policy: Policy, options: RunOptions = {}): SettlementRun {
  const read = readInputs(
    tables,
    policy.tiers.map((tier) => tier.minGmvFen),
    baselineChoiceOf(policy),
  );
  const settlement = settle(read.input, policy);
  const hash = options.sha256 || sha256Hex;
  return {
    settlement,
    read,
    record: {
      policy: policyToJson(policy),
      inputSha256: hash(inputFingerprint(tables)),
      generatedAt: (options.now || new Date()).toISOString(),
      user: options.user || '',
    },
  };
}

/** What the input hash covers: each table's content, labelled, so swapping two tables changes it. */
export function inputFingerprint(tables: InputTables): string {
  const part = (name: string, text: string) => `${name}\n${text.length}\n${text}\n`;
  return (
    part('history', tables.history.fingerprint()) +
    part('campaign', tables.campaign.fingerprint()) +
    (tables.targets ? part('targets', tables.targets.fingerprint()) : '')
  );
}
