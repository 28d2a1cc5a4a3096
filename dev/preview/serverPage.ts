/**
 * The local preview's page: an emulated spreadsheet (tabs and grid, drawn from the fake's
 * state) beside the real built sidebar in a 300 px iframe, with the example files ready to copy.
 * The page's own script is dev/preview/serverPageClient.ts, bundled when the server starts.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../../src/output/html';

export interface ExampleFile {
  /** Which sidebar input it belongs in: history, campaign or targets. */
  source: string;
  fileName: string;
  text: string;
}

/** What the page says, in the preview's language (PREVIEW_LOCALE). */
export const PAGE_TEXT = {
  en: {
    title: 'Settlement add-on · local preview',
    doc: 'Double 11 merchant incentives',
    sub: 'Local preview · emulated Google Sheets running the built add-on (dist/)',
    examples: 'Example data (examples/) — copy into the sidebar, or',
    loadAll: 'load all into the sidebar',
    hint: 'with the options of examples/policy.json ({options}); type the coefficient yourself (the file says {coefficient}): it is never filled in for you',
    sidebar: 'Settlement',
    copy: 'Copy',
    copied: 'Copied',
    paste: 'Paste into sidebar',
    lines: '{lines} lines → {source}',
    emptySheet: 'This sheet is empty.',
    noSheets: 'No sheets yet.',
    moreRows: '… {rows} more rows (GET /api/spreadsheet has them all)',
    menu: 'Extensions',
    addon: 'GMV Incentives',
    close: 'Close',
    editHint: 'Double-click a cell to edit it; click a tab to make it the active sheet (the menu acts on it).',
    protectedWarning: 'This cell is protected ("{description}"). Sheets warns before such an edit: change it anyway?',
    editFailed: 'Not changed: {why}',
  },
  zh: {
    title: '结算插件 · 本地预览',
    doc: '双11商家激励',
    sub: '本地预览 · 在模拟的 Google 表格中运行已构建的插件（dist/）',
    examples: '示例数据（examples/）——复制到侧边栏，或',
    loadAll: '全部载入侧边栏',
    hint: '并使用 examples/policy.json 的选项（{options}）；奖励系数请自行填写（文件中为 {coefficient}），系统不会代填',
    sidebar: '结算',
    copy: '复制',
    copied: '已复制',
    paste: '粘贴到侧边栏',
    lines: '{lines} 行 → {source}',
    emptySheet: '此工作表为空。',
    noSheets: '尚无工作表。',
    moreRows: '… 另有 {rows} 行（GET /api/spreadsheet 可获取全部）',
    menu: '扩展程序',
    addon: 'GMV Incentives',
    close: '关闭',
    editHint: '双击单元格即可编辑；点击工作表标签使其成为当前工作表（菜单对当前工作表操作）。',
    protectedWarning: '此单元格受保护（“{description}”）。Google 表格会在修改前提示：仍要修改吗？',
    editFailed: '未修改：{why}',
  },
};
export type PageLanguage = keyof typeof PAGE_TEXT;
export type PageText = (typeof PAGE_TEXT)['en'];

/** The policy options of examples/policy.json that the sidebar's form has, and its coefficient. */
export interface ExamplePolicy {
  options: Record<string, string | number | boolean>;
  coefficient?: string;
}

export async function bundlePageClient(): Promise<string> {
  const result = await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'serverPageClient.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    charset: 'utf8',
  });
  return result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
}

