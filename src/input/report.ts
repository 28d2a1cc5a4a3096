/**
 * Bookkeeping that makes SPEC §4 hold by construction: every non-blank row read is counted,
 * and a row is either used or has at least one issue naming its position and value.
 */
import type { InputIssue } from '../core/model';
import type { IssueText } from './issueText';
import type { ConvertedId } from './merchantId';
import type { SourceName } from './table';

/**
 * A rejected row whose merchant id cannot be read for sure. readInputs blocks every merchant it
 * could belong to: the id with its invisible characters removed, the ids a number-converted id
 * could have been, and the merchants with the row's name (SPEC §4).
 */
export interface UncertainRow {
  issue: InputIssue;
  name: string;
  visibleId?: string;
  converted?: ConvertedId;
}

export class SourceReport {
  readonly issues: InputIssue[] = [];
  readonly uncertainRows: UncertainRow[] = [];
  read = 0;
  rejected = 0;
  private lastRejectedRow = -1;

  constructor(readonly source: SourceName) {}

  /** Records a problem with a row; the row counts as rejected once, however many problems it has. */
  reject(row: number, merchantId: string, value: string, text: IssueText, blocksMerchant = true): InputIssue {
    const issue = this.issue(row, merchantId, value, text, blocksMerchant);
    if (row !== this.lastRejectedRow && row > 0) {
      this.rejected += 1;
      this.lastRejectedRow = row;
    }
    return issue;
  }

  /** True once `row` (the row being read) has been rejected. */
  isRejected(row: number): boolean {
    return this.lastRejectedRow === row;
  }

  /** A problem with the table rather than a row (a column heading, say): counts no row. */
  note(row: number, value: string, text: IssueText, merchantId = ''): InputIssue {
    return this.issue(row, merchantId, value, text, false);
  }

  /** Blocks a merchant for a row that may be its own (already counted where it was rejected). */
  flag(row: number, merchantId: string, value: string, text: IssueText): InputIssue {
    return this.issue(row, merchantId, value, text, true);
  }

  private issue(row: number, merchantId: string, value: string, text: IssueText, blocksMerchant: boolean): InputIssue {
    const issue: InputIssue = { source: this.source, row, merchantId, value, message: text.en, messageZh: text.zh, blocksMerchant };
    this.issues.push(issue);
    return issue;
  }

  get used(): number {
    return this.read - this.rejected;
  }
}
