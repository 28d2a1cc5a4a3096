/**
 * Server functions are callable by anything that can run google.script.run in the document,
 * not only by our sidebar, so each one checks what it receives: shape, types and sizes. A
 * request that does not fit is refused whole, with a sentence that says what to send instead.
 */
import { POLICY_OPTIONS } from '../core/policyKeys';
import { readOption } from '../input/policyReader';
import { expectedValue } from '../input/policyText';
import { LINE_COLUMNS } from '../output/tables';
import { MAX_CELL_CHARS } from '../output/sheetText';
import { callChars, MAX_CALL_CHARS, MAX_TABLE_CELLS, rowsPerCall } from '../protocol/limits';
import type { InputSource, JsonCell, PolicyOptions, RowsBlock, RunSheetRequest, SettlementRequest } from '../protocol/messages';
import { MAX_CAMPAIGN_NAME_CHARS, readCampaignName } from '../input/campaignName';

/** No text can be longer than the call that carries it. */
export const MAX_TEXT_CHARS = MAX_CALL_CHARS;
/** Cells of one table from a parsed file or a range. */
/** Sheets' own limit for one cell. */
export { MAX_CELL_CHARS };
export const MAX_A1_CHARS = 300;
const MAX_FILE_NAME_CHARS = 255;
const MAX_COEFFICIENT_CHARS = 40;

export class RequestError extends Error {}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `a text of ${value.length} characters` : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function onlyKeys(obj: Json, allowed: string[], where: string): void {
  Object.keys(obj).forEach((key) => {
    if (allowed.indexOf(key) < 0) throw new RequestError(`${where}: unknown field "${key}"; expected only ${allowed.join(', ')}`);
  });
}

function text(value: unknown, where: string, max: number, required = true): string {
  if (typeof value !== 'string') throw new RequestError(`${where} must be text, not ${describe(value)}`);
  if (required && value.trim() === '') throw new RequestError(`${where} is empty`);
  if (value.length > max) throw new RequestError(`${where} is too long: ${value.length} characters, at most ${max}`);
  return value;
}

/** An A1 reference, sheet name or named range, as the sidebar's range picker sends it. */
export function checkA1(value: unknown, where = 'the range'): string {
  return text(value, where, MAX_A1_CHARS).trim();
}

function checkCells(value: unknown, where: string): JsonCell[][] {
  if (!Array.isArray(value)) throw new RequestError(`${where}.cells must be a list of rows, not ${describe(value)}`);
  let count = 0;
  value.forEach((row, r) => {
    if (!Array.isArray(row)) throw new RequestError(`${where}.cells row ${r + 1} must be a list of cells, not ${describe(row)}`);
    count += row.length;
    if (count > MAX_TABLE_CELLS) throw new RequestError(`${where} has more than ${MAX_TABLE_CELLS} cells; split the data or paste it as text`);
    row.forEach((cell, c) => {
      const at = `${where} row ${r + 1}, column ${c + 1}`;
      if (cell === null || typeof cell === 'boolean') return;
      if (typeof cell === 'number') {
        if (!isFinite(cell)) throw new RequestError(`${at} is not a finite number`);
        return;
      }
      if (typeof cell !== 'string') throw new RequestError(`${at} must be text, a number, true/false or empty, not ${describe(cell)}`);
      if (cell.length > MAX_CELL_CHARS) throw new RequestError(`${at} has ${cell.length} characters; a cell holds at most ${MAX_CELL_CHARS}`);
    });
  });
  return value as JsonCell[][];
}

export function checkInputSource(value: unknown, where: string): InputSource {
  if (!isObject(value)) throw new RequestError(`${where} must be an input such as {kind: "text", text: "…"}, not ${describe(value)}`);
  const fileName = value.fileName === undefined ? undefined : text(value.fileName, `${where}.fileName`, MAX_FILE_NAME_CHARS, false);
  switch (value.kind) {
    case 'text':
      onlyKeys(value, ['kind', 'text', 'fileName'], where);
      return { kind: 'text', text: text(value.text, `${where}.text`, MAX_TEXT_CHARS), fileName };
    case 'cells':
      onlyKeys(value, ['kind', 'cells', 'fileName'], where);
      return { kind: 'cells', cells: checkCells(value.cells, where), fileName };
    case 'range':
      onlyKeys(value, ['kind', 'a1'], where);
      return { kind: 'range', a1: checkA1(value.a1, `${where}.a1`) };
    default:
      throw new RequestError(`${where}.kind must be "text", "cells" or "range", not ${describe(value.kind)}`);
  }
}

