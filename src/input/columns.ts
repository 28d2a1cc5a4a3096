/**
 * Which column holds what (SPEC §3): header names in Chinese or English, or, for a table
 * without a header row, what the first data rows look like. The result is shown to the user
 * before anything is written, so it carries the labels it matched.
 */
import { readDate } from './date';
import { Field, HEADER_SYNONYMS, matchHeader } from './headers';
import { isDateValue, readNumber, type Cell } from './number';
import { cellText, isBlankRow, type SourceName, type Table } from './table';

export type HistoryShape = 'long' | 'wide' | 'ready';

export interface ColumnMapping {
  source: SourceName;
  /** False when row 1 is already data (a range without a header). */
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
}

/** A problem with a table as a whole (no GMV column, say): nothing in it can be settled. */
export class TableError extends Error {}

const REQUIRED: Record<SourceName, Field[]> = {
  history: ['merchant_id'],
  campaign: ['merchant_id', 'date', 'gmv'],
  targets: ['merchant_id'],
};

const ALLOWED: Record<SourceName, Field[]> = {
  history: ['merchant_id', 'merchant_name', 'date', 'gmv', 'baseline'],
  campaign: ['merchant_id', 'merchant_name', 'date', 'gmv', 'ad_spend'],
  targets: ['merchant_id', 'merchant_name', 'tier1', 'tier2', 'tier3'],
};

export function mapColumns(table: Table): ColumnMapping {
  const head = table.head(6);
  const firstIndex = head.findIndex((row) => !isBlankRow(row));
  if (firstIndex < 0) throw new TableError(`${table.source}: the table is empty`);
  const first = head[firstIndex];
  const labels = first.map(cellText);
  const matched = labels.map((label) => matchHeader(label));
  const mapping: ColumnMapping = { source: table.source, hasHeader: true, headerRowNumber: firstIndex + 1, fields: {}, dateColumns: [], labels, ignored: [] };

  const allowed = ALLOWED[table.source];
  const anyHeader = matched.some((f) => f !== undefined);
  if (anyHeader) {
    matched.forEach((field, index) => {
      if (field && allowed.indexOf(field) >= 0 && mapping.fields[field] === undefined) mapping.fields[field] = index;
      else if (table.source === 'history' && isHeaderDate(first[index])) {
        const read = readDate(first[index]);
        if (read.kind === 'date') mapping.dateColumns.push({ index, date: read.iso });
      } else if (labels[index].trim() !== '') mapping.ignored.push(index);
    });
  } else {
    inferWithoutHeader(table.source, head.slice(firstIndex).filter((r) => !isBlankRow(r)), mapping);
  }
  if (table.source === 'history') mapping.shape = historyShape(mapping);
  checkRequired(table.source, mapping);
  return mapping;
}

/** In a wide history header, a date heads a column of daily GMV. */
function isHeaderDate(cell: Cell): boolean {
  return readDate(cell).kind === 'date';
}

function historyShape(mapping: ColumnMapping): HistoryShape {
  if (mapping.fields.date !== undefined && mapping.fields.gmv !== undefined) return 'long';
  if (mapping.fields.baseline !== undefined) return 'ready';
  return 'wide';
}

function checkRequired(source: SourceName, mapping: ColumnMapping) {
  const missing = REQUIRED[source].filter((f) => mapping.fields[f] === undefined);
  if (source === 'history' && mapping.shape === 'wide' && mapping.dateColumns.length === 0) {
    missing.push('date', 'gmv');
  }
  if (missing.length === 0) return;
  const seen = mapping.hasHeader ? mapping.labels.filter((l) => l.trim()).join(', ') : '(no header row)';
  const wanted = missing
    .map((f) => `${f} (${HEADER_SYNONYMS[f].slice(0, 4).join(' / ')})`)
    .join('; ');
  const hint =
    source === 'history'
      ? ' History can be long (merchant id, date, GMV), wide (merchant id, then one column per date) or ready (merchant id, 过往日均/avg_gmv).'
      : '';
  throw new TableError(`${source}: no column for ${wanted}. Columns found: ${seen}.${hint}`);
}

/**
 * A range without a header row: the first column is the merchant id, a column of dates is the
 * date, a column of text is the name, and the number columns are, in order, GMV then ad spend
 * (campaign), GMV or a ready baseline (history), or the tier thresholds (targets).
 */
function inferWithoutHeader(source: SourceName, rows: Cell[][], mapping: ColumnMapping) {
  mapping.hasHeader = false;
  mapping.headerRowNumber = 0;
  mapping.labels = [];
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const numberFields: Field[] =
    source === 'campaign' ? ['gmv', 'ad_spend'] : source === 'targets' ? ['tier1', 'tier2', 'tier3'] : ['gmv'];
  let nextNumber = 0;
  mapping.fields.merchant_id = 0;
  for (let index = 1; index < width; index++) {
    const column = rows.map((r) => r[index]);
    const kind = columnKind(column);
    if (kind === 'date' && mapping.fields.date === undefined && source !== 'targets') mapping.fields.date = index;
    else if (kind === 'number' && nextNumber < numberFields.length) mapping.fields[numberFields[nextNumber++]] = index;
    else if (kind === 'text' && mapping.fields.merchant_name === undefined) mapping.fields.merchant_name = index;
    else mapping.ignored.push(index);
  }
  // History with a number and no date is a ready baseline per merchant.
  if (source === 'history' && mapping.fields.date === undefined && mapping.fields.gmv !== undefined) {
    mapping.fields.baseline = mapping.fields.gmv;
    delete mapping.fields.gmv;
  }
}

function columnKind(column: Cell[]): 'date' | 'number' | 'text' | 'blank' {
  const filled = column.filter((c) => cellText(c).trim() !== '');
  if (filled.length === 0) return 'blank';
  // Plain numbers read as serial dates too; only real date forms make a date column.
  if (filled.every((c) => typeof c !== 'number' && readNumber(c).kind !== 'number' && readDate(c).kind === 'date')) return 'date';
  if (filled.some(isDateValue)) return 'date';
  if (filled.every((c) => readNumber(c).kind === 'number')) return 'number';
  return 'text';
}

/** The mapping in words, for the preview and the CLI's stderr: "商家ID → merchant_id, …". */
export function describeMapping(mapping: ColumnMapping): string {
  const parts: string[] = [];
  (Object.keys(mapping.fields) as Field[]).forEach((field) => {
    const index = mapping.fields[field] as number;
    const label = mapping.hasHeader ? mapping.labels[index] : `column ${index + 1}`;
    parts.push(`${label} → ${field}`);
  });
  if (mapping.dateColumns.length > 0) {
    const dates = mapping.dateColumns.map((d) => d.date);
    parts.push(`${dates.length} date columns (${dates[0]} … ${dates[dates.length - 1]}) → daily gmv`);
  }
  mapping.ignored.forEach((index) =>
    parts.push(`${mapping.hasHeader ? mapping.labels[index] : `column ${index + 1}`} → (not used)`),
  );
  const shape = mapping.shape ? ` [${mapping.shape}]` : '';
  return `${mapping.source}${shape}: ${parts.join(', ')}`;
}
