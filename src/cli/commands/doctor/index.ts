import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';

export function registerDoctor(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('doctor')
      .description(t('doctor.description'))
      .action(
        action(
          () => import('./run.js'),
          () => ({}),
        ),
      ),
    ['espace doctor', 'espace doctor --json', 'espace --context staging doctor'],
  );
}
