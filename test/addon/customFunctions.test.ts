/** The custom functions as the Apps Script bundle exposes them: Date cells read in the spreadsheet's time zone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOM_FUNCTIONS } from '../../src/addon/customFunctions';
import { createGoogleFakes, installGoogleGlobals } from '../fakes/google';

const { SETTLEMENT } = CUSTOM_FUNCTIONS;

test('SETTLEMENT reads a date cell as the day the sheet shows, in the spreadsheet time zone', () => {
  const fakes = createGoogleFakes({ timeZone: 'Asia/Tokyo' });
  const restore = installGoogleGlobals(fakes);
  try {
    // Midnight 2025-11-11 in Tokyo is 2025-11-10 15:00 UTC: a UTC or Shanghai script sees the 10th.
    const tokyoMidnight = new Date(Date.UTC(2025, 10, 10, 15, 0, 0));
    const table = SETTLEMENT([['商家ID', '过往日均'], ['M001', 180000]], [['商家ID', '日期', '成交金额'], ['M001', tokyoMidnight, 523456.78]], 0.05) as unknown[][];
    assert.equal(table[1][2], '2025-11-11');
  } finally {
    restore();
  }
});
