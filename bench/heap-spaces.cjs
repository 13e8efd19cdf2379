// Preloaded by `bench/bulk-memory.mjs --spaces` into each espace run (NODE_OPTIONS=--require):
// samples the size of each V8 heap space every 20 ms and, at exit, writes the largest of each
// (MiB) as one JSON line to the file named by ESPACE_BENCH_SPACES.
'use strict';
const { appendFileSync } = require('node:fs');
const { getHeapSpaceStatistics } = require('node:v8');

const largest = {};
const sample = () => {
  for (const space of getHeapSpaceStatistics()) largest[space.space_name] = Math.max(largest[space.space_name] ?? 0, space.space_size);
};
setInterval(sample, 20).unref();
process.on('exit', () => {
  sample();
  const mib = Object.fromEntries(Object.entries(largest).map(([name, bytes]) => [name.replace(/_space$/, ''), Math.round((bytes / 2 ** 20) * 10) / 10]));
  appendFileSync(process.env.ESPACE_BENCH_SPACES, `${JSON.stringify(mib)}\n`);
});
