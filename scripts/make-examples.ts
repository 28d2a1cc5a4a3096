/**
 * Writes examples/: a realistic Double 11 back-office export for 300 invited merchants, with
 * Chinese headers, money written the ways exports write it (¥, thousands separators, 万, 元),
 * ids with leading zeros, and a few deliberately bad rows that examples/README.md explains.
 * Seeded, so the committed files are reproducible: `npx tsx scripts/make-examples.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { prng } from './prng';

const OUT = 'examples';
const HISTORY_DAYS = dateRange('2025-10-12', 30); // … 2025-11-10
const CAMPAIGN_DAYS = ['2025-11-11', '2025-11-12', '2025-11-13'];
const DAY_FACTOR = [1.3, 1.0, 0.8]; // 11.11 itself is the peak

const random = prng(20251111);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

const CITIES = ['杭州', '义乌', '广州', '临沂', '泉州', '成都', '武汉', '苏州', '汕头', '潮州', '东莞', '沈阳', '西安', '长沙', '郑州'];
const GOODS = ['茶香', '女装', '童鞋', '零食', '家纺', '美妆', '农特产', '厨具', '饰品', '母婴', '运动', '数码配件', '宠物用品', '酒水', '日化'];
const SHOPS = ['旗舰店', '专营店', '小店', '工厂店', '直播间', '好物馆'];

interface Merchant {
  id: string;
  name: string;
  baselineYuan: number;
  /** How much the campaign lifts the merchant: below 1 means a quiet Double 11. */
  lift: number;
}

// --- the merchants -------------------------------------------------------------------------
const usedIds = new Set<string>(['000001']);
const merchants: Merchant[] = [];
// Names are unique, as shops of one export are: two merchants with one name would be reported
// as a likely mismatch between the campaign and the invitation list, which these data do not mean.
const usedNames = new Set<string>();
const uniqueName = (name: string) => {
  let unique = name;
  for (let n = 2; usedNames.has(unique); n++) unique = `${name}${n}号店`;
  usedNames.add(unique);
  return unique;
};
for (let i = 0; i < 300; i++) {
  let id: string;
  do id = String(Math.floor(between(100, 99999))).padStart(6, '0');
  while (usedIds.has(id));
  usedIds.add(id);
  const band = random();
  const lift = band < 0.12 ? between(0.5, 0.95) : band < 0.3 ? between(1.05, 1.6) : between(1.6, 3.5);
  merchants.push({ id, name: uniqueName(pick(CITIES) + pick(GOODS) + pick(SHOPS)), baselineYuan: Math.exp(between(Math.log(20000), Math.log(500000))), lift });
}
merchants.sort((a, b) => (a.id < b.id ? -1 : 1));

