/**
 * Targets / invitation list (SPEC §3): merchant id and, optionally, its own tier thresholds.
 * A blank threshold keeps the policy's for that tier.
 */
import { fenToDisplay, type Fen } from '../core/money';
import { firstTierNotRising } from '../core/policy';
import type { MerchantTargets } from '../core/model';
import { moneyCell, moneyColumn } from './cells';
import type { ColumnMapping } from './columnMapping';
import { ISSUE_TEXT, COLUMN_LABELS } from './issueText';
import type { Field } from './headers';
import { SourceReport } from './report';
import { eachDataRow } from './rows';
import type { Table } from './table';

export interface TargetsRead {
  targets: Map<string, MerchantTargets>;
  names: Map<string, string>;
  /** The row each listed merchant is on. */
  rowOf: Map<string, number>;
  report: SourceReport;
}

const TIER_FIELDS: Field[] = ['tier1', 'tier2', 'tier3'];

/**
 * `policyThresholdsFen` fills the blanks when checking that a merchant's thresholds rise from
 * tier to tier: targets of 400,000 / 300,000 would make "tier 2" easier than tier 1.
 */
export function readTargets(table: Table, mapping: ColumnMapping, policyThresholdsFen: Fen[] = []): TargetsRead {
  const report = new SourceReport('targets');
  const hasTierColumn = TIER_FIELDS.some((field) => mapping.fields[field] !== undefined);
  // Without a threshold column the list is an invitation list; a column we did not recognise
  // may be thresholds under another name, which would otherwise be lost without a word.
  mapping.ignored.forEach((index) => {
    const label = mapping.hasHeader ? mapping.labels[index] : `column ${index + 1}`;
    if (!hasTierColumn || /\d|档|目标|tier|target/i.test(label)) report.note(mapping.headerRowNumber, label, ISSUE_TEXT.unknownTargetsColumn(label));
  });
  const targets = new Map<string, MerchantTargets>();
  const rowOf = new Map<string, number>();
  const names = new Map<string, string>();
  const tiers = TIER_FIELDS.map((field, i) => {
    const index = mapping.fields[field];
    return index === undefined ? undefined : moneyColumn(mapping, index, { label: COLUMN_LABELS.tierTarget(i + 1), blank: 'skip', allowNegative: false, tallied: false });
  });

  eachDataRow(table, mapping, report, [], (ctx, cells, merchantId, name) => {
    const earlier = rowOf.get(merchantId);
    if (earlier !== undefined) {
      report.reject(ctx.row, merchantId, merchantId, ISSUE_TEXT.duplicateListing(merchantId, earlier));
      return;
    }
    rowOf.set(merchantId, ctx.row);
    const thresholdsFen: (Fen | undefined)[] = [];
    tiers.forEach((column, i) => {
      if (!column) return;
      const fen = moneyCell(ctx, cells, column);
      thresholdsFen[i] = fen === null || fen === undefined ? undefined : fen;
    });
    if (report.isRejected(ctx.row)) return;
    const effective = policyThresholdsFen.map((fen, i) => (thresholdsFen[i] === undefined ? fen : (thresholdsFen[i] as Fen)));
    if (firstTierNotRising(effective) > 0) {
      const shown = effective.map(fenToDisplay).join(' / ');
      report.reject(ctx.row, merchantId, shown, ISSUE_TEXT.targetsNotRising(shown));
      return;
    }
    if (name) names.set(merchantId, name);
    targets.set(merchantId, { thresholdsFen });
  });
  return { targets, names, rowOf, report };
}
