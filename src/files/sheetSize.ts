/**
 * How many rows a worksheet claims, read from its XML as it is inflated. A few kilobytes of
 * ZIP can say `<dimension ref="A1:E30000000"/>` or `<row r="30000000">`; a reader that believed
 * it would build thirty million rows before finding out. Excel never writes more than
 * 1,048,576 rows a sheet, so a claim beyond that is a damaged or hand-made file, refused before
 * any cell is read: by the CLI (all sheets, as exceljs loads them all) and the sidebar (the
 * sheet it reads).
 */

/** Rows of an Excel sheet (ECMA-376 and Excel's specifications and limits). */
export const EXCEL_MAX_ROWS = 1048576;

// A row or the dimension, with whatever namespace prefix the writing program used.
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|dimension)\b([^>]*)>/g;
const ROW_NUMBER = /(?:^|\s)r\s*=\s*["'](\d+)["']/;
const REF = /(?:^|\s)ref\s*=\s*["']([^"']*)["']/;

/** A tag longer than this is not a row or dimension tag: stop carrying it over. */
const LONGEST_TAG = 4096;

export class SheetRowClaims {
  /** The most rows claimed so far: the dimension's last row, or the last row's number. */
  rows = 0;
  private lastRow = 0;
  private unfinished = '';

  /** The sheet's XML, a piece at a time, in order; pieces may cut through a tag. */
  feed(piece: string): void {
    let text = this.unfinished + piece;
    const open = text.lastIndexOf('<');
    // A tag cut by the end of this piece is read with the next one, so none is seen twice.
    if (open >= 0 && text.indexOf('>', open) < 0) {
      this.unfinished = text.length - open <= LONGEST_TAG ? text.slice(open) : '';
      text = text.slice(0, open);
    } else this.unfinished = '';
    TAG.lastIndex = 0;
    for (let match = TAG.exec(text); match; match = TAG.exec(text)) {
      if (match[1] === 'row') {
        // A row without a number is the one after the last, as readers number it.
        const numbered = ROW_NUMBER.exec(match[2]);
        this.lastRow = numbered ? Number(numbered[1]) : this.lastRow + 1;
        this.claim(this.lastRow);
      } else {
        const ref = REF.exec(match[2]);
        (ref ? ref[1].match(/\d+/g) || [] : []).forEach((digits) => this.claim(Number(digits)));
      }
    }
  }

  exceedsExcel(): boolean {
    return this.rows > EXCEL_MAX_ROWS;
  }

  private claim(rows: number): void {
    if (rows > this.rows) this.rows = rows;
  }
}
