// Writes test/durations.json, how long each test file took, from the JSON reports of test runs
// (ESPACE_TEST_REPORT=report.json npm test): the median over the reports, in whole milliseconds,
// for files of a second or more. test/helpers/sequencer.ts starts the longest files first in a
// run that has no previous one to go by (a fresh clone).
//
//   node scripts/test-durations.mjs report.json [more.json ...]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error('usage: node scripts/test-durations.mjs REPORT.json [REPORT.json ...]');
  process.exit(2);
}

const root = new URL('..', import.meta.url).pathname;

/** The file's path in this tree (`test/…`), from its absolute path in the run's (maybe another clone). */
function pathInTree(name) {
  const steps = name.replaceAll('\\', '/').split('/');
  for (let first = 0; first < steps.length; first++) {
    const path = steps.slice(first).join('/');
    if (path.startsWith('test/') && existsSync(`${root}${path}`)) return path;
  }
  return undefined;
}

/** @type {Map<string, number[]>} */
const times = new Map();
for (const report of reports) {
  for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults) {
    const path = pathInTree(file.name);
    if (path !== undefined) times.set(path, [...(times.get(path) ?? []), file.endTime - file.startTime]);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const durations = Object.fromEntries(
  [...times]
    .map(([path, values]) => [path, Math.round(median(values))])
    .filter(([, ms]) => ms >= 1000)
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(new URL('../test/durations.json', import.meta.url), `${JSON.stringify(durations, null, 2)}\n`);
console.log(`test/durations.json: ${Object.keys(durations).length} files of a second or more, from ${reports.length} report(s)`);
