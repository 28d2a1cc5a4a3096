/**
 * The preview page's Sheets chrome (bundled into serverPageClient.ts): the add-on menu that
 * onOpen built, each item calling its server function as Sheets' menu does; and what the add-on
 * showed a person (toasts, alerts, dialogs), drawn in the page. Text from the add-on goes in with
 * textContent; a dialog's HTML goes into a frame sandboxed to run nothing.
 */
import type { MenuEntry, UiJson } from './serverRuntime';

interface PageGlobals {
  /** The page's words in the preview's language (serverPage.ts PAGE_TEXT). */
  PREVIEW_TEXT: Record<string, string>;
}

/** A page word, with {name} filled in. */
export function say(key: string, vars: Record<string, string | number> = {}): string {
  const text = (window as unknown as PageGlobals).PREVIEW_TEXT;
  return (text[key] || key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function node<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (cls) element.className = cls;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A POST of JSON to the preview server; its error message when it refused. */
export function post(path: string, body: unknown): Promise<{ ok: boolean; error?: string }> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((response) =>
    response.json().then((reply: { error?: string }) => ({ ok: response.ok, error: reply.error })),
  );
}

/** How long a toast stays, as Sheets' toasts last some seconds. */
const TOAST_MS = 12000;

export function showToast(text: string, alert = false): void {
  const host = document.getElementById('toasts') as HTMLElement;
  const toast = host.appendChild(node('div', alert ? 'toast alert' : 'toast', text));
  toast.setAttribute('data-testid', alert ? 'alert' : 'toast');
  setTimeout(() => toast.remove(), TOAST_MS);
}

let seen: UiJson | undefined;
/**
 * Shows what the add-on showed since the last look: toasts and alerts as toasts, the latest
 * dialog in a sandboxed frame, and the sidebar opened again when the add-on opened it. The first
 * look only takes note: a reloaded page does not replay what was shown before.
 */
export async function showUi(): Promise<void> {
  const ui = (await (await fetch('/api/ui')).json()) as UiJson;
  const before = seen;
  seen = ui;
  if (!before) return;
  ui.toasts.slice(before.toasts.length).forEach((t) => showToast(t.title ? `${t.title}: ${t.message}` : t.message));
  ui.alerts.slice(before.alerts.length).forEach((a) => showToast(a, true));
  const dialog = ui.dialogs[ui.dialogs.length - 1];
  if (dialog && ui.dialogs.length > before.dialogs.length) {
    (document.getElementById('dialog-title') as HTMLElement).textContent = dialog.title;
    // srcdoc in a frame with an empty sandbox: the add-on's HTML shows, but runs nothing here.
    (document.getElementById('dialog-frame') as HTMLIFrameElement).srcdoc = dialog.html;
    (document.getElementById('dialog') as HTMLElement).hidden = false;
  }
  // "Open settlement sidebar": the sidebar starts again, reading the spreadsheet anew.
  if (ui.sidebarsShown > before.sidebarsShown) (document.getElementById('sidebar') as HTMLIFrameElement).contentWindow?.location.reload();
}

/** The add-on menu, as onOpen built it; `afterCall` redraws the spreadsheet once an item ran. */
export async function drawMenu(afterCall: () => Promise<void>): Promise<void> {
  const entries = (await (await fetch('/api/menu')).json()) as MenuEntry[];
  const host = document.getElementById('menu-items') as HTMLElement;
  const toggle = document.getElementById('addon-menu') as HTMLButtonElement;
  entries.forEach((entry) => {
    if ('separator' in entry) return void host.appendChild(node('hr'));
    const item = host.appendChild(node('button', '', entry.caption));
    item.type = 'button';
    item.setAttribute('data-testid', `menu-${entry.functionName}`);
    item.addEventListener('click', () => {
      host.hidden = true;
      post(`/api/run/${encodeURIComponent(entry.functionName)}`, []).then((answer) => {
        // As Sheets reports a failed menu script: its message, no stack.
        if (!answer.ok) showToast(answer.error || '', true);
        return Promise.all([afterCall(), showUi()]);
      });
    });
  });
  toggle.addEventListener('click', () => (host.hidden = !host.hidden));
  (document.getElementById('dialog-close') as HTMLButtonElement).addEventListener('click', () => ((document.getElementById('dialog') as HTMLElement).hidden = true));
}
