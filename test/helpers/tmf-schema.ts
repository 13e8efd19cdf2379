/**
 * Validators of the official TMF v4 definitions in ../shared/tmf (beside the clone in CI; absent
 * in some checkouts, hence `specDir` for skipping). ajv comes with fastify.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { expect } from 'vitest';

/** TMF_SPEC_DIR points elsewhere, for checkouts where shared/ is not beside the clone. */
export const specDir = process.env.TMF_SPEC_DIR ?? resolve(import.meta.dirname, '../../../shared/tmf');

/** Outside CI a checkout may have no specifications beside it; in CI their absence must fail, not skip. */
export const TMF_SPECS_MISSING = !existsSync(specDir) && process.env.CI !== 'true';
// ajv-formats is CommonJS; depending on the loader its default export may arrive wrapped once more.
const addFormats: FormatsPlugin = (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

export type Validate = ((data: unknown) => boolean) & { errors?: unknown };

export function validator(file: string, definition: string): Validate {
  const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as { definitions: Record<string, unknown> };
  // The TMF691 file refers to definitions it does not contain (UserAsset, Identification).
  for (const missing of ['UserAsset', 'Identification']) {
    if (JSON.stringify(spec).includes(`#/definitions/${missing}"`) && !(missing in spec.definitions)) spec.definitions[missing] = {};
  }
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const format of ['float', 'double', 'int32', 'int64']) ajv.addFormat(format, true);
  return ajv.compile({ definitions: spec.definitions, $ref: `#/definitions/${definition}` }) as Validate;
}

export function expectValid(validate: Validate, data: unknown): void {
  const ok = validate(data);
  expect(ok ? null : validate.errors).toBeNull();
}

/** A function that asserts its argument is a valid `definition` of `file`. */
export function asserter(file: string, definition: string): (data: unknown) => void {
  const validate = validator(file, definition);
  return (data) => expectValid(validate, data);
}
