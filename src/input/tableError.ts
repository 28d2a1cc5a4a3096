/**
 * A problem with a table as a whole — no GMV column, an unknown unit in a heading, a file that is
 * not text — so nothing in it can be settled. It says what was found and what would be right,
 * in English (`message`, the CLI/JSON contract) and in Chinese (`zh`) for merchant-ops.
 */
import type { IssueText } from './issueText';

export class TableError extends Error {
  readonly zh: string;

  constructor(text: IssueText) {
    super(text.en);
    this.zh = text.zh;
  }

  /** The message in the reader's language. */
  text(language: 'en' | 'zh'): string {
    return language === 'zh' ? this.zh : this.message;
  }
}
