/** The help dialog's text: static, escaped, in the user's language. */
import type { Language } from '../output/language';
import { FUNCTION_DECLARATIONS } from '../functions/declarations';
import { escapeHtml } from '../output/html';

// The names from the declarations, so a new custom function is in the help without a second edit.
const NAMES = FUNCTION_DECLARATIONS.map((d) => d.name);
const NAMES_EN = `${NAMES.slice(0, -1).join(', ')} and ${NAMES[NAMES.length - 1]}`;
const NAMES_ZH = NAMES.join('、');

const SECTIONS: Record<Language, { title: string; items: [string, string][] }> = {
  en: {
    title: 'Double 11 incentive settlement: help',
    items: [
      ['Workflow', 'Open the sidebar. Paste the merchant history and the campaign-day GMV (TSV copied from Sheets or CSV from the back office), or choose a file or a range of this spreadsheet. Set the red-packet coefficient, check the preview (column mapping, rows read / used / rejected, issues, totals), then press the button to write the settlement.'],
      ['Coefficient', 'The red-packet coefficient (奖励系数) multiplies the incremental GMV. The programme does not publish it, so it must be set every time, for example 0.05 or 5%; it is never guessed.'],
      ['The settlement', 'Two new sheets: the daily lines (frozen header, filter; money as numbers) and a summary with totals, the run record (policy, row counts, SHA-256 of the inputs, time, user), input issues with their row numbers, and one row per merchant. Earlier settlements are never overwritten; settling the same inputs and policy again points to the existing sheet, even after you rename it.'],
      ['Who ran it', "The run record's user is Apps Script's temporary user key, not an e-mail address: the add-on does not ask for permission to see your address. The key tells one person's runs from another's and changes every 30 days."],
      ['Large settlements', 'A settlement is written in blocks of 10,000 lines, with a progress bar; until the last block is in, its sheets are named "… (writing)". If a write is interrupted, the next write or Menu › Remove interrupted writes removes those sheets. A spreadsheet holds at most 10,000,000 cells: a settlement that would not fit is refused before anything is written; use the gmv-settle command line for it, or fewer merchants per run.'],
      ['Policy sheet', 'Menu › Insert Policy sheet adds the tiers (threshold, cashback rate, daily traffic cap, optional coefficient) behind the named range GMV_POLICY. Edit it, then tick "use the Policy sheet" in the sidebar.'],
      ['Custom functions', `${NAMES_EN} work in any cell, for example =TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", GMV_POLICY). The last argument may be the Policy sheet; change a rate there and every formula recalculates. In an installed add-on they work only in spreadsheets where the add-on is enabled: open its menu (Extensions › GMV Incentives) once in each spreadsheet. SETTLEMENT returns at most 20,000 rows; write larger settlements with the sidebar.`],
      ['What-if', 'Under the preview, What-if finds the largest coefficient a budget allows (each line rounded as the settlement rounds it), what is paid if every campaign GMV changes by -10% or +10%, and the merchants just short of their next tier; Compare baselines settles the same data under other baseline choices (only the last N days, dates left out, days required) and lists the merchants whose tier changes. In formulas: =COEFFICIENT_FOR_BUDGET(History!A:D, Campaign!A:E, 500000), =PAYOUT_SCENARIOS(…, 0.05, {-0.1;0;0.1}), =NEAR_NEXT_TIER(…, "10%").'],
      ['PERMISSION_DENIED', 'When you are signed in to several Google accounts at once, Google may fail the sidebar with PERMISSION_DENIED. Open the spreadsheet in a window where only the account that installed the add-on is signed in (a new browser profile or a guest window).'],
      ['Bad rows', 'Nothing is dropped silently. A merchant with a rejected row (bad number, bad date, duplicate day) is blocked: it gets no payout and its lines say why.'],
    ],
  },
  zh: {
    title: '双11中小商家登峰激励结算：帮助',
    items: [
      ['使用流程', '打开侧边栏，粘贴商家历史数据和活动日GMV（从表格复制的TSV或后台导出的CSV），也可选择文件或本表格中的区域。填写红包奖励系数，查看预览（列映射、读取/使用/拒绝行数、问题、合计），再点击按钮写入结算表。'],
      ['奖励系数', '天降红包 = 增量GMV × 奖励系数。活动规则未公布系数，因此每次都必须填写，例如 0.05 或 5%，绝不默认或猜测。'],
      ['结算表', '新建两个工作表：每日明细（冻结表头、带筛选，金额为数值）和汇总（合计、运行记录：政策、行数、输入数据SHA-256、时间、操作人；带行号的输入问题；每个商家一行）。不会覆盖以前的结算；相同输入和政策再次结算时会指向已有的工作表，即使该表已改名。'],
      ['操作人', '运行记录中的操作人是 Apps Script 的临时用户密钥，而不是电子邮件地址：本插件不申请查看您邮箱地址的权限。该密钥可区分不同人员的运行记录，每 30 天更换一次。'],
      ['大型结算', '结算按每批 10,000 行分批写入，并显示进度条；最后一批写入前，工作表名称带有“(写入中)”。写入中断时，下次写入或菜单 › 清理中断的写入会移除这些工作表。每个表格最多 10,000,000 个单元格：放不下的结算会在写入任何内容之前被拒绝，请改用命令行工具 gmv-settle，或每次结算较少的商家。'],
      ['政策表', '菜单 › 插入政策表：以命名区域 GMV_POLICY 列出各档（门槛、返还比例、每日流量封顶、可选系数）。修改后在侧边栏勾选“使用政策表”。'],
      ['自定义函数', `${NAMES_ZH} 可在任意单元格使用，例如 =TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", GMV_POLICY)。最后一个参数可以是政策表，修改比例后所有公式自动重算。以插件方式安装时，这些函数只在已启用本插件的表格中可用：请在每个表格中打开一次插件菜单（扩展程序 › GMV Incentives）。SETTLEMENT 最多返回 20,000 行，更大的结算请用侧边栏写入。`],
      ['测算', '预览下方的“测算”可求出预算内可用的最大奖励系数（按结算逐行四舍五入）、所有活动日GMV变化 -10% 或 +10% 时的发放金额，以及距下一档只差一点的商家；“比较过往日均口径”用其他口径（只取最近 N 天、剔除日期、至少天数）重新结算同一组数据，并列出档位发生变化的商家。公式用法：=COEFFICIENT_FOR_BUDGET(History!A:D, Campaign!A:E, 500000)、=PAYOUT_SCENARIOS(…, 0.05, {-0.1;0;0.1})、=NEAR_NEXT_TIER(…, "10%")。'],
      ['PERMISSION_DENIED', '同时登录多个 Google 账号时，Google 可能以 PERMISSION_DENIED 使侧边栏调用失败。请在只登录了安装本插件的账号的窗口中打开表格（新的浏览器用户资料或访客窗口）。'],
      ['错误数据', '不会静默丢弃任何数据。有被拒绝行（数字错误、日期错误、同日重复）的商家将被冻结：不发放奖励，明细中写明原因。'],
    ],
  },
};

export function helpTitle(language: Language): string {
  return SECTIONS[language].title;
}

export function helpHtml(language: Language): string {
  const body = SECTIONS[language].items
    .map(([heading, text]) => `<h3>${escapeHtml(heading)}</h3><p>${escapeHtml(text)}</p>`)
    .join('');
  return `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><style>body{font:13px/1.5 Arial,"Microsoft YaHei",sans-serif;margin:12px}h3{font-size:14px;margin:12px 0 4px}p{margin:0}</style></head><body>${body}</body></html>`;
}
