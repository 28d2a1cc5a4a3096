/**
 * The paste box of one input. Small pastes stay editable in the textarea; a large one is taken
 * out into memory and shown as a summary card, because Chromium needs ~1 s to lay out a
 * textarea holding 50k lines, on every repaint — the preview's whole time budget, spent on
 * drawing text nobody can read in 300 px anyway.
 */
import type { SourceName } from '../input/table';
import { el, replaceChildren } from './dom';
import { countLines } from './files';
import { t } from './i18n';

const LARGE_PASTE_CHARS = 100000;
const CARD_LINES = 3;

export interface PasteBox {
  element: HTMLElement;
  text(): string;
}

export function pasteBox(source: SourceName, label: string, onChange: () => void): PasteBox {
  let held: string | undefined;
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
    card.hidden = true;
    textarea.hidden = false;
  };
  const holdIfLarge = () => {
    if (textarea.value.length <= LARGE_PASTE_CHARS) return;
    // Taken out in the same task as the paste, before the browser lays the text out.
    held = textarea.value;
    textarea.value = '';
    textarea.hidden = true;
    const firstLines = held.slice(0, 2000).split('\n').slice(0, CARD_LINES);
    const clear = () => {
      release();
      textarea.focus();
      onChange();
    };
    replaceChildren(card, [
      el('div', { class: 'pasted-head' }, [
        el('span', { text: t('pastedSummary', { lines: countLines(held), size: (held.length / 1048576).toFixed(1) }) }),
        el('button', { type: 'button', class: 'link', 'data-testid': `${source}-clear`, text: t('clear'), onclick: clear }),
      ]),
      el('pre', { text: firstLines.join('\n') + '\n…' }),
    ]);
    card.hidden = false;
  };
  textarea.addEventListener('input', () => {
    holdIfLarge();
    onChange();
  });

  return {
    element: el('div', {}, [textarea, card]),
    text: () => (held !== undefined ? held : textarea.value),
  };
}
