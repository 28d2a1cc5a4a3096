/**
 * Which column holds what (SPEC §3): header names in Chinese or English, or, for a table
 * without a header row, what its rows hold. The heading row is found, not assumed to be line 1:
 * back-office exports put title lines above it (`快手电商-商家经营数据明细`, `导出时间：…`,
 * `单位：万元`). A unit in a heading, or on a title line, scales its money column. The result is
 * shown to the user before anything is written, so it carries what it matched and what it left.
 */
import { readDate } from './date';
import { Field, FIELD_NAMES, HEADER_SYNONYMS, KNOWN_UNITS, MONEY_FIELDS, readHeading, titleLineUnit, type Unit } from './headers';
import type { IssueText } from './issueText';
import { isDateValue, readNumber, type Cell } from './number';
import { cellText, isBlankRow, type SourceName, type Table } from './table';
import { TableError } from './tableError';

export { TableError };

export type HistoryShape = 'long' | 'wide' | 'ready';

export interface ColumnMapping {
  source: SourceName;
  /** False when the first row is already data (a range without a header). */
  hasHeader: boolean;
  /** Row number of the header (rows up to it are not data); 0 without a header. */
  headerRowNumber: number;
  /** Field → column index (0-based). */
  fields: Partial<Record<Field, number>>;
  /** Wide history: one column per date. */
  dateColumns: { index: number; date: string }[];
  shape?: HistoryShape;
  /** Column labels as given, for showing the mapping. */
  labels: string[];
  /** Columns that matched nothing and are not read. */
  ignored: number[];
  /** Columns that name a field but are not read: each is reported, with why, on the heading row. */
  unused: { index: number; why: IssueText }[];
  /** Lines above the heading row (export titles): skipped, and reported as notes. */
  titleRows: { row: number; text: string }[];
  /** Per column index: the unit its money values are in (from the heading or a title line). */
  units: (Unit | undefined)[];
  /** The unit a title line gave every money column, when one did. */
  titleUnit?: Unit;
}

/** Only these rows are searched for the heading row: title blocks are a few lines long. */
const HEADING_SEARCH_ROWS = 30;

const REQUIRED: Record<SourceName, Field[]> = {
  history: ['merchant_id'],
  campaign: ['merchant_id', 'date', 'gmv'],
  targets: ['merchant_id'],
  holds: ['merchant_id'],
};

const ALLOWED: Record<SourceName, Field[]> = {
  history: ['merchant_id', 'merchant_name', 'date', 'gmv', 'baseline', 'refund'],
  campaign: ['merchant_id', 'merchant_name', 'date', 'gmv', 'ad_spend', 'refund'],
  targets: ['merchant_id', 'merchant_name', 'tier1', 'tier2', 'tier3'],
  holds: ['merchant_id', 'merchant_name', 'hold_reason'],
};

const SOURCE_NAMES: Record<SourceName, { en: string; zh: string }> = {
  history: { en: 'history', zh: '历史数据' },
  campaign: { en: 'campaign', zh: '活动日数据' },
  targets: { en: 'targets', zh: '目标名单' },
  holds: { en: 'holds', zh: '暂缓名单' },
};

export function mapColumns(table: Table): ColumnMapping {
  const head = table.head(HEADING_SEARCH_ROWS);
  if (!head.some((row) => !isBlankRow(row))) throw new TableError({ en: `${table.source}: the table is empty`, zh: `${SOURCE_NAMES[table.source].zh}：表格为空` });
  const headingIndex = head.findIndex((row) => !isBlankRow(row) && row.some((cell) => readHeading(cellText(cell)).field !== undefined));
  const mapping: ColumnMapping = {
    source: table.source,
    hasHeader: headingIndex >= 0,
    headerRowNumber: headingIndex + 1,
    fields: {},
    dateColumns: [],
    labels: [],
    ignored: [],
    unused: [],
    titleRows: [],
    units: [],
  };
  if (headingIndex >= 0) mapHeadings(table.source, head, headingIndex, mapping);
  else inferWithoutHeader(table.source, allRows(table), mapping);
  if (table.source === 'history') {
    mapping.shape = historyShape(mapping);
    noteUnusedByShape(mapping);
  }
  checkRequired(table.source, mapping);
  return mapping;
}

