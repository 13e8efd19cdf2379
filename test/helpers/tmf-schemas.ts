/**
 * Validators of the official TMF v4 definitions in ../shared/tmf (beside the clone in CI), for
 * tests that check the sandbox's answers against the specifications.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

/** Where the specifications are: ESPACE_TMF_SPECS, else ../shared/tmf beside the clone. */
export const TMF_SPEC_DIR = process.env.ESPACE_TMF_SPECS ?? resolve(import.meta.dirname, '../../../shared/tmf');

/** Outside CI a checkout may have no specifications beside it; in CI their absence must fail, not skip. */
export const TMF_SPECS_MISSING = !existsSync(TMF_SPEC_DIR) && process.env.CI !== 'true';

const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

export type SchemaCheck = ((data: unknown) => boolean) & { errors?: unknown };

/** A validator of one definition of a Swagger 2.0 specification file. */
export function tmfDefinition(file: string, definition: string): SchemaCheck {
  const spec = JSON.parse(readFileSync(join(TMF_SPEC_DIR, file), 'utf8')) as { definitions: Record<string, unknown> };
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const format of ['float', 'double', 'int32', 'int64']) ajv.addFormat(format, true);
  return ajv.compile({ definitions: spec.definitions, $ref: `#/definitions/${definition}` }) as SchemaCheck;
}
