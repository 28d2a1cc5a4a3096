/**
 * Counts every call made on the fake Google services, so a test can hold the writer to its
 * batching promise (the number of calls must not grow with the number of rows) and see their
 * order (the spreadsheet flushed before the lock is released).
 *
 * It is also where an execution dies. Apps Script stops a run at its time limit without
 * throwing into the script: no catch, no finally, no clean-up reaches Google. `killWhen` models
 * that: from the chosen call on, every call on every fake service fails, so whatever the add-on
 * tries in its error handling changes nothing, exactly as after a real kill.
 */
export const KILLED_MESSAGE = 'Exceeded maximum execution time';

/** The ordered log keeps this many calls: enough for any one execution's story. */
const ORDER_KEPT = 2000;

export class CallLog {
  total = 0;
  readonly byMethod: Record<string, number> = {};
  /** The first calls since the last reset, in order. */
  readonly order: string[] = [];
  private killAt: ((method: string, countOfMethod: number) => boolean) | null = null;
  private killed = false;

  count(method: string): void {
    if (this.killed) throw new Error(KILLED_MESSAGE);
    this.total += 1;
    const n = (this.byMethod[method] = (this.byMethod[method] || 0) + 1);
    if (this.order.length < ORDER_KEPT) this.order.push(method);
    if (this.killAt && this.killAt(method, n)) {
      this.killed = true;
      throw new Error(KILLED_MESSAGE);
    }
  }

  /** The execution is killed at the first call for which `when(method, nth call of it)` is true. */
  killWhen(when: (method: string, countOfMethod: number) => boolean): void {
    this.killAt = when;
  }

  /** A new execution starts: the killed one is gone. */
  revive(): void {
    this.killAt = null;
    this.killed = false;
  }

  reset(): void {
    this.total = 0;
    this.order.length = 0;
    Object.keys(this.byMethod).forEach((key) => delete this.byMethod[key]);
  }

  /** "Range.setValues×2, Sheet.setFrozenRows×1": readable in an assertion message. */
  describe(): string {
    return Object.keys(this.byMethod)
      .map((key) => `${key}×${this.byMethod[key]}`)
      .join(', ');
  }
}
