/** Runs the real `gmv-settle` bin on files in a temporary folder, as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEC6_CSV } from '../fixtures/spec6';

// Relative to this file, so the tests pass from any working directory.
export const BIN = fileURLToPath(new URL('../../bin/gmv-settle.js', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function gmvSettle(args: string[], cwd = process.cwd()): CliResult {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh folder with the given files; remove it with the returned function. */
export function folderWith(files: Record<string, string | Uint8Array>): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gmv-settle-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** SPEC §6 (test/fixtures/spec6.ts): M001's three history days and its 2025-11-11 campaign day. */
export const WORKED_EXAMPLE = { 'history.csv': SPEC6_CSV.history, 'campaign.csv': SPEC6_CSV.campaign };

/** No stack trace ever reaches the user: Node's frames look like "    at fn (file:line)". */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+/m.test(text);
}

/**
 * GBK bytes for a text, built by inverting Node's own GBK decoder over every double-byte code,
 * so the test feeds real GBK (what Excel on Chinese Windows writes) without a codec dependency.
 */
export function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const codes = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\ufffd' && !codes.has(char)) codes.set(char, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = codes.get(char);
      if (!code) throw new Error(`no GBK code for ${char}`);
      bytes.push(...code);
    }
  }
  return Uint8Array.from(bytes);
}
