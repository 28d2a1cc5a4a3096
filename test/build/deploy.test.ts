/**
 * Deployment that works when followed: separate dev and prod clasp project files, no .clasp.json
 * in the repository (clasp create-script refuses to run where one exists), and a push that runs
 * the typecheck and every test first, then pushes with --force (without it clasp, away from a
 * terminal, answers its own manifest question with No and pushes nothing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectProblem, pushSteps } from '../../scripts/push';
import { ROOT } from '../../scripts/build';

const file = (name: string) => readFileSync(join(ROOT, name), 'utf8');

test('dev and prod have their own project files, both pushing exactly dist/; .clasp.json is not kept', () => {
  for (const name of ['.clasp-dev.json', '.clasp-prod.json']) assert.equal(JSON.parse(file(name)).rootDir, 'dist', name);
  assert.match(file('.gitignore'), /^\.clasp\.json$/m, 'the file clasp create-script writes is renamed, never committed');
  assert.doesNotMatch(file('.gitignore'), /^\.clasp-(dev|prod)\.json$/m);
  const scripts = JSON.parse(file('package.json')).scripts;
  assert.equal(scripts.push, 'tsx scripts/push.ts');
  assert.equal(scripts['push:prod'], 'tsx scripts/push.ts prod');
  assert.ok(existsSync(join(ROOT, '.claspignore')));
});

test('a push runs the typecheck and every test first, then clasp push --force to the chosen project', () => {
  assert.deepEqual(pushSteps('dev'), [
    ['npm', 'run', 'typecheck'],
    ['npm', 'test'],
    ['npx', 'clasp', '-P', '.clasp-dev.json', 'push', '--force'],
  ]);
  assert.deepEqual(pushSteps('prod')[2], ['npx', 'clasp', '-P', '.clasp-prod.json', 'push', '--force']);
});

test('a project file without a real script id is refused with the command that makes one', () => {
  const read = (text: string | undefined) => () => text;
  assert.match(projectProblem('dev', read(undefined))!, /\.clasp-dev\.json does not exist.*clasp create-script --type sheets .*--rootDir dist && mv \.clasp\.json \.clasp-dev\.json/s);
  assert.match(projectProblem('prod', read('{"scriptId": "", "rootDir": "dist"}'))!, /no script id yet.*--type standalone/s);
  assert.match(projectProblem('dev', read('{"scriptId": "YOUR_SCRIPT_ID", "rootDir": "dist"}'))!, /no script id yet/);
  assert.match(projectProblem('dev', read('{"scriptId": "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "rootDir": "."}'))!, /must have "rootDir": "dist"/);
  assert.equal(projectProblem('dev', read('{"scriptId": "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "rootDir": "dist"}')), undefined);
  assert.equal(projectProblem('dev', read(file('.clasp-dev.json'))) !== undefined, true, 'the committed files wait for their ids');
});
