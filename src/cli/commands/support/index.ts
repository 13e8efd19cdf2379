import type { Command } from 'commander';
import type { Registrar } from '../../program.js';

export function registerSupport(program: Command, { t, action, examples }: Registrar): void {
  const support = examples(program.command('support').description(t('contact.supportDescription')), ['espace support contact']);

  examples(
    support.command('contact').description(t('contact.description')).action(action(() => import('./contact.js'), () => ({}))),
    ['espace support contact', 'espace support contact --json', 'espace --lang fr support contact'],
  );
}
