/**
 * What the sidebar previews is what the server writes: both build the policy with the one
 * buildPolicy, from the same form state. Here the sidebar's half (policyChoice, what the form's
 * controls mean) and the server's half (the request re-checked, then requestPolicy) are given
 * the same state, with and without the Policy sheet, and must give the same policy.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { getSidebarContext } from '../../src/addon/server';
import { insertPolicySheet } from '../../src/addon/policySheet';
import { requestPolicy } from '../../src/addon/policySource';
import { checkSettlementRequest } from '../../src/addon/validate';
import { policyToJson } from '../../src/input/policyReader';
import { policyChoice, type PolicyFormState } from '../../src/sidebar/policyChoice';
import { googleForEachTest, request } from '../addon/support';

const setUp = googleForEachTest();

/** The form as it opens, every option at its default, with a coefficient typed. */
const DEFAULTS: PolicyFormState = {
  coefficient: ' 5% ',
  options: {
    threshold_inclusive: false,
    incremental_basis: 'actual',
    traffic_max_days: '5',
    traffic_day_selection: 'first',
    new_merchant_baseline: 'none',
    invited_only: false,
    clawback: true,
    gmv_basis: 'paid',
  },
  usePolicySheet: false,
};

/** Every option away from its default. */
const CHANGED: PolicyFormState = {
  coefficient: '0.08',
  options: {
    threshold_inclusive: true,
    incremental_basis: 'tier_threshold',
    traffic_max_days: '3',
    traffic_day_selection: 'best',
    new_merchant_baseline: 'zero',
    invited_only: true,
    clawback: false,
    gmv_basis: 'net_of_refunds',
  },
  usePolicySheet: true,
};

/** The sidebar's policy and the server's for one form state, as the run record writes them. */
function bothSides(state: PolicyFormState) {
  const context = getSidebarContext();
  const choice = policyChoice(context, state, 'en');
  assert.ok(choice.policy, choice.problems.join('; '));
  assert.deepEqual(choice.problems, []);
  // What the sidebar sends (main.ts builds the request from these fields), re-checked as the server does.
  const sent = checkSettlementRequest(
    JSON.parse(
      JSON.stringify(
        request({
          coefficient: choice.coefficient,
          options: choice.options,
          usePolicySheet: choice.usePolicySheet,
          ...(choice.previewedPolicyTiers ? { previewedPolicyTiers: choice.previewedPolicyTiers } : {}),
        }),
      ),
    ),
  );
  const written = requestPolicy(sent, () => SpreadsheetApp.getActiveSpreadsheet());
  return { previewed: policyToJson(choice.policy), written: policyToJson(written) };
}

describe('the preview is exactly what is written', () => {
  test('the form as it opens: the Double 11 policy with the coefficient typed', () => {
    setUp();
    const { previewed, written } = bothSides(DEFAULTS);
    assert.deepEqual(written, previewed);
    assert.equal(written.red_packet_coefficient, '0.05');
    assert.deepEqual(
      written.tiers.map((tier) => [tier.min_gmv, tier.cashback_rate, tier.traffic_cap_per_day]),
      [['200000.00', '0.3', 20000], ['500000.00', '0.5', 75000], ['1000000.00', '1', 200000]],
    );
    assert.equal(written.traffic_max_days, 5);
  });

  test('every option changed, with an edited Policy sheet: the same policy on both sides, and it is the one set', () => {
    const google = setUp();
    insertPolicySheet();
    google.spreadsheet._sheetNamed('Policy')!.getRange('B3').setValue('60%');
    google.spreadsheet._sheetNamed('Policy')!.getRange('D4').setValue(0.1);
    const { previewed, written } = bothSides(CHANGED);
    assert.deepEqual(written, previewed);
    assert.deepEqual(
      [written.threshold_inclusive, written.incremental_basis, written.traffic_max_days, written.traffic_day_selection, written.new_merchant_baseline, written.invited_only, written.clawback, written.gmv_basis],
      [true, 'tier_threshold', 3, 'best', 'zero', true, false, 'net_of_refunds'],
    );
    assert.equal(written.tiers[1].cashback_rate, '0.6');
    assert.equal(written.tiers[2].red_packet_coefficient, '0.1');
    assert.equal(written.red_packet_coefficient, '0.08');
  });

  test('two different form states give two different policies (the comparison can fail)', () => {
    setUp();
    assert.notDeepEqual(bothSides(DEFAULTS).written, bothSides({ ...DEFAULTS, options: { ...DEFAULTS.options, traffic_max_days: '4' } }).written);
  });

  test('a coefficient the preview cannot use is refused by the server too, with the same words', () => {
    setUp();
    const choice = policyChoice(getSidebarContext(), { ...DEFAULTS, coefficient: '5' }, 'en');
    assert.equal(choice.coefficientState, 'invalid');
    assert.equal(choice.coefficientProblem, 'coefficient 5 would pay 500% of the incremental GMV — did you mean 5%?');
    // The preview still settles (with 0) so mappings and issues show; the write is refused.
    assert.ok(choice.policy && choice.policy.redPacketCoefficient!.eq(new Dec(0)));
    assert.throws(() => requestPolicy(request({ coefficient: '5' }), () => SpreadsheetApp.getActiveSpreadsheet()), { message: choice.coefficientProblem });
  });

  test('traffic days the form cannot hold: no policy to preview, the problem in the sidebar language', () => {
    setUp();
    const choice = policyChoice(getSidebarContext(), { ...DEFAULTS, options: { ...DEFAULTS.options, traffic_max_days: '400' } }, 'zh');
    assert.equal(choice.policy, undefined);
    assert.deepEqual(choice.problems, ['「每个商家流量扶持天数」须为0到366之间的整数天数，而不是 "400"']);
  });
});