function mapHeadings(source: SourceName, head: Cell[][], headingIndex: number, mapping: ColumnMapping): void {
  head.slice(0, headingIndex).forEach((row, i) => {
    if (isBlankRow(row)) return;
    const text = row.map(cellText).filter((t) => t.trim() !== '').join(' ');
    mapping.titleRows.push({ row: i + 1, text });
    mapping.titleUnit = titleLineUnit(text) || mapping.titleUnit;
  });
  const heading = head[headingIndex];
  mapping.labels = heading.map(cellText);
  const allowed = ALLOWED[source];
  mapping.labels.forEach((label, index) => {
    const read = readHeading(label);
    const field = read.field;
    if (field && allowed.indexOf(field) >= 0) {
      const isMoney = MONEY_FIELDS.indexOf(field) >= 0;
      if (isMoney && read.unknownUnit !== undefined) throw unknownUnitError(source, label, read.unknownUnit);
      const first = mapping.fields[field];
      if (first === undefined) {
        mapping.fields[field] = index;
        if (isMoney) mapping.units[index] = read.unit || mapping.titleUnit;
      } else if (isMoney) {
        // Two GMV (or ad-spend) columns: which one pays is a business decision, never a guess.
        throw new TableError({
          en: `${source}: two columns could be the ${FIELD_NAMES[field].en}: "${mapping.labels[first]}" and "${label}"; keep only the one to settle on`,
          zh: `${SOURCE_NAMES[source].zh}：「${mapping.labels[first]}」和「${label}」两列都可能是${FIELD_NAMES[field].zh}；请只保留用于结算的一列`,
        });
      } else {
        mapping.unused.push({ index, why: secondColumn(field, mapping.labels[first]) });
      }
      return;
    }
    const date = source === 'history' ? headingDate(label) : undefined;
    if (date) {
      if (read.unknownUnit !== undefined) throw unknownUnitError(source, label, read.unknownUnit);
      mapping.dateColumns.push({ index, date });
      mapping.units[index] = read.unit || mapping.titleUnit;
    } else if (field) {
      mapping.unused.push({ index, why: notReadHere(field, source) });
    } else if (label.trim() !== '') {
      mapping.ignored.push(index);
    }
  });
}

/** A wide history heading that is a date, possibly with a unit: "2025-10-12", "2025-10-12(万元)". */
function headingDate(label: string): string | undefined {
  const read = readDate(label.replace(/\s*[(（\[【][^()（）\[\]【】]*[)）\]】]\s*$/, ''));
  return read.kind === 'date' ? read.iso : undefined;
}

function unknownUnitError(source: SourceName, label: string, unit: string): TableError {
  return new TableError({
    en: `${source}: the heading "${label}" gives the unit "${unit}", which this reader does not know (it knows ${KNOWN_UNITS}): convert the column to 元 or use one of those units`,
    zh: `${SOURCE_NAMES[source].zh}：列标题「${label}」的单位「${unit}」无法识别（可识别：元、千元、万元、百万元、亿元）：请把该列换算成元，或使用这些单位之一`,
  });
}

function secondColumn(field: Field, firstLabel: string): IssueText {
  const name = FIELD_NAMES[field];
  return {
    en: `a second column for the ${name.en}; the ${name.en} is read from "${firstLabel}", so this column is not used`,
    zh: `第二个${name.zh}列；${name.zh}取自「${firstLabel}」列，此列未使用`,
  };
}

function notReadHere(field: Field, source: SourceName): IssueText {
  return {
    en: `the ${FIELD_NAMES[field].en} is not read from the ${source} table, so this column is not used`,
    zh: `${SOURCE_NAMES[source].zh}中不读取${FIELD_NAMES[field].zh}，此列未使用`,
  };
}

function historyShape(mapping: ColumnMapping): HistoryShape {
  if (mapping.fields.date !== undefined && mapping.fields.gmv !== undefined) return 'long';
  if (mapping.fields.baseline !== undefined) return 'ready';
  return 'wide';
}

/** A history column its shape does not read (avg_gmv beside daily rows, say) is reported, not hidden. */
function noteUnusedByShape(mapping: ColumnMapping): void {
  const f = mapping.fields;
  const drop = (field: Field, why: IssueText) => {
    const index = f[field];
    if (index === undefined) return;
    delete f[field];
    mapping.units[index] = undefined;
    mapping.unused.push({ index, why });
  };
  if (mapping.shape === 'long') {
    drop('baseline', {
      en: 'the history has daily rows (date and GMV), so the baseline average is computed from them and this column is not used',
      zh: '历史数据为逐日明细（日期和成交金额），过往日均由明细计算，此列未使用',
    });
    dropDateColumns(mapping, { en: 'the history is long (one row per day), so a column per date is not used', zh: '历史数据为逐日明细，按日期分列的数据未使用' });
  } else if (mapping.shape === 'ready') {
    const why = { en: 'the history gives a ready baseline average, so this column is not used', zh: '历史数据已给出过往日均，此列未使用' };
    drop('date', why);
    drop('gmv', why);
    drop('refund', why);
    dropDateColumns(mapping, why);
  } else {
    const why = {
      en: 'the history is wide (one column per date), so its daily GMV comes from the date columns and this column is not used',
      zh: '历史数据为宽表（每个日期一列），每日成交金额取自日期列，此列未使用',
    };
    drop('date', why);
    drop('gmv', why);
    // Refunds per day would need a column per date too: a wide history has no day to subtract them from.
    drop('refund', {
      en: 'the history is wide (one column per date), so a single refunds column has no day to be subtracted from and is not used',
      zh: '历史数据为宽表（每个日期一列），单独的退款金额列无法对应到某一天，此列未使用',
    });
  }
}

