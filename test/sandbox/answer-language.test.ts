/**
 * The sandbox answers in the language Accept-Language prefers, as a bilingual operator's API does:
 * error messages, offer and product names, outage titles, team names and address problems in
 * French or English, over real HTTP. What it stores in one language only goes out as stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLang } from '../../src/sandbox/language/answer-lang.js';
import { referencePairs, referenceText } from '../../src/sandbox/language/reference-texts.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { BILLS, get, send } from './client.js';

const FR = { 'accept-language': 'fr-CA, fr;q=0.9, en;q=0.5' };
const EN = { 'accept-language': 'en-CA, en;q=0.9, fr;q=0.5' };
const OFFERINGS = '/tmf-api/productCatalogManagement/v4/productOffering';
const PROBLEMS = '/tmf-api/serviceProblemManagement/v4/serviceProblem';
const TICKETS = '/tmf-api/troubleTicket/v4/troubleTicket';
const ADDRESS_CHECK = '/tmf-api/geographicAddressManagement/v4/geographicAddressValidation';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

describe('Accept-Language', () => {
  it('prefers by quality, then order, and ignores other languages', () => {
    expect(answerLang('fr-CA, fr;q=0.9, en;q=0.5')).toBe('fr');
    expect(answerLang('de, en;q=0.2, fr;q=0.8')).toBe('fr');
    expect(answerLang('en-CA,fr-CA')).toBe('en');
    expect(answerLang('fr;q=0, en')).toBe('en');
    expect(answerLang('de-DE')).toBeUndefined();
    expect(answerLang(undefined)).toBeUndefined();
  });
});

describe('the sandbox speaks the language asked for', () => {
  it('says a bill is not there in French or in English, and says which with Content-Language', async () => {
    const fr = await get(sandbox.url, `${BILLS}/CB-nope`, sandbox.tokens.marie, FR);
    expect(fr.status).toBe(404);
    expect(fr.body.message).toBe('Aucune facture avec l’identifiant «\u00a0CB-nope\u00a0»');
    expect(fr.headers.get('content-language')).toBe('fr-CA');
    const en = await get(sandbox.url, `${BILLS}/CB-nope`, sandbox.tokens.marie, EN);
    expect(en.body.message).toBe('No customerBill with id "CB-nope"');
    expect(en.headers.get('content-language')).toBe('en-CA');
  });

  it('names offers in either language, whichever the catalog stores', async () => {
    const fr = await get(sandbox.url, `${OFFERINGS}?limit=100`, sandbox.tokens.marie, FR);
    const en = await get(sandbox.url, `${OFFERINGS}?limit=100`, sandbox.tokens.marie, EN);
    const name = (body: { id: string; name: string }[], id: string) => body.find((offering) => offering.id === id)?.name;
    expect(name(fr.body, 'OFF-MOB-15')).toBe('Mobile 15 Go');
    expect(name(en.body, 'OFF-MOB-15')).toBe('Mobile 15 GB');
    expect(name(fr.body, 'OFF-ADD-VVM')).toBe('Messagerie vocale visuelle');
    expect(name(en.body, 'OFF-TV-BASE10')).toBe('TV – Basic + 10 channels');
    expect(fr.body.find((offering: { id: string }) => offering.id === 'OFF-MOB-15').description).toBe('Forfait mobile, 15 Go de données');
  });

  it('titles outages and names support teams in French', async () => {
    const outages = await get(sandbox.url, `${PROBLEMS}?affectedLocation.postCode=H2X`, sandbox.tokens.marie, FR);
    const plateau = outages.body.find((problem: { id: string }) => problem.id === 'SP-1001');
    expect(plateau.name).toBe('Panne d’Internet et de télé — Plateau-Mont-Royal');
    expect(plateau.description).toMatch(/^Un nœud de fibre endommagé/);
    const ticket = await get(sandbox.url, `${TICKETS}/TT-1002`, sandbox.tokens.marie, FR);
    const assignee = ticket.body.relatedParty.find((party: { role: string }) => party.role === 'assignee');
    expect(assignee.name).toBe('Service à la clientèle');
    // What the customer wrote is sent as written, in its one language.
    expect(ticket.body.name).toBe('Frais de location facturés en double');
  });

  it('writes its own escalation note in French, with the team names and priorities, and the reason as written', async () => {
    const tickets = await get(sandbox.url, `${TICKETS}?limit=100`, sandbox.tokens.luc, FR);
    const disputed = tickets.body.find((ticket: { name: string }) => ticket.name === 'Frais de retard contestés');
    const note = (body: { note: { text: string }[] }) => body.note.find((n) => /^(Escalade|Escalated)/.test(n.text))?.text;
    const fr = await get(sandbox.url, `${TICKETS}/${disputed.id}`, sandbox.tokens.luc, FR);
    expect(note(fr.body)).toBe(
      'Escalade\u00a0: Équipe de facturation (responsable\u00a0: Service à la clientèle → Équipe de facturation\u00a0; priorité\u00a0: moyenne → haute). Motif\u00a0: frais de retard contestés',
    );
    const en = await get(sandbox.url, `${TICKETS}/${disputed.id}`, sandbox.tokens.luc, EN);
    expect(note(en.body)).toBe(
      'Escalated to Billing support team (assignee: Customer support → Billing support team; priority: medium → high). Reason: frais de retard contestés',
    );
  });

  it('explains an unknown city, with its suggestion, in French', async () => {
    const fr = await send(sandbox.url, 'POST', ADDRESS_CHECK, {
      token: sandbox.tokens.marie,
      contentType: 'application/json',
      headers: FR,
      body: JSON.stringify({
        provideAlternative: true,
        submittedGeographicAddress: {
          streetNr: '1234',
          streetName: 'rue Saint-Denis',
          city: 'Montreal',
          stateOrProvince: 'QC',
          postcode: 'H2X 1Y4',
          country: 'CA',
        },
      }),
    });
    expect(fr.body.problem).toEqual(['la ville «\u00a0Montreal\u00a0» est inconnue au Québec\u00a0; vouliez-vous dire «\u00a0Montréal\u00a0»\u00a0?']);
  });

  it('sends what it stores when no language it speaks is asked for', async () => {
    const answer = await get(sandbox.url, `${OFFERINGS}/OFF-MOB-15`, sandbox.tokens.marie, { 'accept-language': 'de-DE' });
    expect(answer.body.name).toBe('Mobile 15 GB');
    expect(answer.headers.get('content-language')).toBeNull();
  });

  it('words a live chat ticket in French around what the customer wrote', () => {
    expect(referenceText('Live chat: Ma facture est trop élevée', 'fr')).toBe('Clavardage\u00a0: Ma facture est trop élevée');
    expect(referenceText('Answered in live chat by Sophie Roy', 'fr')).toBe('Réponse donnée en clavardage par Sophie Roy');
    expect(referenceText('Clavardage\u00a0: Internet lent', 'en')).toBe('Live chat: Internet lent');
  });

  it('has a French and an English side for every reference text, each turning into the other', () => {
    for (const [en, fr] of referencePairs()) {
      if (en.includes('{n}')) continue;
      expect(referenceText(en, 'fr')).toBe(fr);
      expect(referenceText(fr, 'en')).toBe(en);
    }
  });
});
