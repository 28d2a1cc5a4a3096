/**
 * A file for the DuckDB engine: a clean warehouse export (CSV or Parquet: plain numbers, ISO
 * dates, one row per line) read by DuckDB itself. What the engine is not for is refused here,
 * before DuckDB reads a row, with a message naming the default engine, which reads it: the
 * back-office grammar (title lines, units in headings, 万 ¥ and full-width figures are found
 * when DuckDB cannot type them), other encodings, wide or ready history, line breaks in fields.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { mapColumns, type ColumnMapping } from '../input/columnMapping';
import { detectDelimiter, type Delimiter } from '../input/delimited';
import { matchHeader, type Field } from '../input/headers';
import { applyGmvBasis, type GmvBasis } from '../input/refunds';
import { tableFromText, type SourceName } from '../input/table';
import { TableError } from '../input/tableError';
import { UsageError } from './args';
import { readBytes } from './readFile';

export type FileSource = SourceName;

export interface InputFile {
  source: FileSource;
  path: string;
  format: 'csv' | 'parquet';
  /** Column mapping of the header, as the default engine makes it (shown on stderr). */
  mapping: ColumnMapping;
  /** Every column by its position: the name DuckDB gives it and the field it holds. */
  columns: { name: string; field?: Field | 'refund_amount' }[];
  delimiter: Delimiter;
  /** The header cells, for reading a rejected line with the default engine's readers. */
  header: string[];
  /** Lines that hold no row (blank), which DuckDB skips but the numbering keeps. */
  blankLines: number[];
  bytes?: Buffer;
}

export function refusal(path: string, en: string, zh: string): UsageError {
  return new UsageError(
    `${path}: ${en}. The DuckDB engine reads clean warehouse exports (plain numbers, ISO dates, one row per line); settle this file with the default engine (gmv-settle without --engine), which reads back-office exports.`,
    `${path}：${zh}。DuckDB 引擎只读取干净的数据仓库导出文件（纯数字、ISO 日期、每行一条记录）；请用默认引擎结算该文件（gmv-settle 不加 --engine），它能读取商家后台导出的文件。`,
  );
}

const PARQUET = Buffer.from('PAR1');

async function isParquet(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return false;
  try {
    const head = Buffer.alloc(4);
    await file.read(head, 0, 4, 0);
    return head.equals(PARQUET);
  } finally {
    await file.close();
  }
}

/** Where a CSV's lines hold no row, and whether a quoted field holds a line break (this engine's one-row-per-line rule). */
function blankLinesOf(bytes: Buffer, path: string): number[] {
  const quoted = bytes.indexOf(0x22) >= 0;
  const cr = bytes.indexOf(0x0d);
  if (cr >= 0 && bytes[cr + 1] !== 0x0a && cr < bytes.length - 1) throw refusal(path, 'its lines end in a lone CR (old Mac line ends)', '文件使用单独的 CR 作为换行符（旧版 Mac 格式）');
  if (!quoted && bytes.indexOf('\n\n') < 0 && bytes.indexOf('\n\r\n') < 0) return [];
  const blank: number[] = [];
  let line = 1;
  let lineStart = 0;
  let inQuotes = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0a) {
      if (inQuotes) throw refusal(path, `a quoted field holds a line break on line ${line}`, `第${line}行的带引号字段中含有换行`);
      const end = i > lineStart && bytes[i - 1] === 0x0d ? i - 1 : i;
      if (end === lineStart) blank.push(line);
      line += 1;
      lineStart = i + 1;
    }
  }
  return blank;
}

