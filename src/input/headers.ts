/**
 * Maps column headers to fields (SPEC §3). Back-office exports, hand-made sheets and English
 * templates all name the same columns differently, so matching ignores case, spaces,
 * underscores, dashes, brackets and full-width forms. Bracketed text after a heading is read
 * too: a unit scales the column (`支付GMV(万元)` is GMV × 10,000), anything else is a note that
 * the mapping shows as it is (`支付GMV(含退款)`), never dropped from view.
 */
import { TableError } from './tableError';

export type Field =
  | 'merchant_id'
  | 'merchant_name'
  | 'date'
  | 'gmv'
  | 'ad_spend'
  | 'baseline'
  | 'tier1'
  | 'tier2'
  | 'tier3'
  | 'refund'
  | 'hold_reason';

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
  // SPEC §7: subtracted from GMV under gmv_basis "net_of_refunds".
  refund: ['退款金额', 'refund_amount', '退款', '退款GMV', '售后退款金额', '退款额', 'refund', 'refunds', 'refunded_amount', 'refund_gmv'],
  // The holds table (SPEC §7): why a merchant is on hold.
  hold_reason: ['暂缓原因', '原因', '暂停原因', '冻结原因', 'hold_reason', 'reason', 'hold_note'],
};

/** Each field as a person names it, in the mapping shown before anything is written. */
export const FIELD_NAMES: Record<Field, { en: string; zh: string }> = {
  merchant_id: { en: 'merchant', zh: '商家' },
  merchant_name: { en: 'merchant name', zh: '商家名称' },
  date: { en: 'date', zh: '日期' },
  gmv: { en: 'GMV', zh: '成交金额' },
  ad_spend: { en: 'ad spend', zh: '磁力金牛消耗' },
  baseline: { en: 'baseline average', zh: '过往日均' },
  tier1: { en: 'tier 1 target', zh: '一档目标' },
  tier2: { en: 'tier 2 target', zh: '二档目标' },
  tier3: { en: 'tier 3 target', zh: '三档目标' },
  refund: { en: 'refunds', zh: '退款金额' },
  hold_reason: { en: 'hold reason', zh: '暂缓原因' },
};

/** Fields that hold money: a unit in their heading (or on a title line) scales their values. */
export const MONEY_FIELDS: Field[] = ['gmv', 'ad_spend', 'baseline', 'tier1', 'tier2', 'tier3', 'refund'];

// NFKC has already folded full-width brackets and spaces; the explicit full-width forms stay in
// case a caller passes text that skipped it.
const IGNORED = /[\s_\-()（）\[\]【】＿－]/g;
/** Bracketed text at the end of a heading: "(万元)", "（含退款）", "[万]", "【元】". */
const TRAILING_BRACKET = /[(（\[【]([^()（）\[\]【】]*)[)）\]】]\s*$/;

/** The form a label is compared in: "Merchant ID" and "merchant_id" both become "merchantid". */
export function normalizeHeader(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const BY_NORMALIZED = new Map<string, Field>();
for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
  for (const label of HEADER_SYNONYMS[field]) BY_NORMALIZED.set(normalizeHeader(label), field);
}

/** A money unit: the power of ten its figures are multiplied by to give 元. */
export interface Unit {
  text: string;
  exponent: number;
}

/** The units a money heading may carry, compared like headings (case, spaces, brackets ignored). */
const UNITS: [string[], number][] = [
  [['元', '人民币', '人民币元', 'cny', 'rmb', 'yuan', '¥'], 0],
  [['千元', '千', 'k', 'kcny', 'krmb', 'thousand', 'thousandcny'], 3],
  [['万元', '万', '万人民币', '10k', '10kcny', '10krmb'], 4],
  [['百万元', '百万', 'million', 'mcny', 'mn', 'm'], 6],
  [['亿元', '亿', '100m'], 8],
];
const UNIT_BY_TEXT = new Map<string, number>();
UNITS.forEach(([texts, exponent]) => texts.forEach((t) => UNIT_BY_TEXT.set(normalizeHeader(t), exponent)));
/** Text that names a currency or a scale: a bracket holding it is a unit, known or not. */
const UNIT_LIKE = /元|万|千|百|亿|兆|币|usd|cny|rmb|hkd|eur|gbp|jpy|yuan|dollar|\$|¥|thousand|million|billion|单位|unit/i;
export const KNOWN_UNITS = '元, 千元, 万元, 百万元, 亿元 (CNY, 10k, million …)';

/** A unit's text ("万元", "单位：万元") to its exponent; undefined for a unit we do not know. */
export function unitExponent(text: string): number | undefined {
  const bare = normalizeHeader(text).replace(/^(?:金额)?单位[:：]?|^unit[:：]?|^in/, '');
  return UNIT_BY_TEXT.get(bare);
}

/** True when bracketed text names a currency or a scale (then it must be a unit we know). */
function isUnitLike(text: string): boolean {
  return UNIT_LIKE.test(text.normalize('NFKC'));
}

/** A heading read: the field it names, and what its brackets say. */
export interface Heading {
  field?: Field;
  /** Bracketed text that is not a unit, shown in the mapping as it is: "含退款". */
  notes: string[];
  /** The unit its brackets give, if any. */
  unit?: Unit;
  /** Bracketed text that names a currency or scale we do not know: "百万美元". */
  unknownUnit?: string;
}

/** Reads one heading: "支付GMV(万元)" → gmv with unit 万元; "支付GMV(含退款)" → gmv with a note. */
export function readHeading(label: string): Heading {
  const whole = BY_NORMALIZED.get(normalizeHeader(label));
  if (whole !== undefined) return { field: whole, notes: [] };
  const heading: Heading = { notes: [] };
  let base = label.normalize('NFKC').trim();
  const brackets: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = TRAILING_BRACKET.exec(base))) {
    brackets.unshift(m[1].trim());
    base = base.slice(0, m.index).trim();
  }
  if (brackets.length === 0) return heading;
  heading.field = BY_NORMALIZED.get(normalizeHeader(base));
  for (const text of brackets) {
    const exponent = unitExponent(text);
    if (exponent !== undefined) heading.unit = { text, exponent };
    else if (isUnitLike(text)) heading.unknownUnit = text;
    else if (text !== '') heading.notes.push(text);
  }
  return heading;
}

/** The field a header names, or undefined when it names none we know. */
export function matchHeader(label: string): Field | undefined {
  return readHeading(label).field;
}

/** A unit a title line gives for every money column ("单位：万元"), or undefined. */
export function titleLineUnit(text: string): Unit | undefined {
  const m = /(?:金额)?单位\s*[:：]\s*([^\s,，;；)）\]】]+)|\bunits?\s*:\s*([^\s,;)\]]+)/i.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const unitText = m[1] || m[2];
  const exponent = unitExponent(unitText);
  if (exponent === undefined)
    throw new TableError({
      en: `the title line "${text.trim()}" gives the unit "${unitText}", which this reader does not know (it knows ${KNOWN_UNITS}): convert the figures to 元 or use one of those units`,
      zh: `标题行「${text.trim()}」给出的单位「${unitText}」无法识别（可识别：元、千元、万元、百万元、亿元）：请把金额换算成元，或使用这些单位之一`,
    });
  return { text: unitText, exponent };
}
