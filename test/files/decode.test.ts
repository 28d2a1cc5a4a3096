/** Exported files in the encodings Chinese back offices and Excel write, read the same everywhere. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../src/files/decode';

const TEXT = '商家ID,成交金额\n000123,12.3万\n';

test('UTF-8 with and without a BOM', () => {
  const utf8 = new TextEncoder().encode(TEXT);
  assert.equal(decodeText(utf8), TEXT);
  assert.equal(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])), TEXT);
});

test("UTF-16LE with a BOM, as Excel's Unicode Text export", () => {
  const units = Array.from(TEXT).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
  assert.equal(decodeText(Uint8Array.from([0xff, 0xfe, ...units])), TEXT);
});

test('bytes that are not UTF-8 are GB18030 (GBK)', () => {
  // 商家 in GBK is C9 CC BC D2 (GB2312 code chart).
  assert.equal(decodeText(Uint8Array.from([0xc9, 0xcc, 0xbc, 0xd2])), '商家');
});