function choice<T extends string>(value: unknown, where: string, choices: T[]): T {
  if (typeof value === 'string' && (choices as string[]).indexOf(value) >= 0) return value as T;
  throw new RequestError(`${where} must be one of ${choices.map((c) => `"${c}"`).join(', ')}, not ${describe(value)}`);
}

function bool(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new RequestError(`${where} must be true or false, not ${describe(value)}`);
  return value;
}

/** Every option of the policy, each read by the policy reader's rule for its kind. */
export function checkOptions(value: unknown): PolicyOptions {
  const keys = POLICY_OPTIONS.map((spec) => spec.key);
  if (!isObject(value)) throw new RequestError(`options must be an object with ${keys.join(', ')}, not ${describe(value)}`);
  onlyKeys(value, keys, 'options');
  const options: Record<string, unknown> = {};
  POLICY_OPTIONS.forEach((spec) => {
    const read = readOption(spec, value[spec.key]);
    if (read === undefined) throw new RequestError(`options.${spec.key} must be ${expectedValue(spec).en}, not ${describe(value[spec.key])}`);
    options[spec.key] = read;
  });
  return options as PolicyOptions;
}

const REQUEST_KEYS = ['history', 'campaign', 'targets', 'coefficient', 'options', 'usePolicySheet', 'previewedPolicyTiers', 'language', 'campaignName', 'holds', 'against'];
/** A policy has a handful of tiers; anything longer is not from our sidebar. */
const MAX_PREVIEWED_TIERS = 20;

/** A call larger than the sidebar would ever send is refused before it is looked at. */
export function checkCallSize(value: unknown, language: 'zh' | 'en' = 'en'): void {
  const chars = callChars(value);
  if (chars > MAX_CALL_CHARS) throw new RequestError(callTooLargeMessage(language, chars));
}

export function callTooLargeMessage(language: 'zh' | 'en', chars: number): string {
  return language === 'zh'
    ? `数据太大：一次服务器调用最多 ${MAX_CALL_CHARS} 个字符，这次有 ${chars} 个。请使用命令行工具 gmv-settle，或每次结算较少的商家。`
    : `The data is too large: a server call takes at most ${MAX_CALL_CHARS} characters, this one has ${chars}. Use the gmv-settle command line, or settle fewer merchants per run.`;
}

/** The whole request, or a RequestError naming the first thing wrong with it. */
export function checkSettlementRequest(value: unknown): SettlementRequest {
  if (!isObject(value)) throw new RequestError(`the settlement request must be an object, not ${describe(value)}`);
  onlyKeys(value, REQUEST_KEYS, 'the settlement request');
  const language = choice(value.language, 'language', ['zh', 'en']);
  checkCallSize(value, language);
  if (value.coefficient === undefined || value.coefficient === null || (typeof value.coefficient === 'string' && value.coefficient.trim() === ''))
    throw new RequestError(
      language === 'zh'
        ? '请填写红包奖励系数（例如 0.05 或 5%）：系数不会被默认或猜测。'
        : 'the red-packet coefficient (奖励系数) is required, for example 0.05 or 5%; it is never defaulted or guessed',
    );
  return {
    history: checkInputSource(value.history, 'history'),
    campaign: checkInputSource(value.campaign, 'campaign'),
    targets: value.targets === undefined || value.targets === null ? undefined : checkInputSource(value.targets, 'targets'),
    coefficient: text(value.coefficient, 'the red-packet coefficient', MAX_COEFFICIENT_CHARS).trim(),
    options: checkOptions(value.options),
    usePolicySheet: bool(value.usePolicySheet, 'usePolicySheet'),
    ...(value.previewedPolicyTiers === undefined || value.previewedPolicyTiers === null
      ? {}
      : { previewedPolicyTiers: checkPreviewedTiers(value.previewedPolicyTiers) }),
    language,
    ...(value.campaignName === undefined || value.campaignName === null || value.campaignName === '' ? {} : { campaignName: checkCampaignName(value.campaignName, language) }),
    ...(value.holds === undefined || value.holds === null ? {} : { holds: checkInputSource(value.holds, 'holds') }),
    ...(value.against === undefined ? {} : { against: checkAgainst(value.against) }),
  };
}

