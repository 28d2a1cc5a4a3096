/**
 * The column mapping in words, for the sidebar preview, the CLI's stderr and the run record
 * (SPEC §3: shown before anything is written): each heading, the field a person would call it,
 * the scale its unit gives, and every column that is not used, with why.
 */
import type { ColumnMapping } from './columnMapping';
import { FIELD_NAMES, readHeading, type Field, type Unit } from './headers';

type Language = 'en' | 'zh';

const SHAPES = {
  en: { long: 'long', wide: 'wide', ready: 'ready' },
  zh: { long: '逐日明细', wide: '宽表', ready: '现成均值' },
};
const SOURCES = {
  en: { history: 'history', campaign: 'campaign', targets: 'targets', holds: 'holds' },
  zh: { history: '历史数据', campaign: '活动日数据', targets: '目标名单', holds: '暂缓名单' },
};

/** "×10,000" for 万元; nothing for 元. */
function scaleText(unit: Unit | undefined, fromTitle: boolean, zh: boolean): string {
  if (!unit || unit.exponent === 0) return '';
  const factor = '1' + '0'.repeat(unit.exponent);
  const grouped = factor.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return ` ×${grouped}` + (fromTitle ? (zh ? `（标题行：单位 ${unit.text}）` : ` (unit ${unit.text} from the title line)`) : '');
}

/** The mapping in words: "商家ID → 商家，支付GMV(万元) → 成交金额 ×10,000，…". */
export function describeMapping(mapping: ColumnMapping, language: Language = 'en'): string {
  const zh = language === 'zh';
  const label = (index: number) => (mapping.hasHeader ? mapping.labels[index] : zh ? `第${index + 1}列` : `column ${index + 1}`);
  const parts: string[] = [];
  (Object.keys(mapping.fields) as Field[]).forEach((field) => {
    const index = mapping.fields[field] as number;
    const unit = mapping.units[index];
    const notes = mapping.hasHeader ? readHeading(mapping.labels[index]).notes : [];
    const note = notes.length === 0 ? '' : zh ? `（注：${notes.join('；')}）` : ` (note: ${notes.join('; ')})`;
    const fromTitle = unit !== undefined && unit === mapping.titleUnit;
    parts.push(`${label(index)} → ${FIELD_NAMES[field][language]}${scaleText(unit, fromTitle, zh)}${note}`);
  });
  if (mapping.dateColumns.length > 0) {
    const dates = mapping.dateColumns.map((d) => d.date);
    const unit = mapping.units[mapping.dateColumns[0].index];
    const fromTitle = unit !== undefined && unit === mapping.titleUnit;
    parts.push(
      (zh ? `${dates.length} 个日期列（${dates[0]} … ${dates[dates.length - 1]}）→ 每日成交金额` : `${dates.length} date columns (${dates[0]} … ${dates[dates.length - 1]}) → daily GMV`) +
        scaleText(unit, fromTitle, zh),
    );
  }
  mapping.unused.forEach((u) => parts.push(`${label(u.index)} → ${zh ? `（未使用：${u.why.zh}）` : `(not used: ${u.why.en})`}`));
  mapping.ignored.forEach((index) => parts.push(`${label(index)} → ${zh ? '（未使用）' : '(not used)'}`));
  const shape = mapping.shape ? (zh ? `［${SHAPES.zh[mapping.shape]}］` : ` [${SHAPES.en[mapping.shape]}]`) : '';
  return zh ? `${SOURCES.zh[mapping.source]}${shape}：${parts.join('，')}` : `${mapping.source}${shape}: ${parts.join(', ')}`;
}
