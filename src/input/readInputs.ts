/**
 * All input tables to what the rules need, plus every issue and the row counts (SPEC §3–4).
 * Campaign first: its first day decides which history rows belong to the baseline. Then what
 * only the tables together can tell: history and campaign given the wrong way round, rows whose
 * merchant is not known for sure, and targets that do not meet the campaign's merchants.
 */
import type { InputIssue, SettlementInput } from '../core/model';
import type { BaselineChoice, BaselineDays } from './baselineChoice';
import { readCampaign, type CampaignRead } from './campaignReader';
import { ColumnMapping, mapColumns } from './columnMapping';
import { readHistory, type HistoryRead } from './historyReader';
import { TABLE_TEXT } from './issueText';
import { readHolds } from './holdsReader';
import { applyGmvBasis, type GmvBasis } from './refunds';
import { blockUncertainRows, noteTargetsMismatches } from './matching';
import type { SourceReport } from './report';
import type { Table } from './table';
import { TableError } from './tableError';
import { readTargets } from './targetsReader';

export interface InputTables {
  history: Table;
  campaign: Table;
  targets?: Table;
  /** SPEC §7: merchants on hold, and why. */
  holds?: Table;
}

export interface RowCountsBySource {
  source: string;
  read: number;
  used: number;
  rejected: number;
}

export interface InputsRead {
  input: SettlementInput;
  issues: InputIssue[];
  mappings: ColumnMapping[];
  counts: RowCountsBySource[];
  totalCounts: { read: number; used: number; rejected: number };
  firstCampaignDay?: string;
  /** What the policy's baseline choices left out of the history (SPEC §8), for the run record. */
  baselineDays?: BaselineDays;
  /** Merchant id → hold reason, when a holds table was given. */
  holds?: Map<string, string>;
}

/** The policy's choices the readers apply: which history days count (SPEC §8), GMV paid or net of refunds (SPEC §7). */
export interface ReadChoices {
  baseline?: BaselineChoice;
  gmvBasis?: GmvBasis;
}

/** Throws TableError (a message for the user) when a table cannot be read at all. */
export function readInputs(tables: InputTables, policyThresholdsFen: number[] = [], choices: ReadChoices = {}): InputsRead {
  const { baseline, gmvBasis = 'paid' } = choices;
  const campaignMapping = mapColumns(tables.campaign);
  const historyMapping = mapColumns(tables.history);
  const targetsMapping = tables.targets ? mapColumns(tables.targets) : undefined;
  const holdsMapping = tables.holds ? mapColumns(tables.holds) : undefined;
  applyGmvBasis(campaignMapping, gmvBasis);
  applyGmvBasis(historyMapping, gmvBasis);

  const campaign = readCampaign(tables.campaign, campaignMapping);
  const history = readHistory(tables.history, historyMapping, campaign.firstCampaignDay, baseline);
  refuseSwappedTables(campaign, history);
  const targets = tables.targets && targetsMapping ? readTargets(tables.targets, targetsMapping, policyThresholdsFen) : undefined;
  const holds = tables.holds && holdsMapping ? readHolds(tables.holds, holdsMapping) : undefined;

  const names = new Map<string, string>(history.names);
  if (targets) targets.names.forEach((name, id) => names.has(id) || names.set(id, name));
  if (targets) noteTargetsMismatches(campaign, targets);
  const reports: SourceReport[] = [history.report, campaign.report];
  if (targets) reports.push(targets.report);
  if (holds) reports.push(holds.report);
  blockUncertainRows(reports, campaign, history, targets);

  const issues: InputIssue[] = [];
  reports.forEach((r) => issues.push(...r.issues));

  const blocked = new Map<string, InputIssue[]>();
  issues.forEach((issue) => {
    if (!issue.blocksMerchant || !issue.merchantId) return;
    const list = blocked.get(issue.merchantId);
    if (list) list.push(issue);
    else blocked.set(issue.merchantId, [issue]);
  });

  const counts = reports.map((r) => ({ source: r.source, read: r.read, used: r.used, rejected: r.rejected }));
  const totalCounts = counts.reduce(
    (acc, c) => ({ read: acc.read + c.read, used: acc.used + c.used, rejected: acc.rejected + c.rejected }),
    { read: 0, used: 0, rejected: 0 },
  );
  return {
    input: {
      history: history.history,
      campaign: campaign.days,
      targets: targets ? targets.targets : undefined,
      names,
      blocked,
      campaignMerchantOrder: campaign.merchantOrder,
    },
    issues,
    mappings: [historyMapping, campaignMapping].concat(targetsMapping ? [targetsMapping] : [], holdsMapping ? [holdsMapping] : []),
    counts,
    totalCounts,
    firstCampaignDay: campaign.firstCampaignDay,
    baselineDays: history.baselineDays,
    ...(holds ? { holds: holds.holds } : {}),
  };
}

/**
 * History and campaign pasted into each other's boxes would settle the campaign days as the
 * baseline: refused, saying so, when the campaign ends before the history starts or when every
 * history day falls on or after the first campaign day.
 */
function refuseSwappedTables(campaign: CampaignRead, history: HistoryRead): void {
  if (campaign.lastCampaignDay !== undefined && history.firstDay !== undefined && campaign.lastCampaignDay < history.firstDay)
    throw new TableError(TABLE_TEXT.campaignBeforeHistory(campaign.lastCampaignDay, history.firstDay));
  if (history.datedDays > 0 && history.leftOutDays === history.datedDays) throw new TableError(TABLE_TEXT.historyInsideCampaign(campaign.firstCampaignDay as string, campaign.firstCampaignDayRow as number));
}
