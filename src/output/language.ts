/**
 * The reader's language and the words every output shares. Chinese for zh locales, English
 * otherwise: merchant-ops in China read the first, everyone else the second. The rules in core/
 * carry data (codes, figures); the words are chosen here, where tables and messages are made.
 */
export type Language = 'en' | 'zh';

/** Chinese for any zh locale (zh, zh_CN, zh-TW…), English for everything else. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return /^zh($|[-_])/i.test(locale || '') ? 'zh' : 'en';
}

/** The name of an input table as a reader of that language calls it. */
export function sourceName(source: string, zh: boolean): string {
  if (!zh) return source;
  return ({ history: '历史数据', campaign: '活动日数据', targets: '目标名单', holds: '暂缓名单', policy: '政策' } as Record<string, string>)[source] || source;
}
