import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';

export function registerDemo(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('demo')
      .description(t('demo.description'))
      .action(
        action(
          () => import('./run.js'),
          () => ({}),
        ),
      ),
    ['espace demo', 'espace --lang fr demo', 'espace demo --json'],
  );
}
