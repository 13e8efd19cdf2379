/**
 * One message for a request Fastify's validator refused, naming the part and the field, in the words
 * a client developer can act on (`body.amount.value must be number`, `Unexpected field "foo" in the
 * body`). It becomes a TMF 400 body in ../tmf-errors.ts.
 */
import type { FastifySchemaValidationError } from 'fastify';

const PARTS: Record<string, string> = { body: 'body', params: 'path', querystring: 'query', headers: 'headers' };

/** `body.items[0].amount` from the part and the error's JSON pointer (`/items/0/amount`). */
function fieldOf(part: string, instancePath: string): string {
  const steps = instancePath
    .split('/')
    .slice(1)
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
  return steps.reduce((path, step) => (/^\d+$/.test(step) ? `${path}[${step}]` : `${path}.${step}`), part);
}

export function validationMessage(errors: readonly FastifySchemaValidationError[], context: string): string {
  const part = PARTS[context] ?? context;
  const first = errors[0];
  if (!first) return `The request ${part} is invalid`;
  const where = fieldOf(part, first.instancePath);
  const params = first.params as Record<string, unknown>;
  switch (first.keyword) {
    case 'additionalProperties':
      return where === part
        ? `Unexpected field "${String(params.additionalProperty)}" in the ${part}`
        : `Unexpected field "${String(params.additionalProperty)}" in ${where}`;
    case 'required':
      return `${where} is missing the required field "${String(params.missingProperty)}"`;
    case 'enum':
      return `${where} must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${where} must be ${String(params.type)}`;
    default:
      return `${where} ${first.message ?? 'is invalid'}`;
  }
}
