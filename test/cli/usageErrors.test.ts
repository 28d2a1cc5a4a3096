/**
 * Exit 2 with one message that says what to fix, never a stack trace, whenever nothing can be
 * settled; exit 0 for --help.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { folderWith, gmvSettle, hasStackTrace, WORKED_EXAMPLE } from './helpers';

const files = folderWith({
  ...WORKED_EXAMPLE,
  'no-gmv.csv': 'merchant_id,date,ad_spend\nM001,2025-11-11,100\n',
  'bad-key.json': '{"red_packet_coefficient": "0.05", "coefficent": "0.05"}',
  'broken.json': '{"red_packet_coefficient": ',
  'invited.json': '{"red_packet_coefficient": "0.05", "invited_only": true}',
  'empty.csv': '',
});
after(files.remove);
const history = files.path('history.csv');
const campaign = files.path('campaign.csv');

function expectUsageError(args: string[], message: RegExp) {
  const run = gmvSettle(args);
  assert.equal(run.status, 2, `exit status; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '', 'nothing is written when nothing was settled');
  assert.match(run.stderr, message);
  assert.ok(!hasStackTrace(run.stderr), run.stderr);
}

describe('gmv-settle usage errors', () => {
  it('refuses to guess a missing coefficient and says how to give one', () => {
    expectUsageError(['--history', history, '--campaign', campaign], /no red-packet coefficient[\s\S]*--coefficient 0\.05/);
  });

  it('says what is wrong with a negative coefficient, written with a space or an =', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--coefficient', '-0.05'], /--coefficient: coefficient must be a rate of 0 or more such as 0\.05 or 5%, not "-0\.05"/);
    expectUsageError(['--history', history, '--campaign', campaign, '--coefficient=-0.05'], /--coefficient: coefficient must be a rate of 0 or more such as 0\.05 or 5%, not "-0\.05"/);
  });

  it('names a missing input file', () => {
    expectUsageError(['--history', files.path('nope.csv'), '--campaign', campaign, '--coefficient', '0.05'], /cannot read --history .*nope\.csv: there is no such file/);
  });

  it('names an unknown policy key', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--policy', files.path('bad-key.json')], /unknown policy key "coefficent"/);
  });

  it('reports a policy file that is not JSON', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--policy', files.path('broken.json')], /broken\.json is not valid JSON/);
  });

  it('rejects an unknown flag', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--coefficient', '0.05', '--colour'], /unknown option --colour/);
  });

  it('rejects a coefficient that is not a rate', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--coefficient', 'five'], /--coefficient: coefficient must be a rate of 0 or more such as 0\.05 or 5%, not "five"/);
  });

  it('explains a campaign table without a GMV column', () => {
    expectUsageError(['--history', history, '--campaign', files.path('no-gmv.csv'), '--coefficient', '0.05'], /campaign: no column for GMV \(成交金额/);
  });

  it('explains an empty history file', () => {
    expectUsageError(['--history', files.path('empty.csv'), '--campaign', campaign, '--coefficient', '0.05'], /history: the table is empty/);
  });

  it('needs the invitation list when the policy is invited-only', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--policy', files.path('invited.json')], /"invited_only": true, so --targets FILE/);
  });

  it('needs both inputs', () => {
    expectUsageError(['--coefficient', '0.05'], /--history FILE and --campaign FILE are required/);
  });

  it('rejects an unknown format and language', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--format', 'pdf'], /--format must be csv, json or xlsx, not "pdf"/);
    expectUsageError(['--history', history, '--campaign', campaign, '--lang', 'fr'], /--lang must be zh or en, not "fr"/);
  });

  it('reports an output folder that does not exist', () => {
    expectUsageError(['--history', history, '--campaign', campaign, '--coefficient', '0.05', '--out', files.path('no/such/dir/out.csv')], /cannot write --out .*: its folder does not exist/);
  });

  it('prints usage for --help and exits 0', () => {
    const run = gmvSettle(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: gmv-settle --history FILE --campaign FILE/);
    assert.match(run.stdout, /--coefficient X/);
  });
});

describe('gmv-settle usage errors in Chinese', () => {
  it('with --lang zh, a missing file, a coefficient and the policy are explained in Chinese', () => {
    const zh = (args: string[], message: RegExp) => expectUsageError([...args, '--lang', 'zh'], message);
    zh(['--history', files.path('nope.csv'), '--campaign', campaign, '--coefficient', '0.05'], /^gmv-settle: 无法读取 --history .*nope\.csv：文件不存在/);
    zh(['--history', history, '--campaign', campaign], /政策无法结算：\n  未填写奖励系数：请填写，例如 0\.05；系统绝不默认或猜测\n  请用 --coefficient 0\.05 给出/);
    zh(['--history', history, '--campaign', campaign, '--policy', files.path('invited.json')], /必须用 --targets FILE 给出受邀名单/);
    zh(['--history', history, '--campaign', files.path('no-gmv.csv'), '--coefficient', '0.05'], /活动日数据：缺少成交金额（成交金额 \/ 支付GMV/);
  });
});
