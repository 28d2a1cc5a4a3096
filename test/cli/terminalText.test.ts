/**
 * Control and escape characters from the data never reach a terminal raw: standard error always
 * shows them as escapes (`\u001b`), standard output does when it is a terminal, and files and
 * pipes keep the exact bytes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { settleFiles } from '../../src/cli/settleFiles';
import { formatSummary } from '../../src/cli/summary';
import { visibleText } from '../../src/cli/terminalText';
import { BIN, folderWith, gmvSettle, WORKED_EXAMPLE } from './helpers';

/** What a terminal would act on: C0 but line feed, DEL, C1, bidi controls, line/paragraph separators. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const CLEAR_SCREEN = '\x1b[2J';
const HOSTILE_NAME = `Shop${CLEAR_SCREEN}\x1b]8;;http://evil.example\x07link\x1b]8;;\x07\u009b31m\u202eRED`;
const files = folderWith({
  'history.csv': WORKED_EXAMPLE['history.csv'] + 'M009,2025-11-08,100000\n',
  // The name is used as is; M009's GMV value, with an ESC sequence, a CR and a line that
  // pretends to end the report, is an issue echoed on standard error and in M009's reason.
  'campaign.csv':
    'merchant_id,name,date,gmv,note\x1b[8m\n' +
    `M001,"${HOSTILE_NAME}",2025-11-11,523456.78,\n` +
    `M009,"${HOSTILE_NAME}",2025-11-11,"12\r${CLEAR_SCREEN}3\nissues: none",\n`,
});
after(files.remove);
const args = ['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', '0.05'];

describe('control characters from the data on a terminal', () => {
  it('shows every one as its escape, and keeps the rest of the text', () => {
    assert.equal(visibleText('M001\x1b[2J'), 'M001\\u001b[2J');
    assert.equal(visibleText('a\u202eb\u009bc\u200bd\r\ne'), 'a\\u202eb\\u009bc\\u200bd\\u000d\\u000ae');
    assert.equal(visibleText('line\nnext\x07', 'keep'), 'line\nnext\\u0007');
    assert.equal(visibleText('\u{e0041}'), '\\u{e0041}'); // a tag character, beyond the BMP
    assert.equal(visibleText('杭州小店 ¥1,234.50 (万元)'), '杭州小店 ¥1,234.50 (万元)');
  });

  it('standard error shows the issue, the mapping and the values with escapes, on their own lines', () => {
    const run = gmvSettle(args);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, RAW_CONTROL);
    assert.match(run.stderr, /note\\u001b\[8m → \(not used\)/);
    assert.match(run.stderr, /GMV "12\\u000d\\u001b\[2J3\\u000aissues: none" is not valid/);
    assert.ok(!run.stderr.split('\n').includes('issues: none'), 'a value cannot add a line of its own');
  });

  it('a pipe and a file get the exact bytes', () => {
    const piped = gmvSettle(args);
    assert.ok(piped.stdout.includes(HOSTILE_NAME), 'standard output to a pipe is exact');
    const out = files.path('out.json');
    assert.equal(gmvSettle([...args, '--out', out]).status, 0);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).lines[0].merchant_name, HOSTILE_NAME);
  });

  // `script` (util-linux) runs the CLI on a pseudo-terminal, as a person at a terminal would.
  it('standard output that is a terminal shows escapes', { skip: existsSync('/usr/bin/script') ? false : 'needs /usr/bin/script' }, () => {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    for (const format of ['csv', 'json']) {
      const command = [process.execPath, BIN, ...args, '--format', format].map(quote).join(' ');
      const run = spawnSync('/usr/bin/script', ['-qefc', command, '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const shown = run.stdout.replace(/\r\n/g, '\n'); // the terminal's own line ends
      assert.doesNotMatch(shown, RAW_CONTROL, `${format} on a terminal`);
      assert.ok(shown.includes('Shop\\u001b[2J\\u001b]8;;http://evil.example\\u0007link'), `${format} shows the name with escapes`);
    }
  });

  it("npm start's summary shows names, ids and reasons with escapes", async () => {
    const run = await settleFiles({ history: files.path('history.csv'), campaign: files.path('campaign.csv'), coefficient: '0.05' });
    const summary = formatSummary(run);
    assert.doesNotMatch(summary, RAW_CONTROL);
    assert.match(summary, /M009 Shop\\u001b\[2J.*: blocked: row 3 of campaign: GMV "12\\u000d\\u001b\[2J3\\u000aissues: none"/);
  });
});
