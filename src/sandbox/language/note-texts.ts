/**
 * The one ticket note the sandbox writes itself, an escalation, in the client's language. Its
 * parts are reference texts (team names) and priorities; the reason after "Reason:" is what a
 * person wrote and is sent as written.
 */
import type { AnswerLang } from './answer-lang.js';
import { referenceText } from './reference-texts.js';

const ESCALATION = /^Escalated to (.+) \(assignee: (.+) → (.+); priority: (\w+) → (\w+)\)\. Reason: (.*)$/s;

const FRENCH_PRIORITY: Record<string, string> = { low: 'basse', medium: 'moyenne', high: 'haute', urgent: 'urgente' };

/** A note's text in `lang`: the escalation note translated, any other note as stored. */
export function noteText(text: string, lang: AnswerLang): string {
  const escalation = lang === 'fr' ? ESCALATION.exec(text) : null;
  if (!escalation) return text;
  const [, target, from, to, before, after, reason] = escalation as unknown as [string, string, string, string, string, string, string];
  const team = (name: string) => referenceText(name, 'fr');
  const priority = (word: string) => FRENCH_PRIORITY[word] ?? word;
  return (
    `Escalade\u00a0: ${team(target)} (responsable\u00a0: ${team(from)} → ${team(to)}\u00a0; ` +
    `priorité\u00a0: ${priority(before)} → ${priority(after)}). Motif\u00a0: ${reason}`
  );
}
