/**
 * A quick yes for the answers zod would accept unchanged. A bulk run validates thousands of list
 * pages against the same few schemas, and zod, general as it is, copies every object it checks
 * and runs each refinement through its issue machinery: on a bulk `bill show` that was an eighth
 * of espace's CPU. This compiles a schema once into a plain predicate of the same rules. When it
 * says yes, the value is what zod would have returned (the same fields, the same values: zod's
 * loose objects only copy them), so it is used as is; when it says no, or the schema uses
 * anything this does not know, zod parses as before and gives its errors, word for word.
 *
 * Known: loose and strict objects (not plain `z.object`, which strips unknown keys and so returns
 * something else than it was given), string, number, boolean, unknown, any, literal, string enums,
 * optional, nullable, array and union, each without checks of its own. A refinement is known only
 * once its predicate is registered beside the schema ({@link withQuickCheck}): it must refuse
 * exactly what the refinement refuses, and test/api/fast-check.test.ts holds the two side by side.
 */
import type { z } from 'zod';

/** Whether zod would accept `value` and give it back unchanged. */
export type QuickCheck = (value: unknown) => boolean;

/** The predicates of refinements, by the schema that carries them. */
const refinements = new WeakMap<z.ZodType, QuickCheck>();

/** Compiled schemas; `null` when a schema cannot be compiled (zod alone checks it). */
const compiled = new WeakMap<z.ZodType, QuickCheck | null>();

/**
 * Registers, for a schema with refinements (`superRefine`, `refine`), a predicate that holds
 * exactly when those refinements add no issue to a value that already has the schema's shape;
 * returns the schema.
 */
export function withQuickCheck<T extends z.ZodType>(schema: T, refinementHolds: QuickCheck): T {
  refinements.set(schema, refinementHolds);
  return schema;
}

/** The schema's quick check, or undefined when only zod can check it. Compiled once per schema. */
export function quickCheckOf(schema: z.ZodType): QuickCheck | undefined {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compile(schema);
    compiled.set(schema, check);
  }
  return check ?? undefined;
}

/** The parts of zod's definitions read here (zod 4's `_zod.def`). */
interface Definition {
  type: string;
  checks?: readonly unknown[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
}

function definitionOf(schema: z.ZodType): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

function compile(schema: z.ZodType): QuickCheck | null {
  const def = definitionOf(schema);
  const shape = shapeCheck(def);
  if (shape === null) return null;
  if (def.checks === undefined || def.checks.length === 0) return shape;
  const refinement = refinements.get(schema);
  if (refinement === undefined) return null;
  return (value) => shape(value) && refinement(value);
}

/** The checks of the schema's type, its own refinements left out. */
function shapeCheck(def: Definition): QuickCheck | null {
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'literal': {
      const values = def.values ?? [];
      if (values.some((value) => typeof value === 'number' && Number.isNaN(value))) return null;
      return (value) => values.includes(value);
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      if (!values.every((value) => typeof value === 'string')) return null;
      const known = new Set(values);
      return (value) => typeof value === 'string' && known.has(value);
    }
    case 'optional': {
      const inner = quickCheckOf(def.innerType!);
      if (!inner) return null;
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = quickCheckOf(def.innerType!);
      if (!inner) return null;
      return (value) => value === null || inner(value);
    }
    case 'array': {
      const element = quickCheckOf(def.element!);
      if (!element) return null;
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      };
    }
    case 'union': {
      const options = (def.options ?? []).map((option) => quickCheckOf(option));
      if (options.length === 0 || options.some((option) => !option)) return null;
      const known = options as QuickCheck[];
      return (value) => known.some((option) => option(value));
    }
    case 'object':
      return objectCheck(def);
    default:
      return null;
  }
}

function objectCheck(def: Definition): QuickCheck | null {
  const catchall = def.catchall === undefined ? undefined : definitionOf(def.catchall).type;
  // A plain object strips unknown keys (its answer is not its input); other catchalls are not known.
  if (catchall !== 'unknown' && catchall !== 'never') return null;
  const keys = Object.keys(def.shape ?? {});
  const checks: QuickCheck[] = [];
  const optional: boolean[] = [];
  for (const key of keys) {
    const schema = def.shape![key]!;
    const check = quickCheckOf(schema);
    if (!check) return null;
    checks.push(check);
    // As zod has it: a key may be absent only if its schema is optional both ways (`.optional()`);
    // `z.unknown()` and the like still want the key.
    const { optin, optout } = (schema as unknown as { _zod: { optin?: string; optout?: string } })._zod;
    if (optin === undefined) optional.push(false);
    else if (optin === 'optional' && optout === 'optional') optional.push(true);
    else return null;
  }
  const strict = catchall === 'never';
  const known = new Set(keys);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!(key in record)) {
        if (optional[i]) continue;
        return false;
      }
      if (!checks[i]!(record[key])) return false;
    }
    if (strict) for (const key in record) if (!known.has(key)) return false;
    return true;
  };
}
