/**
 * Counts every call made on the fake Spreadsheet services, so a test can hold the writer to
 * its batching promise: the number of calls must not grow with the number of rows.
 */
export class CallLog {
  total = 0;
  readonly byMethod: Record<string, number> = {};

  count(method: string): void {
    this.total += 1;
    this.byMethod[method] = (this.byMethod[method] || 0) + 1;
  }

  reset(): void {
    this.total = 0;
    Object.keys(this.byMethod).forEach((key) => delete this.byMethod[key]);
  }

  /** "Range.setValues×2, Sheet.setFrozenRows×1": readable in an assertion message. */
  describe(): string {
    return Object.keys(this.byMethod)
      .map((key) => `${key}×${this.byMethod[key]}`)
      .join(', ');
  }
}
