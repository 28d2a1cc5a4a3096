/** The help dialog's text: static, escaped, in the user's language. */
import type { Language } from '../core/reasons';

const SECTIONS: Record<Language, { title: string; items: [string, string][] }> = {
  en: {
    title: 'Double 11 incentive settlement: help',
    items: [
      ['Workflow', 'Open the sidebar. Paste the merchant history and the campaign-day GMV (TSV copied from Sheets or CSV from the back office), or choose a file or a range of this spreadsheet. Set the red-packet coefficient, check the preview (column mapping, rows read / used / rejected, issues, totals), then press the button to write the settlement.'],
      ['Coefficient', 'The red-packet coefficient (奖励系数) multiplies the incremental GMV. The programme does not publish it, so it must be set every time, for example 0.05 or 5%; it is never guessed.'],
      ['The settlement', 'Two new sheets: the daily lines (frozen header, filter; money as numbers) and a summary with totals, the run record (policy, row counts, SHA-256 of the inputs, time, user), input issues with their row numbers, and one row per merchant. Earlier settlements are never overwritten; settling the same inputs and policy again points to the existing sheet.'],
      ['Policy sheet', 'Menu › Insert Policy sheet adds the tiers (threshold, cashback rate, daily traffic cap, optional coefficient) behind the named range GMV_POLICY. Edit it, then tick "use the Policy sheet" in the sidebar.'],
      ['Custom functions', 'INCREMENTAL_GMV, GMV_TIER, TIER_REWARD, GMV_TO_NEXT_TIER and SETTLEMENT work in any cell, for example =TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", GMV_POLICY). The last argument may be the Policy sheet; change a rate there and every formula recalculates.'],
      ['Bad rows', 'Nothing is dropped silently. A merchant with a rejected row (bad number, bad date, duplicate day) is blocked: it gets no payout and its lines say why.'],
    ],
  },
  zh: {
    title: '双11中小商家登峰激励结算:帮助',
    items: [
      ['使用流程', '打开侧边栏,粘贴商家历史数据和活动日GMV(从表格复制的TSV或后台导出的CSV),也可选择文件或本表格中的区域。填写红包奖励系数,查看预览(列映射、读取/使用/拒绝行数、问题、合计),再点击按钮写入结算表。'],
      ['奖励系数', '天降红包 = 增量GMV × 奖励系数。活动规则未公布系数,因此每次都必须填写,例如 0.05 或 5%,绝不默认或猜测。'],
      ['结算表', '新建两个工作表:每日明细(冻结表头、带筛选,金额为数值)和汇总(合计、运行记录:政策、行数、输入数据SHA-256、时间、操作人;带行号的输入问题;每个商家一行)。不会覆盖以前的结算;相同输入和政策再次结算时会指向已有的工作表。'],
      ['政策表', '菜单 › 插入政策表:以命名区域 GMV_POLICY 列出各档(门槛、返还比例、每日流量封顶、可选系数)。修改后在侧边栏勾选"使用政策表"。'],
      ['自定义函数', 'INCREMENTAL_GMV、GMV_TIER、TIER_REWARD、GMV_TO_NEXT_TIER、SETTLEMENT 可在任意单元格使用,例如 =TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", GMV_POLICY)。最后一个参数可以是政策表,修改比例后所有公式自动重算。'],
      ['错误数据', '不会静默丢弃任何数据。有被拒绝行(数字错误、日期错误、同日重复)的商家将被冻结:不发放奖励,明细中写明原因。'],
    ],
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

export function helpTitle(language: Language): string {
  return SECTIONS[language].title;
}

export function helpHtml(language: Language): string {
  const body = SECTIONS[language].items
    .map(([heading, text]) => `<h3>${escapeHtml(heading)}</h3><p>${escapeHtml(text)}</p>`)
    .join('');
  return `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><style>body{font:13px/1.5 Arial,"Microsoft YaHei",sans-serif;margin:12px}h3{font-size:14px;margin:12px 0 4px}p{margin:0}</style></head><body>${body}</body></html>`;
}
