/**
 * Bookkeeping that makes SPEC §4 hold by construction: every non-blank row read is counted,
 * and a row is either used or has at least one issue naming its position and value.
 */
import type { InputIssue } from '../core/settlement';
import type { IssueText } from './issueText';
import type { SourceName } from './table';

export class SourceReport {
  readonly issues: InputIssue[] = [];
  read = 0;
  rejected = 0;
  private lastRejectedRow = -1;

  constructor(readonly source: SourceName) {}

  /** Records a problem with a row; the row counts as rejected once, however many problems it has. */
  reject(row: number, merchantId: string, value: string, text: IssueText, blocksMerchant = true): InputIssue {
    const issue: InputIssue = { source: this.source, row, merchantId, value, message: text.en, messageZh: text.zh, blocksMerchant };
    this.issues.push(issue);
    if (row !== this.lastRejectedRow && row > 0) {
      this.rejected += 1;
      this.lastRejectedRow = row;
    }
    return issue;
  }

  /** A problem with the table rather than a row (a column heading, say): counts no row. */
  note(row: number, value: string, text: IssueText, merchantId = ''): InputIssue {
    const issue: InputIssue = { source: this.source, row, merchantId, value, message: text.en, messageZh: text.zh, blocksMerchant: false };
    this.issues.push(issue);
    return issue;
  }

  get used(): number {
    return this.read - this.rejected;
  }
}