function checkMapping(path: string, source: FileSource, mapping: ColumnMapping): void {
  if (!mapping.hasHeader) throw refusal(path, 'it has no heading row', '文件没有列标题行');
  if (mapping.titleRows.length > 0 || mapping.headerRowNumber !== 1)
    throw refusal(path, `it has title lines above the headings (${JSON.stringify(mapping.titleRows[0]?.text ?? '')})`, `列标题上方有标题行（${mapping.titleRows[0]?.text ?? ''}）`);
  const scaled = mapping.units.findIndex((unit) => unit !== undefined && unit.exponent !== 0);
  if (scaled >= 0 || (mapping.titleUnit && mapping.titleUnit.exponent !== 0))
    throw refusal(path, `its heading "${mapping.labels[scaled] ?? ''}" gives a unit (${mapping.units[scaled]?.text ?? mapping.titleUnit?.text})`, `列标题「${mapping.labels[scaled] ?? ''}」带有单位`);
  if (source === 'history' && mapping.shape !== 'long')
    throw refusal(path, `its history is ${mapping.shape} (one column per date, or a ready baseline), not one row per merchant and day`, '历史数据不是“每个商家每天一行”的长表格式');
  if (source === 'history' && (mapping.fields.date === undefined || mapping.fields.gmv === undefined))
    throw refusal(path, 'its history has no date or GMV column', '历史数据缺少日期或成交金额列');
}

/** Each column's field; the refunds column (SPEC §7) is the SQL's refund_amount, and is mapped only under net_of_refunds (applyGmvBasis). */
function columnsOf(mapping: ColumnMapping): InputFile['columns'] {
  const byIndex = new Map<number, Field>();
  (Object.keys(mapping.fields) as Field[]).forEach((field) => byIndex.set(mapping.fields[field] as number, field));
  return mapping.labels.map((_label, index) => {
    const field = byIndex.get(index);
    return { name: `c${index}`, field: field === 'refund' ? ('refund_amount' as const) : field };
  });
}

/** The default engine's mapping fitted to the policy's GMV basis, as readInputs fits it: the same refunds column read, or set aside with why. */
function fitToBasis(path: string, source: FileSource, mapping: ColumnMapping, gmvBasis: GmvBasis): void {
  try {
    applyGmvBasis(mapping, gmvBasis);
  } catch (error) {
    // Worded as the default engine words it (the message names the table and the column).
    if (error instanceof TableError) throw new UsageError(error.text('en'), error.text('zh'));
    throw error;
  }
}

export async function inspectInput(source: FileSource, path: string, gmvBasis: GmvBasis): Promise<InputFile> {
  if (await isParquet(path)) return inspectParquetLater(source, path);
  const bytes = await readBytes(`--${source}`, path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!isUtf8(bytes)) throw refusal(path, 'it is not UTF-8 text (GBK or UTF-16, or a workbook)', '文件不是 UTF-8 文本（可能是 GBK、UTF-16 或工作簿）');
  const headEnd = Math.min(bytes.length, 64 * 1024);
  const headText = bytes.subarray(bom ? 3 : 0, headEnd).toString('utf8');
  const delimiter = detectDelimiter(headText, (cell) => matchHeader(cell) !== undefined);
  let mapping: ColumnMapping;
  try {
    mapping = mapColumns(tableFromText(source, headText));
  } catch (error) {
    if (error instanceof TableError) throw new UsageError(`--${source} ${path}: ${error.text('en')}`, `--${source} ${path}：${error.text('zh')}`);
    throw error;
  }
  checkMapping(path, source, mapping);
  fitToBasis(path, source, mapping, gmvBasis);
  return { source, path, format: 'csv', mapping, columns: columnsOf(mapping), delimiter, header: mapping.labels, blankLines: blankLinesOf(bytes, path), bytes };
}

/** A Parquet file's columns come from its schema; the engine maps them once DuckDB has read it. */
function inspectParquetLater(source: FileSource, path: string): InputFile {
  return { source, path, format: 'parquet', mapping: undefined as unknown as ColumnMapping, columns: [], delimiter: ',', header: [], blankLines: [] };
}

/** A Parquet file's column names, mapped like CSV headings. */
export function mapParquetColumns(file: InputFile, names: string[], gmvBasis: GmvBasis): void {
  const text = names.map((name) => (/[",\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name)).join(',') + '\n';
  const mapping = mapColumns(tableFromText(file.source, text));
  checkMapping(file.path, file.source, mapping);
  fitToBasis(file.path, file.source, mapping, gmvBasis);
  file.mapping = mapping;
  file.header = mapping.labels;
  file.columns = columnsOf(mapping).map((column, i) => ({ ...column, name: names[i] }));
}