function dropDateColumns(mapping: ColumnMapping, why: IssueText): void {
  mapping.dateColumns.forEach((column) => mapping.unused.push({ index: column.index, why }));
  mapping.dateColumns = [];
}

function checkRequired(source: SourceName, mapping: ColumnMapping) {
  const missing = REQUIRED[source].filter((f) => mapping.fields[f] === undefined);
  if (source === 'history' && mapping.shape === 'wide' && mapping.dateColumns.length === 0) {
    missing.push('date', 'gmv');
  }
  if (missing.length === 0) return;
  const seen = mapping.hasHeader ? mapping.labels.filter((l) => l.trim()).join(', ') : '(no header row)';
  const seenZh = mapping.hasHeader ? mapping.labels.filter((l) => l.trim()).join('、') : '（无表头行）';
  const wanted = missing.map((f) => `${FIELD_NAMES[f].en} (${HEADER_SYNONYMS[f].slice(0, 4).join(' / ')})`).join('; ');
  const wantedZh = missing.map((f) => `${FIELD_NAMES[f].zh}（${HEADER_SYNONYMS[f].slice(0, 4).join(' / ')}）`).join('；');
  const history = source === 'history';
  throw new TableError({
    en:
      `${source}: no column for ${wanted}. Columns found: ${seen}.` +
      (history ? ' History can be long (merchant id, date, GMV), wide (merchant id, then one column per date) or ready (merchant id, 过往日均/avg_gmv).' : ''),
    zh:
      `${SOURCE_NAMES[source].zh}：缺少${wantedZh}列。现有列：${seenZh}。` +
      (history ? '历史数据可以是逐日明细（商家ID、日期、成交金额）、宽表（商家ID，然后每个日期一列）或现成均值（商家ID、过往日均）。' : ''),
  });
}

/** Every row of a table without headings: a column that only starts further down still counts. */
function allRows(table: Table): Cell[][] {
  const rows: Cell[][] = [];
  table.eachRow((cells) => {
    if (!isBlankRow(cells)) rows.push(cells);
  });
  return rows;
}

/**
 * A range without a header row: the first column is the merchant id, a column of dates is the
 * date, a column of text is the name, and the number columns are, in order, GMV then ad spend
 * (campaign), GMV or a ready baseline (history), or the tier thresholds (targets).
 */
function inferWithoutHeader(source: SourceName, rows: Cell[][], mapping: ColumnMapping) {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const numberFields: Field[] =
    source === 'campaign' ? ['gmv', 'ad_spend'] : source === 'targets' ? ['tier1', 'tier2', 'tier3'] : source === 'holds' ? [] : ['gmv'];
  // A holds table without headings: merchant id, then the reason (a name is what only other tables carry).
  const textField: Field = source === 'holds' ? 'hold_reason' : 'merchant_name';
  let nextNumber = 0;
  mapping.fields.merchant_id = 0;
  for (let index = 1; index < width; index++) {
    const kind = columnKind(rows, index);
    if (kind === 'date' && mapping.fields.date === undefined && source !== 'targets') mapping.fields.date = index;
    else if (kind === 'number' && nextNumber < numberFields.length) mapping.fields[numberFields[nextNumber++]] = index;
    else if (kind === 'text' && mapping.fields[textField] === undefined) mapping.fields[textField] = index;
    else mapping.ignored.push(index);
  }
  // History with a number and no date is a ready baseline per merchant.
  if (source === 'history' && mapping.fields.date === undefined && mapping.fields.gmv !== undefined) {
    mapping.fields.baseline = mapping.fields.gmv;
    delete mapping.fields.gmv;
  }
}

function columnKind(rows: Cell[][], index: number): 'date' | 'number' | 'text' | 'blank' {
  const filled: Cell[] = [];
  for (const row of rows) if (cellText(row[index]).trim() !== '') filled.push(row[index]);
  if (filled.length === 0) return 'blank';
  // Plain numbers read as serial dates too; only real date forms make a date column.
  if (filled.every((c) => typeof c !== 'number' && readNumber(c).kind !== 'number' && readDate(c).kind === 'date')) return 'date';
  if (filled.some(isDateValue)) return 'date';
  if (filled.every((c) => readNumber(c).kind === 'number')) return 'number';
  return 'text';
}
