/**
 * Text from the data, made safe to show on a terminal. A merchant name can carry ESC sequences
 * (`\x1b[2J` clears the screen, `\x1b]8;;…` plants a link), C1 controls (U+009B is a one-byte
 * CSI to some terminals), a carriage return that overwrites the line before it, or bidi
 * overrides (U+202E shows "M100" where the bytes say "001M"). Each such character is shown as
 * its escape, `\u001b`, so a person sees that it is there and what it is; nothing else changes.
 * Used for everything the CLI shows a person: standard error always, standard output when it
 * is a terminal. Files and pipes get the exact bytes.
 */

// Cc: C0, DEL, C1. Cf: bidi embeddings, overrides, isolates and marks, zero-width characters,
// soft hyphen, BOM, tags. Zl/Zp: U+2028/U+2029, which some terminals take as a line break.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const UNSAFE_BUT_LINE_FEEDS = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function escape(char: string): string {
  const code = char.codePointAt(0) as number;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : '\\u' + code.toString(16).padStart(4, '0');
}

/**
 * `lineFeeds: 'keep'` for text whose line breaks are its own layout (a report, a CSV); the
 * default escapes them too, for one line built around a value from the data, so a value with
 * a line break in it cannot add a line of its own ("issues: none").
 */
export function visibleText(text: string, lineFeeds: 'escape' | 'keep' = 'escape'): string {
  return text.replace(lineFeeds === 'keep' ? UNSAFE_BUT_LINE_FEEDS : UNSAFE, escape);
}

/** Lines of a report, each built around values from the data: each shown on its own line. */
export function visibleLines(lines: string[]): string {
  return lines.map((line) => visibleText(line)).join('\n') + '\n';
}
