/**
 * What only the tables together can tell about merchant ids (SPEC §3–4):
 * - a rejected row whose id cannot be read for sure blocks every merchant it could belong to;
 * - targets that match no campaign merchant, and campaign merchants that miss the targets list
 *   by leading zeros or carry a listed merchant's name, are reported: the first thing finance
 *   asks about a merchant that was not paid.
 */
import type { CampaignRead } from './campaignReader';
import type { HistoryRead } from './historyReader';
import { ISSUE_TEXT, type SourceLabel } from './issueText';
import { conversionIndexName, convertedKey, idKey, type ConvertedId } from './merchantId';
import type { SourceReport, UncertainRow } from './report';
import type { TargetsRead } from './targetsReader';

const SOURCE_LABELS: Record<string, SourceLabel> = {
  history: { en: 'history', zh: '历史数据' },
  campaign: { en: 'campaign', zh: '活动日数据' },
  targets: { en: 'targets', zh: '目标名单' },
  holds: { en: 'holds', zh: '暂缓名单' },
};

type Why = 'visible' | 'rounded' | 'name';

/** Blocks, with a reason naming the row, each merchant an uncertain row could belong to. */
export function blockUncertainRows(reports: SourceReport[], campaign: CampaignRead, history: HistoryRead, targets?: TargetsRead): void {
  if (!reports.some((r) => r.uncertainRows.length > 0)) return;
  const known = new Set<string>(campaign.merchantOrder);
  history.history.forEach((_, id) => known.add(id));
  if (targets) targets.rowOf.forEach((_, id) => known.add(id));
  const byName = idsByName(campaign, history, targets);
  const converted = new ConversionIndex(Array.from(known));

  for (const report of reports) {
    for (const row of report.uncertainRows) {
      const candidates = new Map<string, Why>();
      if (row.visibleId && known.has(row.visibleId)) candidates.set(row.visibleId, 'visible');
      if (row.converted) converted.ids(row.converted).forEach((id) => candidates.has(id) || candidates.set(id, 'rounded'));
      if (row.name) (byName.get(row.name) || []).forEach((id) => candidates.has(id) || candidates.set(id, 'name'));
      candidates.forEach((why, id) => flag(report, row, id, why));
    }
  }
}

/**
 * The known ids by what each would look like after a spreadsheet converted it: built once per
 * kind of conversion, so a whole id column gone to numbers costs one pass, not one per row.
 */
class ConversionIndex {
  private readonly indexes = new Map<string, Map<string, string[]>>();

  constructor(private readonly known: string[]) {}

  ids(conversion: ConvertedId): string[] {
    const name = conversionIndexName(conversion);
    let index = this.indexes.get(name);
    if (!index) {
      index = new Map();
      for (const id of this.known) {
        const key = idKey(id, conversion);
        if (key === undefined) continue;
        const ids = index.get(key);
        if (ids) ids.push(id);
        else index.set(key, [id]);
      }
      this.indexes.set(name, index);
    }
    return index.get(convertedKey(conversion)) || [];
  }
}

function flag(report: SourceReport, row: UncertainRow, merchantId: string, why: Why): void {
  const issue = row.issue;
  report.flag(issue.row, merchantId, issue.value, ISSUE_TEXT.mayBelongTo(issue.row, SOURCE_LABELS[issue.source], issue.value, why));
}

function idsByName(campaign: CampaignRead, history: HistoryRead, targets?: TargetsRead): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const add = (name: string, id: string) => {
    if (!name) return;
    const ids = byName.get(name);
    if (!ids) byName.set(name, [id]);
    else if (ids.indexOf(id) < 0) ids.push(id);
  };
  campaign.days.forEach((day) => add(day.merchantName, day.merchantId));
  history.names.forEach((name, id) => add(name, id));
  if (targets) targets.names.forEach((name, id) => add(name, id));
  return byName;
}

/** Targets that match no campaign merchant, and campaign merchants that nearly match a target. */
export function noteTargetsMismatches(campaign: CampaignRead, targets: TargetsRead): void {
  targets.rowOf.forEach((row, id) => {
    if (!campaign.firstRowOf.has(id)) targets.report.note(row, id, ISSUE_TEXT.targetWithoutCampaign(id), id);
  });
  const withoutZeros = new Map<string, string>();
  targets.rowOf.forEach((_, id) => withoutZeros.set(stripZeros(id), id));
  const targetByName = new Map<string, string>();
  targets.names.forEach((name, id) => targetByName.has(name) || targetByName.set(name, id));
  const campaignNames = new Map<string, string>();
  campaign.days.forEach((day) => day.merchantName && !campaignNames.has(day.merchantId) && campaignNames.set(day.merchantId, day.merchantName));

  campaign.merchantOrder.forEach((id) => {
    if (targets.rowOf.has(id)) return;
    const row = campaign.firstRowOf.get(id) as number;
    const sameDigits = withoutZeros.get(stripZeros(id));
    if (sameDigits !== undefined && sameDigits !== id) {
      campaign.report.note(row, id, ISSUE_TEXT.likelyMismatch(id, sameDigits, targets.rowOf.get(sameDigits) as number, 'zeros'), id);
      return;
    }
    const name = campaignNames.get(id);
    const sameName = name === undefined ? undefined : targetByName.get(name);
    if (sameName !== undefined) campaign.report.note(row, id, ISSUE_TEXT.likelyMismatch(id, sameName, targets.rowOf.get(sameName) as number, 'name'), id);
  });
}

function stripZeros(id: string): string {
  return id.replace(/^0+(?=.)/, '');
}
