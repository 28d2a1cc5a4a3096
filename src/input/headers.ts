/**
 * Maps column headers to fields (SPEC §3). Back-office exports, hand-made sheets and English
 * templates all name the same columns differently, so matching ignores case, spaces,
 * underscores, dashes, brackets and full-width forms.
 */
export type Field =
  | 'merchant_id'
  | 'merchant_name'
  | 'date'
  | 'gmv'
  | 'ad_spend'
  | 'baseline'
  | 'tier1'
  | 'tier2'
  | 'tier3';

/** Every label we recognise, as a user would write it; printed in the docs as is. */
export const HEADER_SYNONYMS: Record<Field, string[]> = {
  merchant_id: ['商家ID', '商家编号', '店铺ID', '店铺编号', '商家id', 'merchant_id', 'merchantid', 'merchant', 'shop_id', 'seller_id', 'id', '商户ID', '商户编号'],
  merchant_name: ['商家名称', '店铺名称', '商户名称', 'name', 'merchant_name', 'shop_name', '商家名', '店铺名'],
  date: ['日期', '统计日期', '活动日期', 'date', 'day', 'stat_date'],
  gmv: ['成交金额', '支付GMV', 'GMV', '成交GMV', '支付金额', 'day_gmv', '当日GMV', '销售额'],
  ad_spend: ['磁力金牛消耗', '金牛消耗', '磁力金牛消费', '广告消耗', 'ad_spend', 'adspend', 'spend'],
  baseline: ['过往日均', 'avg_gmv', '日均GMV', 'baseline', 'baseline_avg', '历史日均', '过往均值'],
  tier1: ['tier1', 'tier_1', 'tier1_gmv', 'target1', '目标一', '目标1', '一档', '档位1', '第一档'],
  tier2: ['tier2', 'tier_2', 'tier2_gmv', 'target2', '目标二', '目标2', '二档', '档位2', '第二档'],
  tier3: ['tier3', 'tier_3', 'tier3_gmv', 'target3', '目标三', '目标3', '三档', '档位3', '第三档'],
};

// NFKC has already folded full-width brackets and spaces; the explicit full-width forms stay in
// case a caller passes text that skipped it.
const IGNORED = /[\s_\-()（）＿－]/g;
// "成交金额(元)" / "GMV (CNY)": a unit note in brackets at the end says nothing about the field.
const UNIT_NOTE = /[(（][^()（）]*[)）]\s*$/;

/** The form a label is compared in: "Merchant ID" and "merchant_id" both become "merchantid". */
export function normalizeHeader(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const BY_NORMALIZED = new Map<string, Field>();
for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
  for (const label of HEADER_SYNONYMS[field]) BY_NORMALIZED.set(normalizeHeader(label), field);
}

/** The field a header names, or undefined when it names none we know. */
export function matchHeader(label: string): Field | undefined {
  const field = BY_NORMALIZED.get(normalizeHeader(label));
  if (field !== undefined || !UNIT_NOTE.test(label)) return field;
  return BY_NORMALIZED.get(normalizeHeader(label.replace(UNIT_NOTE, '')));
}
