import type { Command } from 'commander';
import type { Registrar } from '../../program.js';

export function registerContext(program: Command, { t, action, examples }: Registrar): void {
  const context = examples(program.command('context').description(t('context.description')), [
    'espace context add staging --url https://staging.example.com',
    'espace --context staging bill list',
  ]);

  examples(context.command('list').description(t('context.list.description')).action(action(() => import('./list.js'), () => ({}))), [
    'espace context list',
  ]);
  examples(
    context
      .command('add')
      .description(t('context.add.description'))
      .argument('<name>', t('context.argument.name'))
      .requiredOption('--url <url>', t('context.add.option.url'))
      .option('--description <text>', t('context.add.option.description'))
      .option('--use', t('context.add.option.use'))
      .action(
        action(
          () => import('./add.js'),
          ([name], options) => ({
            name: name!,
            url: options.url as string,
            description: options.description as string | undefined,
            use: Boolean(options.use),
          }),
        ),
      ),
    ['espace context add staging --url https://staging.example.com --use'],
  );
  examples(
    context
      .command('use')
      .description(t('context.use.description'))
      .argument('<name>', t('context.argument.name'))
      .action(action(() => import('./use.js'), ([name]) => ({ name: name! }))),
    ['espace context use staging', 'espace context use sandbox'],
  );
  examples(
    context
      .command('remove')
      .description(t('context.remove.description'))
      .argument('<name>', t('context.argument.name'))
      .action(action(() => import('./remove.js'), ([name]) => ({ name: name! }))),
    ['espace context remove staging'],
  );
}
