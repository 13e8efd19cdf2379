/**
 * Answers in the client's language: a hook that rewrites every JSON answer, before it is
 * serialized, into the language `Accept-Language` prefers — reference texts (`name`,
 * `description`, a ticket's status change reasons; see reference-texts.ts), error messages (error-texts.ts), the sandbox's own
 * escalation notes (note-texts.ts) and the problems of an
 * address validation — and says which with `Content-Language`. Without English or French in
 * `Accept-Language`, answers go out as stored.
 */
import type { FastifyInstance } from 'fastify';
import { answerLang, type AnswerLang } from './answer-lang.js';
import { addressProblemText, errorText } from './error-texts.js';
import { noteText } from './note-texts.js';
import { referenceText } from './reference-texts.js';

const REFERENCE_FIELDS = new Set(['name', 'description', 'statusChangeReason', 'changeReason']);

/** A copy of `value` with its reference texts and messages in `lang` (the original is left alone). */
export function localizeAnswer(value: unknown, lang: AnswerLang): unknown {
  if (Array.isArray(value)) return value.map((item) => localizeAnswer(item, lang));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const isError = source['@type'] === 'Error';
  const isAddressCheck = source['@type'] === 'GeographicAddressValidation';
  const isNote = source['@type'] === 'EspaceNote' || source['@type'] === 'Note';
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(source)) {
    if (typeof field === 'string' && REFERENCE_FIELDS.has(key)) copy[key] = referenceText(field, lang);
    else if (typeof field === 'string' && isError && key === 'message') copy[key] = errorText(field, lang);
    else if (typeof field === 'string' && isNote && key === 'text') copy[key] = noteText(field, lang);
    else if (isAddressCheck && key === 'problem' && Array.isArray(field))
      copy[key] = field.map((problem) => (typeof problem === 'string' ? addressProblemText(problem, lang) : problem));
    else copy[key] = localizeAnswer(field, lang);
  }
  return copy;
}

/** Registers the hook on the root instance, before the routes, so that it covers every answer. */
export function answerInClientLanguage(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    reply.header('vary', 'Accept-Language');
    const lang = answerLang(request.headers['accept-language']);
    if (!lang) return payload;
    reply.header('content-language', lang === 'fr' ? 'fr-CA' : 'en-CA');
    return localizeAnswer(payload, lang);
  });
}
