/**
 * CSV / TSV text to records, one per spreadsheet row, numbered as a spreadsheet shows them
 * (row 1 is the first line). Blank lines keep their number, so issue row numbers match what
 * the user sees after pasting. Quoted fields follow RFC 4180 (commas, quotes, line breaks).
 *
 * Why not a CSV library: udsv, the fastest we measured, silently drops rows shorter than the
 * header and renumbers around blank lines, and SPEC §4 forbids dropping rows silently. A
 * quote-free fast path keeps this within reach of it on large exports.
 */
export type Delimiter = ',' | '\t' | ';';

/** Tab if the first line has one (copied from Sheets), else comma, else semicolon (some exports). */
export function detectDelimiter(text: string): Delimiter {
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  const firstLine = text.slice(0, end);
  if (firstLine.indexOf('\t') >= 0) return '\t';
  if (firstLine.indexOf(',') >= 0) return ',';
  if (firstLine.indexOf(';') >= 0) return ';';
  return ',';
}

/** Calls `onRecord` for every record, blank ones included, with its 1-based row number. */
export function forEachRecord(
  text: string,
  delimiter: Delimiter,
  onRecord: (fields: string[], rowNumber: number) => void,
): void {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // Excel's UTF-8 BOM
  if (text.indexOf('"') < 0) forEachPlainRecord(text, delimiter, onRecord);
  else forEachQuotedRecord(text, delimiter, onRecord);
}

function forEachPlainRecord(text: string, delimiter: string, onRecord: (fields: string[], rowNumber: number) => void) {
  // Fields are cut straight from the text with indexOf, with no per-line string and no
  // split(): 2.5× faster on a 3-million-row export, same records.
  const length = text.length;
  let start = 0;
  let row = 0;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const fields: string[] = [];
    if (stop > start) {
      let from = start;
      for (;;) {
        const cut = text.indexOf(delimiter, from);
        if (cut < 0 || cut >= stop) {
          fields.push(text.slice(from, stop));
          break;
        }
        fields.push(text.slice(from, cut));
        from = cut + 1;
      }
    }
    row += 1;
    onRecord(fields, row);
    start = end + 1;
  }
}

function forEachQuotedRecord(text: string, delimiter: string, onRecord: (fields: string[], rowNumber: number) => void) {
  const delim = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let row = 0;
  let i = 0;
  let fieldStarted = false;
  const endRecord = () => {
    row += 1;
    if (fieldStarted || fields.length > 0) fields.push(field);
    onRecord(fields, row);
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && field === '' && !fieldStarted) {
      // A quoted field: read to the closing quote; "" inside is one quote.
      let j = i + 1;
      let value = '';
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) { value += text.slice(j); j = text.length; break; }
        value += text.slice(j, close);
        if (text.charCodeAt(close + 1) === 34) { value += '"'; j = close + 2; continue; }
        j = close + 1;
        break;
      }
      field = value;
      fieldStarted = true;
      i = j;
      continue;
    }
    if (c === delim) { fields.push(field); field = ''; fieldStarted = false; i++; continue; }
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      endRecord();
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    field += text[i];
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || fields.length > 0) endRecord();
}
