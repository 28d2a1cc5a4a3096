/**
 * Everything `npm start` and the browser tests need in one call: the built add-on on fresh
 * fakes, the example sheets, and the HTTP server. Each call is an independent spreadsheet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPreviewServer, type PreviewServer } from './server';
import type { ExampleFile, ExamplePolicy } from './serverPage';
import { loadAddon, seedExampleSheets, type AddonRuntime } from './serverRuntime';
import { POLICY_OPTIONS } from '../../src/core/policyKeys';

export interface PreviewOptions {
  /** The repository root (dist/, src/ and examples/ are under it). */
  root: string;
  distDir?: string;
  port?: number;
  latencyMs?: number;
  locale?: string;
  /** Put the example files into the spreadsheet as sheets (default true). */
  seedExamples?: boolean;
}

export interface RunningPreview extends PreviewServer {
  runtime: AddonRuntime;
  examples: ExampleFile[];
}

const EXAMPLE_FILES: { source: string; fileName: string }[] = [
  { source: 'history', fileName: 'history.csv' },
  { source: 'campaign', fileName: 'campaign.csv' },
  { source: 'targets', fileName: 'targets.csv' },
];

export function readExamples(examplesDir: string): ExampleFile[] {
  return EXAMPLE_FILES.filter((e) => existsSync(join(examplesDir, e.fileName))).map((e) => ({
    ...e,
    text: readFileSync(join(examplesDir, e.fileName), 'utf8').replace(/^\uFEFF/, ''),
  }));
}

/** The sidebar's form holds the options; the policy file's other keys (tiers) are the defaults. */
const FORM_OPTIONS = POLICY_OPTIONS.map((spec) => spec.key);

/** What examples/policy.json sets that the sidebar's form can show, and its coefficient. */
export function readExamplePolicy(examplesDir: string): ExamplePolicy {
  const path = join(examplesDir, 'policy.json');
  if (!existsSync(path)) return { options: {} };
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string | number | boolean>;
  const options: ExamplePolicy['options'] = {};
  FORM_OPTIONS.forEach((key) => key in json && (options[key] = json[key]));
  return { options, coefficient: json.red_packet_coefficient === undefined ? undefined : String(json.red_packet_coefficient) };
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const distDir = options.distDir || join(options.root, 'dist');
  const runtime = loadAddon({ distDir, locale: options.locale });
  const examples = readExamples(join(options.root, 'examples'));
  if (options.seedExamples !== false) seedExampleSheets(runtime.fakes, examples);
  const server = await startPreviewServer({
    backend: runtime,
    distDir,
    examples,
    examplePolicy: readExamplePolicy(join(options.root, 'examples')),
    language: /^zh/i.test(options.locale || '') ? 'zh' : 'en',
    port: options.port === undefined ? 8080 : options.port,
    latencyMs: options.latencyMs,
  });
  return { ...server, runtime, examples };
}