/** JSON that is safe inside <script>: no "<" can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}


export function previewPageHtml(examples: ExampleFile[], clientJs: string, policy: ExamplePolicy, language: PageLanguage = 'en'): string {
  const text = PAGE_TEXT[language];
  const options = Object.keys(policy.options).map((key) => `${key}: ${policy.options[key]}`).join(', ');
  const hint = text.hint.replace('{options}', options || '—').replace('{coefficient}', policy.coefficient || '—');
  return `<!DOCTYPE html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(text.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<div class="sheets">
  <div class="topbar"><span class="logo"></span><div><div class="doc">${escapeHtml(text.doc)}</div><div class="sub">${escapeHtml(text.sub)}</div></div></div>
  <nav class="menubar"><span class="menu-wrap"><button type="button" id="addon-menu" data-testid="addon-menu">${escapeHtml(text.menu)} › ${escapeHtml(text.addon)} ▾</button><div id="menu-items" class="menu-items" data-testid="menu-items" hidden></div></span><span class="hint">${escapeHtml(text.editHint)}</span></nav>
  <div id="toasts" class="toasts" data-testid="toasts" aria-live="polite"></div>
  <div id="dialog" class="dialog" data-testid="dialog" hidden><div class="dialog-box"><div class="dialog-title"><span id="dialog-title"></span><button type="button" id="dialog-close" data-testid="dialog-close">${escapeHtml(text.close)}</button></div><iframe id="dialog-frame" sandbox="" title="dialog" data-testid="dialog-frame"></iframe></div></div>
  <details class="examples" open>
    <summary>${escapeHtml(text.examples)} <button type="button" id="load-all" data-testid="load-all">${escapeHtml(text.loadAll)}</button> <span class="hint" data-testid="load-all-hint">${escapeHtml(hint)}</span></summary>
    <div id="example-boxes" class="boxes"></div>
  </details>
  <div class="grid-wrap" id="grid" data-testid="sheet-grid"></div>
  <div class="tabbar" id="tabs" data-testid="sheet-tabs"></div>
</div>
<aside class="sidebar">
  <div class="sidebar-title">${escapeHtml(text.sidebar)} <span>×</span></div>
  <iframe id="sidebar" src="/sidebar" title="${escapeHtml(text.sidebar)}" data-testid="sidebar-frame"></iframe>
</aside>
<script>window.PREVIEW_EXAMPLES = ${scriptJson(examples)}; window.PREVIEW_POLICY_OPTIONS = ${scriptJson(policy.options)}; window.PREVIEW_TEXT = ${scriptJson(text)};</script>
<script>${clientJs}</script>
</body>
</html>`;
}

const PAGE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; font: 13px/1.4 Arial, Roboto, "PingFang SC", "Microsoft YaHei", sans-serif; color: #202124; background: #f8f9fa; }
.sheets { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.topbar { display: flex; gap: 10px; align-items: center; padding: 8px 14px; background: #fff; border-bottom: 1px solid #dadce0; }
.logo { width: 22px; height: 28px; border-radius: 3px; background: #0f9d58; box-shadow: inset 0 -9px 0 #0b8043; }
.doc { font-size: 17px; } .sub { font-size: 12px; color: #5f6368; }
.examples { background: #fff; border-bottom: 1px solid #dadce0; padding: 6px 14px; }
.examples summary { cursor: pointer; color: #5f6368; }
.examples .hint { color: #5f6368; font-size: 12px; margin-left: 6px; }
button { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #fff; border-radius: 4px; padding: 2px 8px; cursor: pointer; color: #1a73e8; }
button:hover { background: #f1f3f4; }
.boxes { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; margin: 6px 0 4px; }
.box { border: 1px solid #dadce0; border-radius: 6px; overflow: hidden; background: #fff; }
.box header { display: flex; gap: 6px; align-items: center; padding: 4px 8px; background: #f1f3f4; font-weight: 600; }
.box header .rows { font-weight: 400; color: #5f6368; flex: 1; font-size: 12px; }
.box textarea { width: 100%; height: 74px; border: 0; resize: vertical; font: 11px/1.35 ui-monospace, Menlo, Consolas, monospace; padding: 4px 8px; white-space: pre; color: #3c4043; }
.grid-wrap { flex: 1; overflow: auto; background: #fff; }
table.grid { border-collapse: separate; border-spacing: 0; font-size: 12px; }
.grid th, .grid td { border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; height: 21px; }
.grid thead th { position: sticky; top: 0; background: #f8f9fa; color: #5f6368; font-weight: 400; z-index: 2; text-align: center; min-width: 64px; }
.grid tbody th { position: sticky; left: 0; background: #f8f9fa; color: #5f6368; font-weight: 400; text-align: center; min-width: 40px; z-index: 1; }
.grid thead th:first-child { left: 0; z-index: 3; }
.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid td.formula { color: #b06000; font-style: italic; }
.grid tr.frozen td { background: #f1f8e9; font-weight: 600; border-bottom: 2px solid #bdc1c6; }
.grid .more td { color: #5f6368; font-style: italic; }
.empty { padding: 40px; color: #5f6368; }
.tabbar { display: flex; gap: 2px; padding: 0 8px; background: #f1f3f4; border-top: 1px solid #dadce0; overflow-x: auto; min-height: 34px; align-items: stretch; }
.tabbar button { border: 0; border-radius: 0; background: transparent; color: #3c4043; padding: 6px 14px; font-size: 13px; white-space: nowrap; }
.tabbar button.on { background: #fff; color: #188038; font-weight: 600; box-shadow: inset 0 -3px 0 #188038; }
.sidebar { width: 302px; flex: none; display: flex; flex-direction: column; background: #fff; border-left: 1px solid #dadce0; box-shadow: -1px 0 4px rgba(60,64,67,.12); }
.sidebar-title { display: flex; justify-content: space-between; padding: 12px 14px; font-size: 16px; border-bottom: 1px solid #dadce0; }
.sidebar-title span { color: #5f6368; }
.sidebar iframe { width: 300px; flex: 1; border: 0; }
.menubar { display: flex; gap: 12px; align-items: center; padding: 2px 14px; background: #fff; border-bottom: 1px solid #dadce0; }
.menubar .hint { color: #5f6368; font-size: 12px; }
.menu-wrap { position: relative; }
.menubar #addon-menu { border: 0; color: #202124; font-size: 13px; padding: 4px 8px; }
.menu-items { position: absolute; z-index: 10; top: 100%; left: 0; background: #fff; border: 1px solid #dadce0; box-shadow: 0 2px 8px rgba(60,64,67,.25); min-width: 260px; padding: 4px 0; }
.menu-items button { display: block; width: 100%; text-align: left; border: 0; border-radius: 0; color: #202124; padding: 6px 16px; font-size: 13px; }
.menu-items hr { border: 0; border-top: 1px solid #dadce0; margin: 4px 0; }
.toasts { position: fixed; left: 16px; bottom: 48px; z-index: 20; display: flex; flex-direction: column; gap: 6px; max-width: 520px; }
.toast { background: #323232; color: #fff; padding: 8px 12px; border-radius: 4px; font-size: 13px; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.toast.alert { background: #fce8e6; color: #c5221f; border: 1px solid #f6aea9; }
[hidden] { display: none !important; }
.dialog { position: fixed; inset: 0; background: rgba(32,33,36,.5); z-index: 30; display: flex; align-items: center; justify-content: center; }
.dialog-box { background: #fff; width: 680px; height: 560px; display: flex; flex-direction: column; border-radius: 6px; overflow: hidden; }
.dialog-title { display: flex; justify-content: space-between; padding: 10px 14px; font-size: 16px; border-bottom: 1px solid #dadce0; }
.dialog-box iframe { flex: 1; border: 0; }
.grid td.editing { padding: 0; }
.grid td.editing input { width: 100%; border: 2px solid #1a73e8; font: inherit; padding: 1px 4px; }
`;
