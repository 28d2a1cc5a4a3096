/**
 * Issue 6, SPEC §3–4: what real back-office exports hold — units in headings, title lines, total
 * rows, columns that name a field but are not read, broken quotes and line ends, mixed
 * encodings, ids that are not what they look like — read right or reported on their row.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapColumns, TableError } from '../../src/input/columnMapping';
import { decodeText } from '../../src/files/decode';
import { describeMapping } from '../../src/input/mappingText';
import { readInputs } from '../../src/input/readInputs';
import { tableFromCells, tableFromText } from '../../src/input/table';
import { SPEC_HISTORY } from '../fixtures/exportTraps';

const CAMPAIGN = 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.78,12345.67\n';
const read = (history: string, campaign: string, targets?: string) =>
  readInputs({
    history: tableFromText('history', history),
    campaign: tableFromText('campaign', campaign),
    targets: targets === undefined ? undefined : tableFromText('targets', targets),
  });
const issuesOf = (r: ReturnType<typeof read>) => r.issues.map((i) => [i.source, i.row, i.merchantId, i.blocksMerchant, i.message] as const);

describe('units in headings (SPEC §3)', () => {
  test('万元, （万元）, [万], (千元), (元) scale their column exactly, and the mapping says so', () => {
    const cases: [string, string, number][] = [
      ['支付GMV(万元)', '52.345678', 52345678],
      ['支付GMV（万元）', '52.345678', 52345678],
      ['支付GMV[万]', '52.345678', 52345678],
      ['成交金额(千元)', '523.45678', 52345678],
      ['成交金额(元)', '523456.78', 52345678],
      ['GMV (CNY)', '523456.78', 52345678],
      ['支付GMV(亿元)', '0.0052345678', 52345678],
    ];
    for (const [heading, value, fen] of cases) {
      const r = read(SPEC_HISTORY, `merchant_id,date,${heading}\nM001,2025-11-11,${value}\n`);
      assert.equal(r.input.campaign[0].gmvFen, fen, heading);
    }
    const mapping = mapColumns(tableFromText('campaign', 'merchant_id,date,支付GMV(万元),磁力金牛消耗(千元)\n'));
    assert.equal(describeMapping(mapping), 'campaign: merchant_id → merchant, date → date, 支付GMV(万元) → GMV ×10,000, 磁力金牛消耗(千元) → ad spend ×1,000');
    assert.equal(describeMapping(mapping, 'zh'), '活动日数据：merchant_id → 商家，date → 日期，支付GMV(万元) → 成交金额 ×10,000，磁力金牛消耗(千元) → 磁力金牛消耗 ×1,000');
  });

  test('a unit on a title line applies to every money column; a heading of its own wins', () => {
    const r = read(SPEC_HISTORY, '单位：万元\nmerchant_id,date,gmv,ad_spend(元)\nM001,2025-11-11,52.345678,12345.67\n');
    assert.deepEqual([r.input.campaign[0].gmvFen, r.input.campaign[0].adSpendFen], [52345678, 1234567]);
    assert.match(describeMapping(r.mappings[1]), /gmv → GMV ×10,000 \(unit 万元 from the title line\)/);
  });

  test('other bracketed text is shown as a note, never dropped from view', () => {
    const mapping = mapColumns(tableFromText('campaign', 'merchant_id,date,支付GMV(含退款)\n'));
    assert.equal(mapping.fields.gmv, 2);
    assert.match(describeMapping(mapping), /支付GMV\(含退款\) → GMV \(note: 含退款\)/);
    assert.match(describeMapping(mapping, 'zh'), /支付GMV\(含退款\) → 成交金额（注：含退款）/);
  });

  test('a unit the reader does not know is an error naming the heading', () => {
    for (const campaign of ['merchant_id,date,支付GMV(百万美元)\n', 'merchant_id,date,gmv(USD)\n', '单位：美元\nmerchant_id,date,gmv\n']) {
      assert.throws(
        () => mapColumns(tableFromText('campaign', campaign)),
        (e: unknown) => e instanceof TableError && /does not know/.test(e.message) && /无法识别/.test(e.text('zh')),
        campaign,
      );
    }
    assert.throws(() => mapColumns(tableFromText('campaign', 'merchant_id,date,支付GMV(百万美元)\n')), /the heading "支付GMV\(百万美元\)" gives the unit "百万美元"/);
  });

  test('a figure with a unit of its own under a heading that gives one is rejected, not multiplied twice', () => {
    const r = read(SPEC_HISTORY, 'merchant_id,date,支付GMV(万元)\nM001,2025-11-11,52.3万\n');
    assert.equal(r.input.blocked.has('M001'), true);
    assert.match(r.issues[0].message, /the column heading already gives the unit/);
  });
});

describe('title lines and total rows (SPEC §3)', () => {
  test('the heading row is found under title lines; they are reported, data rows keep the spreadsheet row numbers', () => {
    const campaign = '快手电商-商家经营数据明细\n导出时间：2025-11-12 10:00:00\n\n商家ID,日期,支付GMV\nM001,2025-11-11,523456.78\nM002,2025-11-11,oops\n';
    const r = read(SPEC_HISTORY, campaign);
    assert.equal(r.mappings[1].headerRowNumber, 4);
    assert.deepEqual(
      r.issues.map((i) => [i.row, i.value, i.blocksMerchant]),
      [[1, '快手电商-商家经营数据明细', false], [2, '导出时间：2025-11-12 10:00:00', false], [6, 'oops', true]],
    );
    assert.deepEqual(r.counts[1], { source: 'campaign', read: 2, used: 1, rejected: 1 });
  });

  test('the delimiter is taken from the heading row, not from a title or blank line above it', () => {
    const r = read(SPEC_HISTORY, '\n快手电商, 商家经营数据明细\n商家ID;日期;支付GMV;磁力金牛消耗\nM001;2025-11-11;523456,78;12345,67\n'.replace('523456,78', '523456.78').replace('12345,67', '12345.67'));
    assert.deepEqual(r.mappings[1].fields, { merchant_id: 0, date: 1, gmv: 2, ad_spend: 3 });
    assert.equal(r.input.campaign[0].gmvFen, 52345678);
  });

  test('a 小计 is checked against the rows since the last total, a 合计 against all rows; both are left out', () => {
    const campaign = [
      'merchant_id,date,gmv',
      'M001,2025-11-11,100',
      'M002,2025-11-11,200',
      '小计,,300',
      'M003,2025-11-11,50',
      '小计：,,49',
      '总计,,350',
    ].join('\n');
    const r = read('merchant_id,avg_gmv\nM001,1\n', campaign);
    assert.deepEqual(r.input.campaignMerchantOrder, ['M001', 'M002', 'M003']);
    const campaignIssues = issuesOf(r).filter((i) => i[0] === 'campaign');
    assert.deepEqual(
      campaignIssues.map((i) => [i[1], i[4]]),
      [
        [4, 'a total row ("小计"), not a merchant: left out'],
        [6, 'a total row ("小计："), not a merchant: left out'],
        [6, "GMV: the export's total 49.00 ≠ the rows' sum 50.00; a row may be missing or changed"],
        [7, 'a total row ("总计"), not a merchant: left out'],
      ],
    );
    assert.ok(campaignIssues.every((i) => i[3] === false)); // a total blocks nobody
    assert.deepEqual(r.counts[1], { source: 'campaign', read: 6, used: 3, rejected: 3 }); // read = used + rejected
  });

  test('a total row in a history is checked on every date column of a wide table', () => {
    const history = '商家ID,2025-10-01,2025-10-02\nM001,100,200\nM002,1,2\n合计,101,203\n';
    const r = read(history, CAMPAIGN);
    assert.deepEqual(
      r.issues.filter((i) => /≠/.test(i.message)).map((i) => i.message),
      ["GMV on 2025-10-02: the export's total 203.00 ≠ the rows' sum 202.00; a row may be missing or changed"],
    );
    assert.deepEqual(r.input.history.get('M001'), { sumFen: 30000, days: 2 });
  });
});

describe('a column that names a field is used, or reported', () => {
  test('a long history with avg_gmv too: the daily rows give the baseline, the column is reported as not used', () => {
    const r = read('merchant_id,date,gmv,avg_gmv\nM001,2025-11-10,100,999\n', CAMPAIGN);
    assert.equal(r.input.history.get('M001')!.readyBaselineFen, undefined);
    assert.match(r.issues[0].message, /the baseline average is computed from them and this column is not used/);
    assert.equal(r.issues[0].row, 1);
    assert.match(describeMapping(r.mappings[0]), /avg_gmv → \(not used: /);
  });

  test('a wide history with a gmv column, and a campaign with a baseline column, report the column', () => {
    const r = read('merchant_id,gmv,2025-10-01\nM001,999,100\n', 'merchant_id,date,gmv,avg_gmv\nM001,2025-11-11,523456.78,1\n');
    assert.deepEqual(
      r.issues.map((i) => [i.source, i.value]),
      [['history', 'gmv'], ['campaign', 'avg_gmv']],
    );
    assert.deepEqual(r.input.history.get('M001'), { sumFen: 10000, days: 1 });
  });

  test('two columns for GMV or ad spend are refused: which one pays is not a guess; a second name column is reported', () => {
    assert.throws(() => mapColumns(tableFromText('campaign', 'merchant_id,date,支付GMV,成交金额\n')), /two columns could be the GMV: "支付GMV" and "成交金额"/);
    assert.throws(() => mapColumns(tableFromText('campaign', 'merchant_id,date,gmv,磁力金牛消耗,广告消耗\n')), /two columns could be the ad spend/);
    const r = read(SPEC_HISTORY, 'merchant_id,商家名称,店铺名称,date,gmv\nM001,a,b,2025-11-11,1\n');
    assert.match(r.issues[0].message, /a second column for the merchant name; the merchant name is read from "商家名称"/);
  });

  test('a table without headings is mapped from all its rows: a column that starts on row 7 counts', () => {
    const cells = [1, 2, 3, 4, 5, 6, 7].map((n) => ['M00' + n, '2025-11-11', 100 * n, n >= 7 ? 5 : '']);
    const mapping = mapColumns(tableFromCells('campaign', cells));
    assert.deepEqual(mapping.fields, { merchant_id: 0, date: 1, gmv: 2, ad_spend: 3 });
  });
});

describe('rows as files hold them', () => {
  test('LF, CRLF and lone CR line ends read the same records; a CR inside a quoted field stays', () => {
    const lf = 'merchant_id,merchant_name,date,gmv\nM001,"two\rlines",2025-11-11,1\nM002,x,2025-11-11,2\n';
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
      const r = read(SPEC_HISTORY, text);
      assert.deepEqual(r.input.campaign.map((d) => [d.merchantId, d.merchantName, d.gmvFen]), [['M001', 'two\rlines', 100], ['M002', 'x', 200]], JSON.stringify(text));
    }
  });

  test('a quote closed rows later is reported on the row where it opened, and the rows after it are read', () => {
    const campaign = 'merchant_id,merchant_name,date,gmv\nM001,"bad,2025-11-11,1\nM002,x,2025-11-11,2\nM003,"y"z,2025-11-11,3\nM004,w,2025-11-11,4\n';
    const r = read(SPEC_HISTORY, campaign);
    assert.deepEqual(r.input.campaignMerchantOrder, ['M001', 'M002', 'M003', 'M004']);
    assert.deepEqual(r.issues.map((i) => [i.row, i.merchantId]), [[2, 'M001'], [4, 'M003']]);
    assert.deepEqual([...r.input.blocked.keys()], ['M001', 'M003']);
  });

  test('one invalid byte in a UTF-8 file is reported on its row with the byte; the rest stays UTF-8', () => {
    const utf8 = new TextEncoder();
    const bytes = Uint8Array.from([...utf8.encode('商家ID,商家名称,日期,成交金额\nM001,星河小店,2025-11-11,1\nM002,晨'), 0xb9, 0xe2, ...utf8.encode(',2025-11-11,2\n')]);
    const text = decodeText(bytes);
    assert.ok(text.includes('星河小店'));
    const r = read(SPEC_HISTORY, text);
    assert.deepEqual(r.issues.map((i) => [i.row, i.merchantId, i.value]), [[3, 'M002', '0xB9 0xE2']]);
    assert.match(r.issues[0].message, /bytes that are not text in the file's encoding/);
    assert.ok(r.input.blocked.has('M002'));
  });

  test('a file that is GBK throughout is still read as GB18030', () => {
    // 商家 in GBK is C9 CC BC D2.
    assert.equal(decodeText(Uint8Array.from([0xc9, 0xcc, 0xbc, 0xd2, 0x2c, 0x31])), '商家,1');
  });

  test('UTF-16 without a byte-order mark is recognised; zero bytes that are not UTF-16 are refused by name', () => {
    const text = '商家ID,成交金额\n000123,12.3万\n';
    const le = Uint8Array.from(Array.from(text).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]));
    const be = Uint8Array.from(Array.from(text).flatMap((ch) => [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff]));
    assert.equal(decodeText(le), text);
    assert.equal(decodeText(be), text);
    assert.throws(() => decodeText(Uint8Array.from([0x4d, 0x31, 0x00, 0x00, 0x00, 0x2c, 0x31, 0x00, 0x0a])), (e: unknown) => e instanceof TableError && /zero bytes/.test(e.message) && /零字节/.test(e.text('zh')));
  });
});

describe('merchant ids that are not what they look like (SPEC §3–4)', () => {
  test('invisible and control characters are an error on their row, never a second merchant', () => {
    for (const ch of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u202e', '\u0000', '\u0007']) {
      const r = read(SPEC_HISTORY, `merchant_id,date,gmv\nM001,2025-11-11,1\nM001${ch},2025-11-12,2\n`);
      assert.deepEqual(r.input.campaignMerchantOrder, ['M001'], JSON.stringify(ch));
      assert.equal(r.issues[0].row, 3);
      assert.match(r.issues[0].message, new RegExp(`U\\+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
      assert.ok(r.input.blocked.has('M001'), 'the merchant it looks like is blocked');
    }
  });

  test("a number-converted id blocks every merchant it could be, and the merchants with the row's name", () => {
    const campaign = [
      'merchant_id,merchant_name,date,gmv',
      '123456789012,甲,2025-11-11,1',
      '123457000000,乙,2025-11-11,1',
      '123450000000,丙,2025-11-11,1',
      '00999,丁,2025-11-11,1',
      '1.23457E+11,丁,2025-11-12,1',
    ].join('\n');
    const r = read('merchant_id,avg_gmv\nX,1\n', campaign);
    // 1.23457E+11 is 123,457,000,000 to 6 significant digits: 123456789012 and 123457000000 round to it; 123450000000 does not.
    assert.deepEqual([...r.input.blocked.keys()].sort(), ['00999', '123456789012', '123457000000']);
    const reason = r.input.blocked.get('123456789012')![0];
    assert.match(reason.message, /^row 6 of campaign \(merchant id "1\.23457E\+11", rejected\) may be this merchant's: this id, converted to a number, reads the same/);
    assert.match(r.input.blocked.get('00999')![0].message, /that row has this merchant's name/);
    assert.equal(r.totalCounts.rejected, 1); // the flags block merchants; the row is counted once
  });

  test('"12345.0" can only be an id whose digits are 12345, leading zeros or not; with no match it stays a plain issue', () => {
    const r = read('merchant_id,avg_gmv\nX,1\n', 'merchant_id,date,gmv\n0012345,2025-11-11,1\n12346,2025-11-11,1\n12345.0,2025-11-12,1\n');
    assert.deepEqual([...r.input.blocked.keys()], ['0012345']);
    const none = read('merchant_id,avg_gmv\nX,1\n', 'merchant_id,date,gmv\nA1,2025-11-11,1\n7.78899E+09,2025-11-12,1\n');
    assert.deepEqual([...none.input.blocked.keys()], []);
    assert.equal(none.issues.length, 1);
  });
});

describe('between the tables', () => {
  test('targets not in the campaign, and near misses by leading zeros or by name, are reported', () => {
    const campaign = 'merchant_id,merchant_name,date,gmv\n12345,星河小店,2025-11-11,1\nM9,晨光百货,2025-11-11,1\nM1,a,2025-11-11,1\n';
    const targets = '商家ID,商家名称\n0012345,x\nT7,晨光百货\nM1,a\nZZ,z\n';
    const r = read(SPEC_HISTORY, campaign, targets);
    assert.deepEqual(
      r.issues.map((i) => [i.source, i.row, i.merchantId, i.message]),
      [
        ['campaign', 2, '12345', 'merchant 12345 is not on the targets list, but target 0012345 on row 2 is the same id apart from leading zeros: a likely mismatch; check the ids'],
        ['campaign', 3, 'M9', 'merchant M9 is not on the targets list, but target T7 on row 3 has the same name: a likely mismatch; check the ids'],
        ['targets', 2, '0012345', 'merchant 0012345 is on the targets list but has no campaign rows'],
        ['targets', 3, 'T7', 'merchant T7 is on the targets list but has no campaign rows'],
        ['targets', 5, 'ZZ', 'merchant ZZ is on the targets list but has no campaign rows'],
      ],
    );
    assert.equal(r.input.blocked.size, 0);
  });

  test('history and campaign given the wrong way round are refused with a message that says so', () => {
    assert.throws(() => read(CAMPAIGN, SPEC_HISTORY.replace('merchant_id,date,gmv', 'merchant_id,date,gmv')), /ends on 2025-11-10, before the history starts \(2025-11-11\)\. Were the history and the campaign data given the wrong way round\?/);
    assert.throws(() => read('merchant_id,date,gmv\nM001,2025-11-11,1\nM001,2025-11-12,1\n', CAMPAIGN), /Every history day is on or after the first campaign day \(2025-11-11, campaign row 2\)/);
  });
});

test('a merchant with hundreds of days still has every duplicate found, with the row it repeats', () => {
  const rows = ['merchant_id,date,gmv'];
  for (let d = 0; d < 300; d++) rows.push(`M1,${new Date(Date.UTC(2025, 0, 1) + d * 86400000).toISOString().slice(0, 10)},1`);
  rows.push('M1,2025-10-01,2'); // day 273 again: the list has become a map by then
  rows.push('M1,2025-01-03,2'); // day 2 again
  const r = readInputs({ history: tableFromText('history', 'merchant_id,avg_gmv\nM1,1\n'), campaign: tableFromText('campaign', rows.join('\n')) });
  assert.deepEqual(r.issues.map((i) => [i.row, i.message]), [
    [302, 'duplicate: merchant M1 already has 2025-10-01 on row 275'],
    [303, 'duplicate: merchant M1 already has 2025-01-03 on row 4'],
  ]);
});
