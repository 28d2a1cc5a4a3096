/**
 * The paste box of one input. Small pastes stay editable in the textarea; a large one is taken
 * out into memory and shown as a summary card, because Chromium needs ~1 s to lay out a
 * textarea holding 50k lines, on every repaint — the preview's whole time budget, spent on
 * drawing text nobody can read in 300 px anyway.
 */
import type { SourceName } from '../input/table';
import { MAX_CALL_CHARS } from '../protocol/limits';
import { groupedCount } from '../output/counts';
import { el, replaceChildren } from './dom';
import { countLines } from './files';
import { t } from './i18n';

const LARGE_PASTE_CHARS = 100000;
const CARD_LINES = 3;

export interface PasteBox {
  element: HTMLElement;
  text(): string;
  /** Why the paste was refused (too large to send), or undefined. */
  refused(): string | undefined;
}

export function pasteBox(source: SourceName, label: string, onChange: () => void): PasteBox {
  let held: string | undefined;
  let refusal: string | undefined;
  const textarea = el('textarea', {
    'data-testid': `${source}-input`,
    placeholder: t('pastePlaceholder'),
    spellcheck: 'false',
    rows: 4,
    wrap: 'off',
    'aria-label': label,
  });
  const card = el('div', { class: 'pasted', hidden: true, 'data-testid': `${source}-pasted` });

  const release = () => {
    held = undefined;
    refusal = undefined;
    card.hidden = true;
    card.className = 'pasted';
    textarea.hidden = false;
  };
  const clear = () => {
    release();
    textarea.focus();
    onChange();
  };
  const clearButton = () => el('button', { type: 'button', class: 'link', 'data-testid': `${source}-clear`, text: t('clear'), onclick: clear });
  const holdIfLarge = () => {
    if (textarea.value.length <= LARGE_PASTE_CHARS) return;
    // Taken out in the same task as the paste, before the browser lays the text out.
    const pasted = textarea.value;
    textarea.value = '';
    textarea.hidden = true;
    card.hidden = false;
    if (pasted.length > MAX_CALL_CHARS) {
      // Not kept at all: it could never be sent, and holding 50 MB only slows the page down.
      refusal = t('pasteTooLarge', { chars: groupedCount(pasted.length), limit: groupedCount(MAX_CALL_CHARS) });
      card.className = 'pasted error';
      replaceChildren(card, [el('div', { class: 'pasted-head' }, [el('span', { role: 'alert', 'data-testid': `${source}-refused`, text: refusal }), clearButton()])]);
      return;
    }
    held = pasted;
    const firstLines = held.slice(0, 2000).split('\n').slice(0, CARD_LINES);
    replaceChildren(card, [
      el('div', { class: 'pasted-head' }, [
        el('span', { text: t('pastedSummary', { lines: countLines(held), size: (held.length / 1048576).toFixed(1) }) }),
        clearButton(),
      ]),
      el('pre', { text: firstLines.join('\n') + '\n…' }),
    ]);
  };
  textarea.addEventListener('input', () => {
    holdIfLarge();
    onChange();
  });

  return {
    element: el('div', {}, [textarea, card]),
    text: () => (held !== undefined ? held : textarea.value),
    refused: () => refusal,
  };
}
