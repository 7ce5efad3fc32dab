// `npm test`: typecheck, build (with the declaration files), then every vitest project (unit, sandbox,
// reliability, size, package: the packed tarball as a consumer meets it, e2e).
// Ends with one plain line: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;

/** Runs one step; a step that fails counts as one failed check. */
function step(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${label} failed (exit ${r.status ?? r.signal})`);
  }
  return r.status === 0;
}

step('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
step('build', process.execPath, ['build.mjs']);

const dir = mkdtempSync(join(tmpdir(), 'chatlet-test-'));
const report = join(dir, 'vitest.json');
console.log('\n▶ vitest');
const extra = process.argv.slice(2);
const v = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { stdio: 'inherit', env: process.env },
);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  // A suite that fails to load (syntax error, failing hook) has no failed tests: count it.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
} catch {
  failed++;
  console.log(`✗ vitest produced no report (exit ${v.status ?? v.signal})`);
}
rmSync(dir, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
