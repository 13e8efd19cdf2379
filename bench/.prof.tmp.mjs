import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ciToken, startSandbox } from './sandbox-process.mjs';
const sandbox = await startSandbox(mkdtempSync(join(tmpdir(), 'prof-')));
console.log(JSON.stringify({ url: sandbox.url, token: await ciToken(sandbox.url) }));
process.stdin.resume();
