/**
 * Targets / invitation list (SPEC §3): merchant id and, optionally, its own tier thresholds.
 * A blank threshold keeps the policy's for that tier.
 */
import { fenToDisplay, type Fen } from '../core/money';
import type { MerchantTargets } from '../core/settlement';
import { idCell, moneyCell, nameCell, noteExtraCells, RowContext } from './cells';
import type { ColumnMapping } from './columns';
import { ISSUE_TEXT, LABELS } from './issueText';
import type { Field } from './headers';
import { SourceReport } from './report';
import { isBlankRow, type Table } from './table';

export interface TargetsRead {
  targets: Map<string, MerchantTargets>;
  names: Map<string, string>;
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
  const f = mapping.fields;

  const ctx: RowContext = { report, row: 0, merchantId: '' };
  table.eachRow((cells, row) => {
    if (row <= mapping.headerRowNumber || isBlankRow(cells)) return;
    report.read += 1;
    ctx.row = row; // one context reused for every row: no allocation per row
    ctx.merchantId = '';
    const merchantId = idCell(ctx, cells[f.merchant_id as number]);
    if (merchantId === undefined) return;
    ctx.merchantId = merchantId;
    noteExtraCells(ctx, cells, mapping.labels.length);
    const earlier = rowOf.get(merchantId);
    if (earlier !== undefined) {
      report.reject(row, merchantId, merchantId, ISSUE_TEXT.duplicateListing(merchantId, earlier));
      return;
    }
    rowOf.set(merchantId, row);
    const thresholdsFen: (Fen | undefined)[] = [];
    let ok = true;
    TIER_FIELDS.forEach((field, i) => {
      const index = f[field];
      if (index === undefined) return;
      const fen = moneyCell(ctx, cells[index], LABELS.tierTarget(i + 1), 'skip', false);
      if (fen === undefined) ok = false;
      else thresholdsFen[i] = fen === null ? undefined : fen;
    });
    if (!ok) return;
    const effective = policyThresholdsFen.map((fen, i) => (thresholdsFen[i] === undefined ? fen : (thresholdsFen[i] as Fen)));
    if (effective.some((fen, i) => i > 0 && fen <= effective[i - 1])) {
      const shown = effective.map(fenToDisplay).join(' / ');
      report.reject(row, merchantId, shown, ISSUE_TEXT.targetsNotRising(shown));
      return;
    }
    if (f.merchant_name !== undefined) {
      const name = nameCell(cells[f.merchant_name]);
      if (name) names.set(merchantId, name);
    }
    targets.set(merchantId, { thresholdsFen });
  });
  return { targets, names, report };
}
