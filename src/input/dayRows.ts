/**
 * The days a merchant has so far, each with the row it came from, to find a second row for the
 * same merchant and day (SPEC §4). A short list while a merchant has a few dozen days, which is
 * the fastest shape for the usual export; a Map past that, so a merchant with years of daily
 * rows is not checked in quadratic time.
 */
const LIST_LIMIT = 64;

export class DayRows {
  private days: number[] = [];
  private rows: number[] = [];
  private byDay: Map<number, number> | undefined;

  /** The row that already has `day`, or undefined. */
  rowOf(day: number): number | undefined {
    if (this.byDay) return this.byDay.get(day);
    const i = this.days.indexOf(day);
    return i < 0 ? undefined : this.rows[i];
  }

  add(day: number, row: number): void {
    if (this.byDay) {
      this.byDay.set(day, row);
      return;
    }
    this.days.push(day);
    this.rows.push(row);
    if (this.days.length > LIST_LIMIT) {
      this.byDay = new Map();
      for (let i = 0; i < this.days.length; i++) this.byDay.set(this.days[i], this.rows[i]);
      this.days = [];
      this.rows = [];
    }
  }
}
