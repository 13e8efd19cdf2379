import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerContext(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  const context = examples(program.command('context').description(t('context.description')), [
    'espace context add staging --url https://staging.example.com',
    'espace --context staging bill list',
  ]);

  examples(
    context
      .command('list')
      .description(t('context.list.description'))
      .action(
        action(
          () => import('./list.js'),
          () => ({}),
        ),
      ),
    ['espace context list'],
  );
  examples(
    context
      .command('add')
      .description(t('context.add.description'))
      .argument('<name>', t('context.argument.name'))
      .requiredOption('--url <url>', t('context.add.option.url'))
      .option('--description <text>', t('context.add.option.description'))
      .option('--use', t('context.add.option.use'))
      .option('--api-path <api=path>', t('apiMap.add.option.apiPath'), collect, [])
      .action(
        action(
          () => import('./add.js'),
          ([name], options) => ({
            name,
            url: options.url,
            description: options.description,
            use: Boolean(options.use),
            apiPaths: options.apiPath,
          }),
        ),
      ),
    [
      'espace context add staging --url https://staging.example.com --use',
      'espace context add gw --url https://api.example.com --api-path troubleTicket=/tt/tmf-api/troubleTicket/v4',
    ],
  );
  examples(
    context
      .command('show')
      .description(t('apiMap.show.description'))
      .argument('[name]', t('context.argument.name'))
      .action(
        action(
          () => import('./show.js'),
          ([name]) => ({ name }),
        ),
      ),
    ['espace context show', 'espace context show staging --json'],
  );
  examples(
    context
      .command('set-api')
      .description(t('apiMap.setApi.description'))
      .argument('<name>', t('context.argument.name'))
      .argument('<api>', t('apiMap.setApi.argument.api'))
      .argument('[path]', t('apiMap.setApi.argument.path'))
      .option('--reset', t('apiMap.setApi.option.reset'))
      .action(
        action(
          () => import('./set-api.js'),
          ([name, api, path], options) => ({ name, api, path, reset: Boolean(options.reset) }),
        ),
      ),
    ['espace context set-api staging serviceProblem /tmf-api/serviceProblem/v4', 'espace context set-api staging serviceProblem --reset'],
  );
  examples(
    context
      .command('use')
      .description(t('context.use.description'))
      .argument('<name>', t('context.argument.name'))
      .action(
        action(
          () => import('./use.js'),
          ([name]) => ({ name }),
        ),
      ),
    ['espace context use staging', 'espace context use sandbox'],
  );
  examples(
    context
      .command('remove')
      .description(t('context.remove.description'))
      .argument('<name>', t('context.argument.name'))
      .action(
        action(
          () => import('./remove.js'),
          ([name]) => ({ name }),
        ),
      ),
    ['espace context remove staging'],
  );
}
