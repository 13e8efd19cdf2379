import { type CommandUnknownOpts, Option } from '../../commander.js';
import { SERVICE_TYPES } from '../../../domain/plan.js';
import { addBulkOptions, bulkable } from '../../bulk/options.js';
import type { Registrar } from '../../program.js';
import type { PlanCatalogOptions } from './catalog.js';
import type { PlanChangeOptions } from './change.js';
import type { PlanNextBillOptions } from './next-bill.js';
import type { PlanShowOptions } from './show.js';
import { accountOption } from '../../shared-options.js';

export function registerPlan(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const plan = examples(program.command('plan').description(t('plan.description')), ['espace plan show', 'espace plan catalog --service mobile']);

  examples(
    addBulkOptions(plan.command('show').description(t('plan.show.description')).addOption(accountOption(t)), registrar).action(
      bulkable(
        registrar,
        'plan show',
        () => import('./show.js'),
        (_args, options): PlanShowOptions => ({ account: options.account }),
      ),
    ),
    ['espace plan show', 'espace plan show --json', 'espace plan show --accounts-from accounts.txt > plans.ndjson   # agents'],
  );

  examples(
    plan
      .command('catalog')
      .description(t('plan.catalog.description'))
      .addOption(new Option('--service <service>', t('plan.option.service')).choices([...SERVICE_TYPES, 'addOn'] as const))
      .action(
        action(
          () => import('./catalog.js'),
          (_args, options): PlanCatalogOptions => ({ service: options.service }),
        ),
      ),
    ['espace plan catalog', 'espace plan catalog --service internet', 'espace plan catalog --json'],
  );

  examples(
    plan
      .command('change')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('plan.change.description'))
      .addOption(accountOption(t))
      .addOption(new Option('--service <service>', t('plan.option.service')).choices(SERVICE_TYPES))
      .option('--to <offer>', t('plan.option.to'))
      .option('--accept-terms', t('plan.option.acceptTerms'))
      .option('-y, --yes', t('plan.option.yes'))
      .action(
        action(
          () => import('./change.js'),
          (_args, options): PlanChangeOptions => ({
            account: options.account,
            service: options.service,
            to: options.to,
            acceptTerms: Boolean(options.acceptTerms),
            yes: Boolean(options.yes),
          }),
        ),
      ),
    [
      'espace plan change',
      'espace plan change --service internet --to OFF-INT-GIGA-PLUS',
      'espace plan change --service mobile --to OFF-MOB-50 --accept-terms --yes --json',
    ],
  );

  examples(
    plan
      .command('next-bill')
      .description(t('plan.nextBill.description'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./next-bill.js'),
          (_args, options): PlanNextBillOptions => ({ account: options.account }),
        ),
      ),
    ['espace plan next-bill', 'espace plan next-bill --json'],
  );
}
