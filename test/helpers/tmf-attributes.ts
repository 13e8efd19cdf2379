/**
 * Which attributes of a body its TMF definition does not declare. The official schemas do not set
 * `additionalProperties: false`, so they accept any extension; this walk names what a strict reader
 * of the specification would not know. A subtype named by `@type` (case aside: the files spell
 * `TokenizedCard`, servers `tokenizedCard`) adds its own attributes to the declared ones, and the
 * polymorphism attributes TMF630 gives every entity (`@type`, `@baseType`, `@schemaLocation`,
 * `@referredType`) are always allowed. Objects whose definition declares no attributes are not walked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specDir } from './tmf-schema.js';

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

export type Definitions = Record<string, Schema>;

const POLYMORPHISM = new Set(['@type', '@baseType', '@schemaLocation', '@referredType']);

/** The definitions of a JSON specification file of ../shared/tmf. */
export function definitionsOf(file: string): Definitions {
  return (JSON.parse(readFileSync(join(specDir, file), 'utf8')) as { definitions: Definitions }).definitions;
}

function byName(definitions: Definitions, name: string): Schema | undefined {
  if (definitions[name]) return definitions[name];
  const lower = name.toLowerCase();
  const found = Object.keys(definitions).find((key) => key.toLowerCase() === lower);
  return found === undefined ? undefined : definitions[found];
}

/** The attributes a schema declares (following $ref and allOf), or undefined when it declares none. */
function declared(definitions: Definitions, schema: Schema | undefined, seen = new Set<string>()): Record<string, Schema> | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1)!;
    if (seen.has(name)) return undefined;
    seen.add(name);
    return declared(definitions, byName(definitions, name), seen);
  }
  let properties: Record<string, Schema> | undefined = schema.properties ? { ...schema.properties } : undefined;
  for (const part of schema.allOf ?? []) {
    const more = declared(definitions, part, seen);
    if (more) properties = { ...properties, ...more };
  }
  return properties;
}

function itemsOf(definitions: Definitions, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return itemsOf(definitions, byName(definitions, schema.$ref.split('/').at(-1)!));
  return schema.items;
}

function walk(definitions: Definitions, schema: Schema | undefined, data: unknown, path: string, found: string[]): void {
  if (Array.isArray(data)) {
    data.forEach((item, i) => walk(definitions, itemsOf(definitions, schema), item, `${path}[${i}]`, found));
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  const record = data as Record<string, unknown>;
  let properties = declared(definitions, schema);
  const subtype = typeof record['@type'] === 'string' ? byName(definitions, record['@type']) : undefined;
  const more = subtype ? declared(definitions, subtype) : undefined;
  if (more) properties = { ...properties, ...more };
  if (!properties) return;
  for (const [key, value] of Object.entries(record)) {
    if (key in properties) walk(definitions, properties[key], value, `${path}.${key}`, found);
    else if (!POLYMORPHISM.has(key)) found.push(`${path}.${key}`);
  }
}

/** Paths (e.g. `CustomerBill.previousBalance`) of the attributes `definition` does not declare. */
export function undeclaredAttributes(definitions: Definitions, definition: string, data: unknown): string[] {
  const found: string[] = [];
  walk(definitions, { $ref: `#/definitions/${definition}` }, data, definition, found);
  return found;
}
