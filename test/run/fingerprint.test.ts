/** The input hash is one digest wherever it is taken: over the text (sidebar, Apps Script) or over the file's bytes (CLI). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256Hex } from '../../src/core/sha256';
import { decodeFile } from '../../src/files/decode';
import { tableFromText } from '../../src/input/table';
import { inputFingerprint, inputFingerprintPieces } from '../../src/run/runSettlement';
import { nodeSha256Pieces } from '../../src/cli/settleFiles';

test('bytes of a UTF-8 file (with or without a BOM, Chinese, CRLF) hash as its decoded text does', () => {
  const history = '商家ID,日期,成交金额\r\n000123,2025-11-01,12.3万\r\n😀店,2025-11-02,1\r\n';
  const campaign = 'merchant_id,date,gmv\n000123,2025-11-11,1\n';
  for (const bytes of [Buffer.from(history, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(history, 'utf8')])]) {
    const decoded = decodeFile(bytes);
    assert.ok(decoded.utf8, 'a valid UTF-8 file keeps its bytes');
    const fromBytes = { history: tableFromText('history', decoded.text, decoded.utf8), campaign: tableFromText('campaign', campaign) };
    const fromText = { history: tableFromText('history', decoded.text), campaign: tableFromText('campaign', campaign) };
    const expected = sha256Hex(inputFingerprint(fromText));
    assert.equal(nodeSha256Pieces(inputFingerprintPieces(fromBytes)), expected);
    assert.equal(nodeSha256Pieces(inputFingerprintPieces(fromText)), expected);
  }
  assert.equal(decodeFile(Uint8Array.from([0xc9, 0xcc, 0xbc, 0xd2])).utf8, undefined, 'GBK text is not its bytes');
});
