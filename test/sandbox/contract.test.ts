import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildSandboxApp } from '../../src/sandbox/server.js';

let app: FastifyInstance;
let dataDir: string;
let doc: any;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'espace-contract-'));
  app = await buildSandboxApp({ dataDir, seedAnchor: '2026-11-01' });
  await app.ready();
  doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the generated document', () => {
  it('documents a declared route from its contract: parameters, answers and the model as a component', () => {
    const list = doc.paths['/tmf-api/serviceProblemManagement/v4/serviceProblem'].get;
    expect(list.operationId).toBe('listServiceProblem');
    expect(list.security).toEqual([{ bearerAuth: [] }]);
    const names = list.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['fields', 'offset', 'limit', 'affectedLocation.postCode', 'status', 'category']));
    const limit = list.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', maximum: 1000 } });
    expect(list.responses['200'].headers).toHaveProperty('X-Total-Count');
    expect(list.responses['200'].content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/EspaceServiceProblem' },
    });
    expect(list.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    const model = doc.components.schemas.EspaceServiceProblem;
    expect(model.properties.status.enum).toEqual(['acknowledged', 'inProgress', 'resolved']);
    expect(model.required).toEqual(expect.arrayContaining(['id', 'href', 'estimatedRestorationDate']));
    expect(model.properties.resolutionDate.format).toBe('date-time');
    const retrieve = doc.paths['/tmf-api/serviceProblemManagement/v4/serviceProblem/{id}'].get;
    expect(retrieve.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('documents utility routes without authentication', () => {
    const health = doc.paths['/health'].get;
    expect(health.security).toBeUndefined();
    expect(health.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Health' });
    expect(doc.components.schemas.Error.properties.code.type).toBe('string');
  });

  it('has no JSON Schema $id left in it', () => {
    expect(JSON.stringify(doc)).not.toContain('"$id"');
  });
});

describe('the served answers', () => {
  it('are serialised with the contract and keep what a fields selection asks for', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: 'espace-ci', client_secret: 'espace-ci-sandbox-secret' },
    });
    const token = login.json().access_token as string | undefined;
    if (!token) return expect.fail(`no token: ${login.body}`);
    const full = await app.inject({ url: '/tmf-api/serviceProblemManagement/v4/serviceProblem', headers: { authorization: `Bearer ${token}` } });
    expect(full.statusCode).toBe(200);
    const problems = full.json();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toHaveProperty('estimatedRestorationDate');
    const some = await app.inject({
      url: '/tmf-api/serviceProblemManagement/v4/serviceProblem?fields=status',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(Object.keys(some.json()[0]).sort()).toEqual(['@type', 'href', 'id', 'status']);
  });
});

describe('a declared body', () => {
  it('is validated by Fastify, and a refusal is a TMF 400 naming the field', async () => {
    const { default: Fastify } = await import('fastify');
    const { z } = await import('zod');
    const { routeSchema } = await import('../../src/sandbox/contract/route-schema.js');
    const { tmfErrorHandler } = await import('../../src/sandbox/tmf-errors.js');
    const small = Fastify({ ajv: { customOptions: { removeAdditional: false } } });
    small.setErrorHandler(tmfErrorHandler);
    const schema = routeSchema({
      operationId: 'createThing',
      tags: ['meta'],
      summary: 'test',
      body: z.strictObject({ amount: z.strictObject({ value: z.number(), unit: z.literal('CAD') }), note: z.string().optional() }),
      response: { 201: z.object({ ok: z.boolean() }) },
    });
    small.post('/thing', { schema }, async (_request, reply) => reply.code(201).send({ ok: true, extra: 'kept' }));
    try {
      const cases: [unknown, string][] = [
        [{ amount: { value: 1, unit: 'CAD' }, foo: 1 }, 'Unexpected field "foo" in the body'],
        [{ amount: { value: 'x', unit: 'CAD' } }, 'body.amount.value must be number'],
        [{ amount: { value: 1 } }, 'body.amount is missing the required field "unit"'],
        [{ amount: { value: 1, unit: 'USD' } }, 'body.amount.unit must be "CAD"'],
      ];
      for (const [payload, message] of cases) {
        const res = await small.inject({ method: 'POST', url: '/thing', payload: payload as object });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json()).toEqual({ code: '400', reason: 'Bad Request', message, status: '400', '@type': 'Error' });
      }
      const ok = await small.inject({ method: 'POST', url: '/thing', payload: { amount: { value: 1, unit: 'CAD' } } });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toEqual({ ok: true, extra: 'kept' });
    } finally {
      await small.close();
    }
  });
});
