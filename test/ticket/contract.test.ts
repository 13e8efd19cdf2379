/**
 * The generated OpenAPI document for trouble tickets, live chat and the sandbox clock: each
 * operation comes from the contract its route declares (tickets/, chat/ and clock/contract.ts).
 */
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
  dataDir = await mkdtemp(join(tmpdir(), 'espace-ticket-contract-'));
  app = await buildSandboxApp({ dataDir, seedAnchor: '2026-11-01' });
  await app.ready();
  doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const TICKETS = '/tmf-api/troubleTicket/v4/troubleTicket';

describe('the document of trouble tickets', () => {
  it('takes the bodies, filters and answers from the contract', () => {
    const create = doc.paths[TICKETS].post;
    expect(create.operationId).toBe('createTroubleTicket');
    expect(create.requestBody.content['application/json'].schema).toEqual(ref('TroubleTicket_Create'));
    expect(create.responses['201'].content['application/json'].schema).toEqual(ref('EspaceTroubleTicket'));
    const body = doc.components.schemas.TroubleTicket_Create;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(expect.arrayContaining(['description', 'ticketType', 'severity']));
    expect(body.properties.description.maxLength).toBe(8000);
    const list = doc.paths[TICKETS].get;
    expect(list.parameters.find((p: { name: string }) => p.name === 'severity').schema.enum).toEqual(['minor', 'major', 'critical']);
    const patch = doc.paths[`${TICKETS}/{id}`].patch;
    expect(Object.keys(patch.requestBody.content)).toEqual(['application/merge-patch+json', 'application/json']);
    expect(patch.responses['409'].content['application/json'].schema).toEqual(ref('Error'));
    expect(doc.paths[`${TICKETS}/{id}/escalate`].post.requestBody.content['application/json'].schema).toEqual(ref('Escalation'));
    expect(doc.components.schemas.EspaceTroubleTicket.properties.note.items.properties.noteType.enum).toEqual(['comment', 'change', 'chat']);
  });
});

describe('the document of live chat and of the sandbox clock', () => {
  it('declares chat behind a bearer token, and its event stream without a JSON body', () => {
    const message = doc.paths['/chat/v1/conversation/{id}/message'].post;
    expect(message.security).toEqual([{ bearerAuth: [] }]);
    expect(message.requestBody.content['application/json'].schema).toEqual(ref('ChatMessage_Create'));
    expect(message.responses['201'].content['application/json'].schema).toEqual(ref('ChatEvent'));
    const stream = doc.paths['/chat/v1/conversation/{id}/events'].get;
    expect(stream.responses['200'].content).toBeUndefined();
    expect(stream.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'after']);
    expect(doc.components.schemas.Conversation_Close.properties.ticketType.enum).toContain('serviceRequest');
  });

  it('declares the clock without authentication, with its advance body and its 422', () => {
    const advance = doc.paths['/sandbox/clock/advance'].post;
    expect(advance.security).toBeUndefined();
    expect(advance.requestBody.content['application/json'].schema).toEqual(ref('SandboxClockAdvance'));
    expect(Object.keys(doc.components.schemas.SandboxClockAdvance.properties)).toEqual(['by', 'to']);
    expect(advance.responses['422'].content['application/json'].schema).toEqual(ref('Error'));
    const event = doc.components.schemas.SandboxClockEvent;
    expect(event.properties.kind.enum).toEqual(['billRun', 'autopay', 'overdue', 'outage', 'order']);
    expect(event.properties.detail.nullable).toBe(true);
  });
});
