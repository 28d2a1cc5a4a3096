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
import type { PreviousRun } from '../input/previousRun';
import type { SettlementRun } from '../output/settledRun';
import { reSettle } from './reSettle';

export type { RunRecord, SettlementRun } from '../output/settledRun';

export interface RunOptions {
  /** Node and Apps Script have native SHA-256; the pure one is the fallback. */
  sha256?: (text: string) => string;
  /**
   * A SHA-256 that takes its text in pieces, UTF-8 bytes where a table has them (Node's
   * streaming hash, in the CLI): the 100 MB fingerprint of a large export is never one string.
   */
  sha256Pieces?: (pieces: (string | Uint8Array)[]) => string;
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
    { baseline: baselineChoiceOf(policy), gmvBasis: policy.gmvBasis },
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
      inputSha256: options.sha256Pieces ? options.sha256Pieces(inputFingerprintPieces(tables, previous)) : hash(inputFingerprint(tables, previous)),
      generatedAt: (options.now || new Date()).toISOString(),
      user: options.user || '',
      ...(options.campaign && options.campaign.name !== undefined ? { campaign: options.campaign.name } : {}),
      ...(options.campaign ? { runNumber: options.campaign.run } : {}),
    },
    ...(trueUp && previous ? { trueUp, previous: { inputSha256: previous.inputSha256, generatedAt: previous.generatedAt, run: previous.run } } : {}),
  };
}

/**
 * What the input hash covers: each table's content, labelled with its name and length (in
 * UTF-16 units), so swapping two tables changes it; for a true-up also the run it is against
 * (SPEC §7), which is an input of its figures. In pieces, each table's content as its UTF-8
 * bytes where it has them; the pieces' UTF-8, end to end, is inputFingerprint(tables, previous).
 */
export function inputFingerprintPieces(tables: InputTables, previous?: Pick<PreviousRun, 'inputSha256' | 'generatedAt'>): (string | Uint8Array)[] {
  const pieces: (string | Uint8Array)[] = [];
  const part = (name: string, table: InputTables['history']) => {
    if (table.fingerprintBytes && table.fingerprintLength !== undefined) {
      pieces.push(`${name}\n${table.fingerprintLength}\n`, table.fingerprintBytes, '\n');
      return;
    }
    const text = table.fingerprint();
    pieces.push(`${name}\n${text.length}\n`, text, '\n');
  };
  part('history', tables.history);
  part('campaign', tables.campaign);
  if (tables.targets) part('targets', tables.targets);
  if (tables.holds) part('holds', tables.holds);
  if (previous) pieces.push(previousPart(previous));
  return pieces;
}

const previousPart = (previous: Pick<PreviousRun, 'inputSha256' | 'generatedAt'>) => {
  const text = `${previous.inputSha256} ${previous.generatedAt}`;
  return `previous\n${text.length}\n${text}\n`;
};

export function inputFingerprint(tables: InputTables, previous?: Pick<PreviousRun, 'inputSha256' | 'generatedAt'>): string {
  const part = (name: string, text: string) => `${name}\n${text.length}\n${text}\n`;
  return (
    part('history', tables.history.fingerprint()) +
    part('campaign', tables.campaign.fingerprint()) +
    (tables.targets ? part('targets', tables.targets.fingerprint()) : '') +
    (tables.holds ? part('holds', tables.holds.fingerprint()) : '') +
    (previous ? previousPart(previous) : '')
  );
}
