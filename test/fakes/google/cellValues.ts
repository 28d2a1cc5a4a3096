/**
 * How Google Sheets turns what a script writes with setValues into what a cell holds, and
 * back. setValues behaves like typing: "=…" becomes a formula, "'…" is text without the
 * apostrophe, "00123" becomes the number 123, "2025-11-11" a date, "TRUE" a boolean — unless
 * the cell is already formatted as plain text ("@"), which keeps the characters as typed.
 * The fake has to be this faithful, or tests would pass for writes that go wrong in Sheets.
 */

export type StoredValue = string | number | boolean;

export interface Cell {
  value: StoredValue;
  formula?: string;
  format?: string;
}

/** Days from Sheets' day 0 (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86400000;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** What a cell holds after `value` is written into it with setValues. */
export function enterValue(value: unknown, currentFormat: string | undefined, timeZone: string): Cell {
  const keep = currentFormat ? { format: currentFormat } : {};
  if (value === null || value === undefined || value === '') return { value: '', ...keep };
  if (typeof value === 'boolean' || typeof value === 'number') return { value, ...keep };
  if (isDateObject(value)) {
    const serial = dateToSerial(value, timeZone);
    const format = currentFormat || (serial === Math.floor(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
    return { value: serial, format };
  }
  const text = String(value);
  if (currentFormat === '@') return { value: text, ...keep };
  if (text[0] === "'") return { value: text.slice(1), ...keep };
  if (text[0] === '=' && text.length > 1) return { value: '', formula: text, ...keep };
  if (NUMBER.test(text.trim())) return { value: Number(text.trim()), ...keep };
  if (GROUPED.test(text.trim())) return { value: Number(text.trim().replace(/,/g, '')), ...keep };
  const percent = PERCENT.exec(text.trim());
  if (percent) return { value: Number(percent[1]) / 100, format: currentFormat || '0.00%' };
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === 'true', ...keep };
  const date = ISO_DATE.exec(text.trim());
  if (date) {
    const serial = civilToSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (!isNaN(serial)) return { value: serial, format: currentFormat || 'yyyy-mm-dd' };
  }
  return { value: text, ...keep };
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const unquoted = format.replace(/"[^"]*"/g, '');
  return /[yd]/i.test(unquoted) && !/[#0]/.test(unquoted.replace(/[hms]+/gi, ''));
}

/** What getValues returns for a cell: numbers under a date format come back as Dates. */
export function readValue(cell: Cell | undefined, timeZone: string): StoredValue | Date {
  if (!cell) return '';
  if (cell.formula) return FORMULA_PLACEHOLDER;
  if (typeof cell.value === 'number' && isDateFormat(cell.format)) return serialToDate(cell.value, timeZone);
  return cell.value;
}

/** Formulas are not evaluated; getValues shows this in their place, as Sheets would show an error. */
export const FORMULA_PLACEHOLDER = '#N/A';

function civilToSerial(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return NaN;
  return ms / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `utcMs`. */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** A Date to the serial the spreadsheet shows for it, on the spreadsheet's wall clock. */
export function dateToSerial(date: Date, timeZone: string): number {
  const utcMs = date.getTime();
  return (utcMs + zoneOffsetMs(timeZone, utcMs)) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** A serial to the Date Apps Script hands back: that wall-clock time in the spreadsheet's zone. */
export function serialToDate(serial: number, timeZone: string): Date {
  const wallMs = Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
  let utcMs = wallMs - zoneOffsetMs(timeZone, wallMs);
  utcMs = wallMs - zoneOffsetMs(timeZone, utcMs);
  return new Date(utcMs);
}

/** The text Sheets would display for a stored value under the number formats this project uses. */
export function displayValue(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return FORMULA_PLACEHOLDER;
  const { value, format } = cell;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === 'General' || format === '@') return String(value);
  if (isDateFormat(format)) return formatSerial(value, format);
  return formatNumber(value, format);
}

function formatNumber(value: number, format: string): string {
  const percent = format.endsWith('%');
  const pattern = percent ? format.slice(0, -1) : format;
  const [, fraction = ''] = pattern.split('.');
  const minDecimals = (fraction.match(/0/g) || []).length;
  const maxDecimals = minDecimals + (fraction.match(/#/g) || []).length;
  const scaled = percent ? value * 100 : value;
  let text = Math.abs(scaled).toFixed(maxDecimals);
  if (maxDecimals > minDecimals) text = text.replace(new RegExp(`0{1,${maxDecimals - minDecimals}}$`), '');
  if (text.endsWith('.')) text = text.slice(0, -1);
  const [whole, decimals] = text.split('.');
  const grouped = pattern.includes(',') ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const sign = scaled < 0 && Number(text) !== 0 ? '-' : '';
  return sign + grouped + (decimals ? '.' + decimals : '') + (percent ? '%' : '');
}

function formatSerial(serial: number, format: string): string {
  const d = new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS));
  const pad = (n: number) => (n < 10 ? '0' : '') + n;
  // "mm" is the month in the date part and the minutes in the time part, as in Sheets.
  const space = format.indexOf(' ');
  const datePart = space < 0 ? format : format.slice(0, space);
  const timePart = space < 0 ? '' : format.slice(space);
  const date = datePart
    .replace(/yyyy/gi, String(d.getUTCFullYear()))
    .replace(/mm/gi, pad(d.getUTCMonth() + 1))
    .replace(/dd/gi, pad(d.getUTCDate()));
  const time = timePart
    .replace(/hh/gi, pad(d.getUTCHours()))
    .replace(/mm/gi, pad(d.getUTCMinutes()))
    .replace(/ss/gi, pad(d.getUTCSeconds()));
  return date + time;
}
