/**
 * The order test files start in: the longest first, so that no long file starts last and runs on
 * alone while the other workers have nothing left to do.
 *
 * vitest orders files by how long they took in the previous run, which it keeps under
 * node_modules. A fresh clone has no previous run, and vitest then starts the largest files first;
 * but what makes a file long is waiting (a Retry-After, a server's start, a terminal), not its size.
 * test/bulk/faults.test.ts, 96 lines and about 30 s, started 76 s into such a run (CI's first
 * suite) and ended it at 101 s; the suites after it, with vitest's times, ended at about 90 s.
 * So, for a file vitest has no time for, this takes the time recorded in test/durations.json
 * (`node scripts/test-durations.mjs REPORT.json` writes it from a run's JSON report; a file it
 * does not list counts as quick).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const RECORDED: Record<string, number> = JSON.parse(readFileSync(new URL('../durations.json', import.meta.url), 'utf8'));

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const inVitestOrder = await super.sort(files);
    const root = this.ctx.config.root;
    const path = (spec: TestSpecification) => relative(root, spec.moduleId).replaceAll('\\', '/');
    const lastRun = (spec: TestSpecification) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${path(spec)}`);
    if (inVitestOrder.every((spec) => lastRun(spec) !== undefined)) return inVitestOrder;
    const milliseconds = (spec: TestSpecification) => lastRun(spec)?.duration ?? RECORDED[path(spec)] ?? 0;
    // vitest's order keeps a project's files together: keep that, and order each project's files.
    const projects = [...new Set(inVitestOrder.map((spec) => spec.project.name))];
    return projects.flatMap((name) => inVitestOrder.filter((spec) => spec.project.name === name).sort((a, b) => milliseconds(b) - milliseconds(a)));
  }
}