// --- money as exports write it -------------------------------------------------------------
const grouped = (yuan: string) => yuan.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
function money(fen: number): string {
  const yuan = (fen / 100).toFixed(2);
  const style = random();
  if (style < 0.55) return yuan;
  if (style < 0.7) return grouped(yuan);
  if (style < 0.85) return '¥' + grouped(yuan);
  if (style < 0.95) return (Math.round(fen / 100) / 10000).toFixed(2) + '万'; // what the 万 text says is the value
  return yuan + '元';
}
const toFen = (yuan: number) => Math.round(yuan * 100);
const csv = (fields: string[]) => fields.map((f) => (/[",\n]/.test(f) ? '"' + f.replace(/"/g, '""') + '"' : f)).join(',');

// --- history (long) ------------------------------------------------------------------------
const historyRows: string[][] = [['商家ID', '商家名称', '日期', '成交金额']];
const wideCells = new Map<string, Map<string, string>>();
const bad: { file: string; row: number; merchant: string; what: string; value: string }[] = [];
const addHistory = (m: { id: string; name: string }, date: string, value: string) => {
  historyRows.push([m.id, m.name, date, value]);
  if (!wideCells.has(m.id)) wideCells.set(m.id, new Map());
  if (HISTORY_DAYS.includes(date) && !wideCells.get(m.id)!.has(date)) wideCells.get(m.id)!.set(date, value);
};

// SPEC §6's worked example, so the README's numbers can be found in the bundled output.
const example = { id: '000001', name: '义乌示范旗舰店' };
addHistory(example, '2025-11-08', '15万');
addHistory(example, '2025-11-09', '¥180,000.00');
addHistory(example, '2025-11-10', '210000');

const [badNumber, badDate, duplicated, overlapping, negativeAd] = [17, 58, 101, 144, 203].map((i) => merchants[i]);
for (const m of merchants) {
  HISTORY_DAYS.forEach((date, d) => {
    const roll = random();
    if (m === badDate && d === HISTORY_DAYS.length - 1) {
      // Day-first or month-first? 11/10/2025 is Nov 10 in the US and Oct 11 in Europe.
      addHistory(m, '11/10/2025', money(toFen(m.baselineYuan)));
      bad.push({ file: 'history.csv', row: historyRows.length, merchant: m.id, what: 'ambiguous day-first / month-first date', value: '11/10/2025' });
      return;
    }
    if (m === badNumber && d === 5) {
      addHistory(m, date, '12,3x');
      bad.push({ file: 'history.csv', row: historyRows.length, merchant: m.id, what: 'a GMV that is not a number (typo)', value: '12,3x' });
      return;
    }
    const value = roll < 0.02 ? '' : roll < 0.03 ? '0' : money(toFen(m.baselineYuan * between(0.75, 1.25)));
    addHistory(m, date, value);
    if (m === duplicated && d === 12) {
      historyRows.push(historyRows[historyRows.length - 1].slice()); // the export repeated a row
      bad.push({ file: 'history.csv', row: historyRows.length, merchant: m.id, what: 'the same merchant and date twice', value: date });
    }
  });
  if (m === overlapping) {
    addHistory(m, '2025-11-11', money(toFen(m.baselineYuan * 3)));
    bad.push({ file: 'history.csv', row: historyRows.length, merchant: m.id, what: 'a history row inside the campaign (left out of the baseline, reported, not blocking)', value: '2025-11-11' });
  }
}

// --- campaign ------------------------------------------------------------------------------
const campaignRows: string[][] = [['商家ID', '商家名称', '日期', '成交金额', '磁力金牛消耗']];
const slash = (iso: string) => iso.replace(/-/g, '/');
campaignRows.push([example.id, example.name, slash('2025-11-11'), '¥523,456.78', '12,345.67']);
const newcomers = Array.from({ length: 5 }, (_, i) => ({ id: String(100000 + i * 7919).padStart(6, '0'), name: uniqueName(pick(CITIES) + '新店' + (i + 1)), baselineYuan: between(50000, 300000), lift: 2 }));
for (const m of [...merchants, ...newcomers]) {
  CAMPAIGN_DAYS.forEach((date, d) => {
    const gmvFen = toFen(m.baselineYuan * m.lift * DAY_FACTOR[d] * between(0.9, 1.1));
    let adSpend = random() < 0.1 ? '' : money(toFen(m.baselineYuan * between(0.02, 0.08)));
    if (m === negativeAd && d === 1) adSpend = '-1,200.00';
    campaignRows.push([m.id, m.name, slash(date), money(gmvFen), adSpend]);
    if (adSpend === '-1,200.00') bad.push({ file: 'campaign.csv', row: campaignRows.length, merchant: m.id, what: 'a negative ad spend', value: adSpend });
  });
  if (m === merchants[133]) {
    // A 12-digit id that went through Excel: the digits it lost cannot be recovered.
    campaignRows.push(['1.23457E+11', '深圳数码专营店', '2025/11/11', '¥356,000.00', '8,000.00']);
    bad.push({ file: 'campaign.csv', row: campaignRows.length, merchant: '(unknown)', what: 'an id converted to a number by a spreadsheet', value: '1.23457E+11' });
  }
}
bad.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);

// --- targets: the invitation list, some merchants with their own (lower) targets -----------
const targetRows: string[][] = [['商家ID', '商家名称', '一档', '二档', '三档']];
const uninvited = new Set(merchants.filter((_, i) => i % 25 === 7).map((m) => m.id));
for (const m of [example, ...merchants, ...newcomers]) {
  if (uninvited.has(m.id)) continue;
  const own = (m as Partial<Merchant>).baselineYuan! < 60000 && random() < 0.5;
  targetRows.push(own ? [m.id, m.name, '10万', '30万', '60万'] : [m.id, m.name, '', '', '']);
}

// --- wide history: the same cells, one column per day --------------------------------------
const wideRows: string[][] = [['商家ID', '商家名称', ...HISTORY_DAYS]];
for (const m of [example, ...merchants]) {
  const cells = wideCells.get(m.id)!;
  wideRows.push([m.id, m.name, ...HISTORY_DAYS.map((date) => cells.get(date) ?? '')]);
}

const policy = {
  tiers: [
    { min_gmv: '200000', cashback_rate: '30%', traffic_cap_per_day: 20000 },
    { min_gmv: '500000', cashback_rate: '50%', traffic_cap_per_day: 75000 },
    { min_gmv: '1000000', cashback_rate: '100%', traffic_cap_per_day: 200000 },
  ],
  red_packet_coefficient: '0.05',
  traffic_max_days: 5,
  invited_only: true,
};

mkdirSync(OUT, { recursive: true });
const write = (name: string, rows: string[][], bom = '') => writeFileSync(`${OUT}/${name}`, bom + rows.map(csv).join('\n') + '\n');
write('history.csv', historyRows);
write('history-wide.csv', wideRows);
write('campaign.csv', campaignRows, '\ufeff'); // as Excel saves "CSV UTF-8"
write('targets.csv', targetRows);
writeFileSync(`${OUT}/policy.json`, JSON.stringify(policy, null, 2) + '\n');
writeFileSync(`${OUT}/README.md`, readme());
console.log(`wrote ${OUT}/: ${historyRows.length - 1} history rows, ${campaignRows.length - 1} campaign rows, ${targetRows.length - 1} invited merchants`);

function readme(): string {
  const table = bad.map((b) => `| \`${b.file}\` | ${b.row} | ${b.merchant} | \`${b.value}\` | ${b.what} |`).join('\n');
  return `# Example data

A made-up but realistic Double 11 export (generated by \`scripts/make-examples.ts\`, seeded, so
\`npx tsx scripts/make-examples.ts\` rewrites exactly these files):

| file | what |
|---|---|
| \`history.csv\` | long history: 商家ID, 商家名称, 日期, 成交金额 — ${merchants.length} merchants × 30 days (2025-10-12 … 2025-11-10) |
| \`history-wide.csv\` | the same cells as one column per day (the rows that cannot exist in a wide table — the repeated row, the day-first date, the day inside the campaign — are not in it) |
| \`campaign.csv\` | 2025-11-11 … 2025-11-13: 商家ID, 商家名称, 日期, 成交金额, 磁力金牛消耗 (UTF-8 with a BOM, as Excel saves it) |
| \`targets.csv\` | the invitation list (一档/二档/三档 blank = the policy's tiers; some small merchants have their own) |
| \`policy.json\` | the Double 11 tiers with \`red_packet_coefficient: "0.05"\` and \`invited_only: true\` |

Money is written the ways exports write it: \`123456.78\`, \`123,456.78\`, \`¥123,456.78\`,
\`12.35万\`, \`123456.78元\`; some history days are blank (ignored, like AVERAGE) or 0 (counted).
Ids have leading zeros (\`000123\`), which must survive. Merchant \`000001\` is the SPEC §6
worked example (3 days of history, 2025-11-11 GMV ¥523,456.78, ad spend 12,345.67 → cash total
23,345.68). Five merchants are new (campaign only: \`no_baseline\`) and ${uninvited.size} are not on the
invitation list (\`not_invited\`).

## Deliberately bad rows

Row numbers are the ones a spreadsheet shows (header = row 1). Each one is listed in the
settlement's issues with that row number; a merchant with a rejected row is **blocked** (paid
nothing, its lines say why) until the row is fixed.

| file | row | merchant | value | what it demonstrates |
|---|---|---|---|---|
${table}

## Try it

\`\`\`
npx gmv-settle --history examples/history.csv --campaign examples/campaign.csv \\
  --targets examples/targets.csv --policy examples/policy.json --format xlsx --out settlement.xlsx
\`\`\`
`;
}

function dateRange(first: string, days: number): string[] {
  const start = Date.parse(first + 'T00:00:00Z');
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86400000).toISOString().slice(0, 10));
}
