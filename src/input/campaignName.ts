/**
 * A campaign's name (SPEC §7), as the CLI's --campaign-name and the sidebar's field give it: a
 * label people read in the register, statements and sheet names, so short, visible text. One
 * rule for both entry points.
 */
import type { IssueText } from './issueText';

export const MAX_CAMPAIGN_NAME_CHARS = 100;

export type CampaignNameRead = { ok: true; name: string } | { ok: false; problem: IssueText };

export function readCampaignName(raw: string): CampaignNameRead {
  const name = raw.trim();
  if (name === '') return { ok: false, problem: { en: 'the campaign name is empty: give the campaign a name such as "双11登峰激励 2025"', zh: '活动名称为空：请给活动起名，例如“双11登峰激励 2025”' } };
  if (name.length > MAX_CAMPAIGN_NAME_CHARS)
    return { ok: false, problem: { en: `the campaign name is ${name.length} characters; at most ${MAX_CAMPAIGN_NAME_CHARS}`, zh: `活动名称有 ${name.length} 个字符，最多 ${MAX_CAMPAIGN_NAME_CHARS} 个` } };
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name))
    return { ok: false, problem: { en: 'the campaign name has control or invisible characters: type it as plain text', zh: '活动名称含有控制字符或不可见字符：请以纯文本填写' } };
  return { ok: true, name };
}
