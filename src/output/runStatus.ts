/**
 * A run's status in its campaign (SPEC §7): `draft` until approved; `approved` with who, when and
 * the checksum of its sheets; `superseded` once a later run of the campaign is approved. The
 * code in English (the register's filter, the JSON), the word in Chinese.
 */
import type { Language } from './language';

export type RunStatus = 'draft' | 'approved' | 'superseded';

export const RUN_STATUS_WORDS: Record<RunStatus, { en: string; zh: string }> = {
  draft: { en: 'draft', zh: '草稿' },
  approved: { en: 'approved', zh: '已审批' },
  superseded: { en: 'superseded', zh: '已被取代' },
};

export function runStatusWord(status: RunStatus, language: Language): string {
  return RUN_STATUS_WORDS[status][language];
}

/** "run 2" / "第2次结算": how a run is named beside its campaign. */
export function runName(run: number, language: Language): string {
  return language === 'zh' ? `第${run}次结算` : `run ${run}`;
}
