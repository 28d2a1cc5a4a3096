/**
 * HtmlService: outputs keep their content, title and size so tests can read what a dialog
 * would show. createHtmlOutputFromFile reads from the files the environment was given (the
 * preview passes dist/'s HTML), because Apps Script looks files up by name in the project.
 */
import type { Checked } from './checked';

type HtmlOutputMethods = 'getContent' | 'setContent' | 'append' | 'appendUntrusted' | 'setTitle' | 'getTitle' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag';

export class FakeHtmlOutput implements Checked<GoogleAppsScript.HTML.HtmlOutput, HtmlOutputMethods> {
  _title = '';
  _width = 0;
  _height = 0;

  constructor(public _content: string) {}

  getContent(): string {
    return this._content;
  }

  setContent(content: string): FakeHtmlOutput {
    this._content = String(content);
    return this;
  }

  append(html: string): FakeHtmlOutput {
    this._content += String(html);
    return this;
  }

  appendUntrusted(text: string): FakeHtmlOutput {
    this._content += escapeHtml(String(text));
    return this;
  }

  setTitle(title: string): FakeHtmlOutput {
    this._title = String(title);
    return this;
  }

  getTitle(): string {
    return this._title;
  }

  setWidth(width: number): FakeHtmlOutput {
    this._width = width;
    return this;
  }

  getWidth(): number {
    return this._width;
  }

  setHeight(height: number): FakeHtmlOutput {
    this._height = height;
    return this;
  }

  getHeight(): number {
    return this._height;
  }

  setSandboxMode(_mode: unknown): FakeHtmlOutput {
    return this;
  }

  setXFrameOptionsMode(_mode: unknown): FakeHtmlOutput {
    return this;
  }

  addMetaTag(_name: string, _content: string): FakeHtmlOutput {
    return this;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** `files`: project file name (without .html) → content, or a loader called with that name. */
export function createHtmlService(files: Record<string, string> | ((name: string) => string | undefined)) {
  const load = (name: string): string => {
    const key = String(name).replace(/\.html$/, '');
    const content = typeof files === 'function' ? files(key) : files[key];
    if (content === undefined) throw new Error(`No HTML file named ${key} was found.`);
    return content;
  };
  const methods: Checked<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplateFromFile'> = {
    createHtmlOutput: (html: unknown = '') => new FakeHtmlOutput(String(html)),
    createHtmlOutputFromFile: (name: string) => new FakeHtmlOutput(load(name)),
    /** Templates are served as written: the add-on does not use scriptlets. */
    createTemplateFromFile: (name: string) => ({ evaluate: () => new FakeHtmlOutput(load(name)) }),
  };
  return {
    SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    ...methods,
  };
}
