/**
 * How the sandbox turns its routes' JSON Schemas into request validators (Ajv) and answer
 * serialisers (fast-json-stringify): each schema once per process, when its route is first used.
 *
 * Fastify's own compilers work per app and compile every route's schemas when the app becomes
 * ready. The schemas are module constants (the contract files), so a process that builds many apps
 * (a test worker builds one per file) compiled the same ones again each time, and `sandbox start`
 * compiled all of them (about a quarter of a second) before answering anything, although a
 * session uses a few routes. The compilers below are Fastify's own (same options, same code),
 * shared by every app of the process and run at a schema's first use.
 */
import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Validator = ReturnType<ReturnType<ValidatorFactory>>;
type Serializer = ReturnType<ReturnType<SerializerFactory>>;

/**
 * Ajv's options for the sandbox's requests: a body field the contract does not declare is refused,
 * not silently dropped; a value of the wrong JSON type is refused too, not coerced (`"name": 42` is
 * not the name "42"). Fastify's defaults fill in the rest.
 */
export const SANDBOX_AJV_OPTIONS = { customOptions: { removeAdditional: false, coerceTypes: false } } as const;

const fastifyValidators = AjvCompiler();
const fastifySerializers = SerializerSelector();

/** What was compiled, per compiler options (one entry in practice) and per schema object. */
const validators = new Map<string, WeakMap<object, Validator>>();
const serializers = new Map<string, WeakMap<object, Serializer>>();

function cacheFor<T>(caches: Map<string, WeakMap<object, T>>, externalSchemas: unknown, options: unknown): WeakMap<object, T> {
  const key = JSON.stringify([externalSchemas, options]);
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new WeakMap()));
  return cache;
}

/** The schema's compiled function, made at the first call: shared through `cache` when the schema is an object. */
function once<T>(cache: WeakMap<object, T>, schema: unknown, compile: () => T): () => T {
  let compiled: T | undefined;
  return () => {
    if (compiled !== undefined) return compiled;
    if (typeof schema !== 'object' || schema === null) return (compiled = compile());
    compiled = cache.get(schema);
    if (compiled === undefined) cache.set(schema, (compiled = compile()));
    return compiled;
  };
}

const buildValidator: ValidatorFactory = (externalSchemas, options) => {
  const compileWithAjv = fastifyValidators(externalSchemas, options);
  const cache = cacheFor(validators, externalSchemas, options);
  return (route) => {
    // Fastify lowercases a header schema's names for its own compiler, not for one it is given.
    if (route.httpPart === 'headers') throw new Error(`${route.method} ${route.url}: the sandbox's compilers take no header schema`);
    const compiled = once(cache, route.schema, () => compileWithAjv(route));
    // Fastify reads what Ajv's function carries (`errors` after a refusal, `schemaEnv` to pass the
    // parent object): the stand-in hands them over from the compiled one.
    const validate = (data: unknown, context?: Parameters<Validator>[1]) => compiled()(data, context);
    Object.defineProperties(validate, {
      errors: { get: () => compiled().errors },
      schemaEnv: { get: () => compiled().schemaEnv },
    });
    return validate as unknown as Validator;
  };
};

const buildSerializer: SerializerFactory = (externalSchemas, options) => {
  const compileWithFjs = fastifySerializers(externalSchemas, options);
  const cache = cacheFor(serializers, externalSchemas, options);
  return (route) => {
    const compiled = once(cache, route.schema, () => compileWithFjs(route));
    return (document: unknown) => compiled()(document);
  };
};

/** Fastify's `schemaController` option for every sandbox app. */
export const sandboxSchemaController: FastifyServerOptions['schemaController'] = { compilersFactory: { buildValidator, buildSerializer } };
