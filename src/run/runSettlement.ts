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
  /**
   * A SHA-256 that takes its text in pieces, UTF-8 bytes where a table has them (Node's
   * streaming hash, in the CLI): the 100 MB fingerprint of a large export is never one string.
   */
  sha256Pieces?: (pieces: (string | Uint8Array)[]) => string;
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
      inputSha256: options.sha256Pieces ? options.sha256Pieces(inputFingerprintPieces(tables)) : hash(inputFingerprint(tables)),
      generatedAt: (options.now || new Date()).toISOString(),
      user: options.user || '',
    },
  };
}

/**
 * What the input hash covers: each table's content, labelled with its name and length (in
 * UTF-16 units), so swapping two tables changes it. In pieces, each table's content as its UTF-8
 * bytes where it has them; the pieces' UTF-8, end to end, is inputFingerprint(tables).
 */
export function inputFingerprintPieces(tables: InputTables): (string | Uint8Array)[] {
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
  return pieces;
}

export function inputFingerprint(tables: InputTables): string {
  const part = (name: string, text: string) => `${name}\n${text.length}\n${text}\n`;
  return (
    part('history', tables.history.fingerprint()) +
    part('campaign', tables.campaign.fingerprint()) +
    (tables.targets ? part('targets', tables.targets.fingerprint()) : '')
  );
}
