/**
 * The sandbox compiles a route's schemas at the route's first use, once per process
 * (src/sandbox/contract/compilers.ts): building an app compiles nothing, a second app reuses what
 * the first compiled, and a refused request still gets Ajv's errors. Since no app compiles every
 * schema any more, the last test compiles them all, as Fastify's own compilers would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_AJV_OPTIONS, sandboxSchemaController } from '../../src/sandbox/contract/compilers.js';
import { buildSandboxApp, registeredRoutes } from '../../src/sandbox/server.js';

/** A schema object that counts how often its properties are read: a compiler reads them all. */
function counted<T extends object>(schema: T): { schema: T; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(schema, {
    get(target, key, receiver) {
      reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { schema: proxy, reads: () => reads };
}

/** A schema of this test's own, so that no other file in this worker compiled it before. */
function freshSchemas() {
  return {
    body: counted({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false }),
    answer: counted({ type: 'object', properties: { greeting: { type: 'string' } } }),
  };
}

const apps: FastifyInstance[] = [];

async function appWith(schemas: ReturnType<typeof freshSchemas>): Promise<FastifyInstance> {
  const app = Fastify({ ajv: SANDBOX_AJV_OPTIONS, schemaController: sandboxSchemaController });
  apps.push(app);
  app.post('/greet', { schema: { body: schemas.body.schema, response: { 200: schemas.answer.schema } } }, async (request) => ({
    greeting: `Bonjour ${(request.body as { name: string }).name}`,
    undeclared: 'dropped by the serialiser',
  }));
  await app.ready();
  return app;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('a route schema', () => {
  it('is compiled at its first use, not when the app is built', async () => {
    const schemas = freshSchemas();
    const app = await appWith(schemas);
    const atReady = { body: schemas.body.reads(), answer: schemas.answer.reads() };

    const answer = await app.inject({ method: 'POST', url: '/greet', payload: { name: 'Marie' } });

    expect(answer.json()).toEqual({ greeting: 'Bonjour Marie' });
    expect(schemas.body.reads()).toBeGreaterThan(atReady.body);
    expect(schemas.answer.reads()).toBeGreaterThan(atReady.answer);
  });

  it('is compiled once per process: a second app uses what the first compiled', async () => {
    const schemas = freshSchemas();
    const first = await appWith(schemas);
    await first.inject({ method: 'POST', url: '/greet', payload: { name: 'Marie' } });
    const second = await appWith(schemas);
    const afterSecondReady = { body: schemas.body.reads(), answer: schemas.answer.reads() };

    const answer = await second.inject({ method: 'POST', url: '/greet', payload: { name: 'Luc' } });

    expect(answer.json()).toEqual({ greeting: 'Bonjour Luc' });
    expect({ body: schemas.body.reads(), answer: schemas.answer.reads() }).toEqual(afterSecondReady);
  });

  it("refuses a request with Ajv's own errors, through the stand-in", async () => {
    const app = await appWith(freshSchemas());

    const missing = await app.inject({ method: 'POST', url: '/greet', payload: {} });
    const extra = await app.inject({ method: 'POST', url: '/greet', payload: { name: 'Marie', age: 42 } });
    const wrongType = await app.inject({ method: 'POST', url: '/greet', payload: { name: 42 } });

    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe("body must have required property 'name'");
    expect(extra.json().message).toBe('body must NOT have additional properties');
    // Not coerced to "42" (SANDBOX_AJV_OPTIONS).
    expect(wrongType.json().message).toBe('body/name must be string');
  });

  it('is refused for headers, whose names Fastify lowercases only for its own compiler', async () => {
    const app = Fastify({ ajv: SANDBOX_AJV_OPTIONS, schemaController: sandboxSchemaController });
    apps.push(app);
    app.get('/h', { schema: { headers: { type: 'object', properties: { 'X-Thing': { type: 'string' } } } } }, async () => 'ok');

    await expect(app.ready()).rejects.toThrow("GET /h: the sandbox's compilers take no header schema");
  });
});

describe("every sandbox route's schemas", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it.each(['default', 'plain'] as const)('compile with Fastify’s own compilers (%s profile)', async (profile) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'espace-schemas-'));
    dirs.push(dataDir);
    const app = await buildSandboxApp({ dataDir, seedAnchor: '2026-11-01', profile });
    apps.push(app);
    await app.ready();
    const validator = AjvCompiler()({}, SANDBOX_AJV_OPTIONS);
    const serializer = SerializerSelector()();
    let compiled = 0;

    for (const { method, url, schema } of registeredRoutes(app)) {
      const parts = (schema ?? {}) as Record<string, unknown>;
      for (const httpPart of ['params', 'querystring', 'body'] as const) {
        if (parts[httpPart] === undefined) continue;
        expect(validator({ schema: parts[httpPart] as object, method, url, httpPart }), `${method} ${url} ${httpPart}`).toBeTypeOf('function');
        compiled++;
      }
      for (const [httpStatus, answer] of Object.entries((parts.response ?? {}) as Record<string, unknown>)) {
        expect(serializer({ schema: answer, method, url, httpStatus }), `${method} ${url} ${httpStatus}`).toBeTypeOf('function');
        compiled++;
      }
    }

    // Every declared route has at least an answer's schema: about 60 routes, more schemas.
    expect(compiled).toBeGreaterThan(80);
  });
});
