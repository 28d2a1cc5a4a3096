/**
 * `--out` that names one of the inputs — by the same path, another spelling, a symbolic or a
 * hard link — is refused with exit 2 before anything is read, and the input keeps its bytes.
 * So is standard output appended to an input (`>> history.csv`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, linkSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { after, describe, it } from 'node:test';
import { BIN, folderWith, gmvSettle, hasStackTrace, WORKED_EXAMPLE } from './helpers';

const files = folderWith({ ...WORKED_EXAMPLE, 'policy.json': '{"red_packet_coefficient": "0.05"}' });
after(files.remove);
const history = files.path('history.csv');
const campaign = files.path('campaign.csv');
const policy = files.path('policy.json');
symlinkSync(history, files.path('symlink.csv'));
linkSync(campaign, files.path('hardlink.json'));
const originals = new Map([history, campaign, policy].map((path) => [path, readFileSync(path)]));

function assertInputsUntouched() {
  for (const [path, bytes] of originals) assert.deepEqual(readFileSync(path), bytes, `${basename(path)} keeps its bytes`);
}

function expectRefused(out: string, flag: string, extra: string[] = [], cwd?: string) {
  const run = gmvSettle(['--history', history, '--campaign', campaign, '--policy', policy, ...extra, '--out', out], cwd);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`^gmv-settle: --out \\S+ is the ${flag} file \\S+: writing the settlement there would destroy the input`));
  assert.ok(!hasStackTrace(run.stderr), run.stderr);
  assert.equal(run.stdout, '');
  assertInputsUntouched();
}

describe('gmv-settle --out over an input', () => {
  it('refuses the same path, for each input and each format', () => {
    expectRefused(history, '--history');
    expectRefused(campaign, '--campaign', ['--format', 'json']);
    expectRefused(policy, '--policy', ['--format', 'xlsx']);
  });

  it('refuses --out and --payout-list naming one file, before anything is written', () => {
    const out = files.path('both.csv');
    const run = gmvSettle(['--history', history, '--campaign', campaign, '--policy', policy, '--out', out, '--payout-list', `${dirname(out)}/./both.csv`]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /--out and --payout-list both name \S+both\.csv: the payout list would overwrite the settlement/);
    assert.throws(() => readFileSync(out), /ENOENT/, 'nothing written');
  });

  it('refuses another spelling of the path', () => {
    expectRefused(`${dirname(history)}/./../${basename(dirname(history))}//history.csv`, '--history');
    expectRefused('campaign.csv', '--campaign', [], files.dir); // relative to the working folder
  });

  it('refuses a symbolic link and a hard link to an input', () => {
    expectRefused(files.path('symlink.csv'), '--history');
    expectRefused(files.path('hardlink.json'), '--campaign');
  });

  it('refuses standard output appended to an input', () => {
    const fd = openSync(history, 'a');
    try {
      const run = spawnSync(process.execPath, [BIN, '--history', history, '--campaign', campaign, '--coefficient', '0.05'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /standard output is the --history file/);
    } finally {
      closeSync(fd);
    }
    assertInputsUntouched();
  });

  it('still writes a new file, and overwrites an earlier output', () => {
    const out = files.path('settlement.csv');
    for (let i = 0; i < 2; i++) assert.equal(gmvSettle(['--history', history, '--campaign', campaign, '--policy', policy, '--out', out]).status, 0);
    assert.match(readFileSync(out, 'utf8'), /M001,,2025-11-11,523456\.78/);
    assertInputsUntouched();
  });
});