/** A campaign's name (SPEC §7), by the rule the CLI's --campaign-name keeps to. */
export function checkCampaignName(value: unknown, language: 'zh' | 'en' = 'en'): string {
  const read = readCampaignName(text(value, 'the campaign name', MAX_CAMPAIGN_NAME_CHARS * 2, false));
  if (!read.ok) throw new RequestError(read.problem[language]);
  return read.name;
}

/** The approved run a preview trued up against: null for none, else its number and checksum. */
function checkAgainst(value: unknown): { run: number; checksum: string } | null {
  if (value === null) return null;
  if (!isObject(value)) throw new RequestError(`against must be null or {run, checksum}, not ${describe(value)}`);
  onlyKeys(value, ['run', 'checksum'], 'against');
  return { run: checkRunNumber(value.run), checksum: text(value.checksum, 'against.checksum', 64) };
}

function checkRunNumber(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new RequestError(`a run number must be a whole number from 1, not ${describe(value)}`);
  return value;
}

/** Which run's statements or payout list to write (and, for statements, which merchant). */
export function checkRunSheetRequest(value: unknown): RunSheetRequest {
  if (!isObject(value)) throw new RequestError(`the request must be {campaign, run, language}, not ${describe(value)}`);
  onlyKeys(value, ['campaign', 'run', 'merchantId', 'language'], 'the request');
  const language = choice(value.language, 'language', ['zh', 'en']);
  return {
    campaign: checkCampaignName(value.campaign, language),
    run: checkRunNumber(value.run),
    language,
    ...(value.merchantId === undefined || value.merchantId === null || value.merchantId === '' ? {} : { merchantId: text(value.merchantId, 'merchantId', MAX_CELL_CHARS).trim() }),
  };
}

function checkPreviewedTiers(value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length > MAX_PREVIEWED_TIERS || JSON.stringify(value).length > 10000)
    throw new RequestError('previewedPolicyTiers must be the short list of tiers the preview used');
  return value;
}

const MAX_WRITE_ID_CHARS = 100;

export function checkWriteId(value: unknown): string {
  return text(value, 'the write id', MAX_WRITE_ID_CHARS);
}

const MAX_FORMAT_CHARS = 100;

function checkRows<T>(rows: unknown, where: string, width: number | undefined, cell: (value: unknown) => boolean, expected: string): T[][] {
  if (!Array.isArray(rows) || rows.length === 0) throw new RequestError(`${where} must be a list of rows, not ${describe(rows)}`);
  const columns = width !== undefined ? width : Array.isArray(rows[0]) ? rows[0].length : 0;
  if (columns < 1 || rows.length > rowsPerCall(columns))
    throw new RequestError(`${where} must be 1 to ${rowsPerCall(Math.max(1, columns))} rows of ${columns} cells`);
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== columns) throw new RequestError(`${where} row ${r + 1} must have ${columns} cells`);
    row.forEach((value, c) => {
      if (!cell(value)) throw new RequestError(`${where} row ${r + 1}, column ${c + 1} must be ${expected}, not ${describe(value)}`);
    });
  });
  return rows as T[][];
}

const sheetCell = (value: unknown) => (typeof value === 'string' ? value.length <= MAX_CELL_CHARS : typeof value === 'number' && isFinite(value));
const formatCell = (value: unknown) => typeof value === 'string' && value.length <= MAX_FORMAT_CHARS;

/**
 * A block of rows: lines of exactly the lines sheet's columns, or summary rows with a number
 * format per cell; never more cells than one call writes.
 */
export function checkRowsBlock(value: unknown): RowsBlock {
  if (!isObject(value)) throw new RequestError(`a block of rows must be an object {writeId, part, from, values}, not ${describe(value)}`);
  onlyKeys(value, ['writeId', 'part', 'from', 'values', 'formats'], 'the block of rows');
  checkCallSize(value);
  const part = choice(value.part, 'part', ['lines', 'summary', 'trueUp']);
  const from = value.from;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) throw new RequestError(`from must be a row number from 0, not ${describe(from)}`);
  const values = checkRows<string | number>(value.values, 'values', part === 'lines' ? LINE_COLUMNS.length : undefined, sheetCell, 'text or a finite number');
  if (part === 'lines') {
    if (value.formats !== undefined) throw new RequestError('lines carry no formats: the sheet formats them by column');
    return { writeId: checkWriteId(value.writeId), part, from, values };
  }
  const formats = checkRows<string>(value.formats, 'formats', values[0].length, formatCell, 'a number format');
  if (formats.length !== values.length) throw new RequestError('formats must have a row for each row of values');
  return { writeId: checkWriteId(value.writeId), part, from, values, formats };
}
