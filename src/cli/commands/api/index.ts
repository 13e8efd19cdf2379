import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { ApiOptions } from './request.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerApi(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('api')
      .description(t('rawApi.description'))
      .argument('<method>', t('rawApi.argument.method'))
      .argument('<path>', t('rawApi.argument.path'))
      .option('-F, --field <key=value>', t('rawApi.option.field'), collect, [])
      .option('-f, --raw-field <key=value>', t('rawApi.option.rawField'), collect, [])
      .option('-H, --header <name:value>', t('rawApi.option.header'), collect, [])
      .option('--input <file>', t('rawApi.option.input'))
      .option('--paginate', t('rawApi.option.paginate'))
      .option('--max-pages <n>', t('rawApi.option.maxPages'))
      .option('--max-items <n>', t('rawApi.option.maxItems'))
      .option('-i, --include', t('rawApi.option.include'))
      .action(
        action(
          () => import('./request.js'),
          ([method, path], options): ApiOptions => ({
            method,
            path,
            fields: options.field,
            rawFields: options.rawField,
            headers: options.header,
            input: options.input,
            paginate: Boolean(options.paginate),
            maxPages: options.maxPages,
            maxItems: options.maxItems,
            include: Boolean(options.include),
          }),
        ),
      ),
    [
      'espace api GET /tmf-api/customerBillManagement/v4/customerBill --field limit=3',
      'espace api GET /tmf-api/accountManagement/v4/billingAccount --paginate | jq length',
      'espace api PATCH /tmf-api/accountManagement/v4/billingAccount/BA-1001 --raw-field name="Maison"',
      'espace api GET /tmf-api/serviceProblemManagement/v4/serviceProblem --include',
      'echo \'{"name": "Chalet"}\' | espace api PATCH /tmf-api/accountManagement/v4/billingAccount/BA-1001 --input -',
    ],
  );
}
