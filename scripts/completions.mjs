// Regenerates the checked-in completion scripts (completions/espace.{bash,zsh,fish}) from the
// built CLI's command tree, in English. Run through `npm run completions`, which builds first.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'espace.js');
for (const shell of ['bash', 'zsh', 'fish']) {
  const script = execFileSync(process.execPath, [bin, '--lang', 'en', 'completion', shell], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  writeFileSync(join(root, 'completions', `espace.${shell}`), script);
  console.log(`completions/espace.${shell}`);
}
