/**
 * The bulk run's heap caps (src/bulk/heap.ts) against the real V8 of the Node running the suite,
 * in a process of its own: the young generation a test worker already grew, and flags it set,
 * must not decide the outcome. The child allocates as a bulk run does (much garbage, little kept),
 * checking the cap as the run does at every write; then restores V8's defaults and goes on.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const MiB = 1024 * 1024;

/** Allocates `rounds` × 5,000 short-lived objects (400 rounds grow an uncapped young generation past 2× the cap on Node 20 to 26), calling `check` between batches; the young generation's largest size, in bytes. */
const DRIVER = `
import { getHeapSpaceStatistics } from 'node:v8';
import { HeapGrowthCap, YOUNG_GENERATION_CAP_BYTES } from './heap.mjs';
const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
function churn(rounds, check) {
  let kept = [];
  let largest = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 5000; i++) kept.push({ id: 'BA-' + i, amount: { value: i / 100, unit: 'CAD' } });
    if (kept.length > 100000) kept = [];
    check();
    largest = Math.max(largest, young());
  }
  return largest;
}
const cap = new HeapGrowthCap();
const capped = churn(400, () => cap.check());
cap.restore();
const restored = churn(400, () => {});
console.log(JSON.stringify({ cap: YOUNG_GENERATION_CAP_BYTES, capped, restored }));
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-heap-cap-'));
  await build({
    entryPoints: [join(repoRoot, 'src/bulk/heap.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'heap.mjs'),
    logLevel: 'silent',
  });
  await writeFile(join(dir, 'driver.mjs'), DRIVER);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('HeapGrowthCap', () => {
  it('stops the young generation near its cap while a run lasts, and gives V8 its default back after', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'driver.mjs')], { cwd: dir });
    const { cap, capped, restored } = JSON.parse(stdout) as { cap: number; capped: number; restored: number };
    // Capped when a check finds it at the cap or past it; Node 24 and later still resize it a little.
    expect(capped / MiB).toBeLessThanOrEqual((2 * cap) / MiB);
    // Without the cap V8 grows it again (to 32 MiB on Node 20, more on later versions).
    expect(restored).toBeGreaterThan(capped);
  });
});
