/**
 * The sandbox's reference texts in both languages: offer and product names, price and fee names,
 * outage titles and descriptions, support teams. The database and the seed keep one spelling
 * (English or French); an answer shows the one the client asked for. A text that is not here
 * (what a customer or an agent wrote, an address, a name) is sent as stored, in its one language.
 */
import type { AnswerLang } from './answer-lang.js';

/** `{n}` stands for a number and `{text}` for any text, the same on both sides. */
type Pair = readonly [en: string, fr: string];

const PAIRS: readonly Pair[] = [
  // Offers (TMF620) and the products sold from them.
  ['Internet {n} Mbit/s, unlimited data', 'Internet {n} Mbit/s, données illimitées'],
  ['Internet {n} Gbit/s, unlimited data', 'Internet {n} Gbit/s, données illimitées'],
  ['TV – Basic', 'Télé – Base'],
  ['TV – Basic + {n} channels', 'Télé – Base + {n} chaînes'],
  ['Basic TV: {n} channels', 'Télé de base : {n} chaînes'],
  ['Basic TV and {n} channels of your choice', 'Télé de base et {n} chaînes au choix'],
  ['Home phone', 'Téléphonie résidentielle'],
  ['Home phone – Canada unlimited', 'Téléphonie résidentielle – Canada illimité'],
  ['Home phone line, local calls', 'Ligne de téléphonie résidentielle, appels locaux'],
  ['Home phone line, unlimited calls within Canada', 'Ligne de téléphonie résidentielle, appels illimités au Canada'],
  ['Mobile {n} GB', 'Mobile {n} Go'],
  ['Mobile plan, {n} GB of data', 'Forfait mobile, {n} Go de données'],
  ['International long distance – {n} minutes', 'Interurbain international – {n} minutes'],
  ['{n} minutes of international calls a month', '{n} minutes d’appels internationaux par mois'],
  ['Super Écran', 'Super Écran'],
  ['Premium movie channels', 'Chaînes de films de première qualité'],
  ['Sports channels (RDS, TSN); not available with Basic TV alone', 'Chaînes de sports (RDS, TSN) ; non offertes avec la Télé de base seule'],
  ['Digital video recorder rental', 'Location d’enregistreur numérique'],
  ['Visual Voicemail', 'Messagerie vocale visuelle'],
  ['Voicemail messages in the phone app', 'Messages vocaux dans l’application du téléphone'],
  ['Extra data {n} GB', 'Données supplémentaires {n} Go'],
  ['{n} GB of extra mobile data every month; not available with Mobile {n}', '{n} Go de données mobiles en plus chaque mois ; non offert avec Mobile {n}'],
  ['Wi-Fi extender', 'Amplificateur Wi-Fi'],
  ['Wi-Fi extender rental', 'Location d’amplificateur Wi-Fi'],
  // Prices, terms and charges.
  ['Monthly price', 'Prix mensuel'],
  ['{n}-month contract', 'Contrat de {n} mois'],
  ['No contract', 'Sans contrat'],
  ['Contract term', 'Durée du contrat'],
  ['Mobile data above the allowance, per GB or part of a GB', 'Données mobiles au-delà de l’allocation, par Go ou fraction de Go'],
  ['prorated credit', 'crédit au prorata'],
  ['prorated charge', 'frais au prorata'],
  ['Internet Giga promotion', 'Promotion Internet Giga'],
  ['Mobile data overage – {n} GB', 'Dépassement de données mobiles – {n} Go'],
  ['Data overage – {n} GB', 'Dépassement de données – {n} Go'],
  ['International calls outside the plan', 'Appels internationaux hors forfait'],
  ['Movie rental – Illico', 'Location de film – Illico'],
  ['9-1-1 service fee', 'Taxe municipale pour le 9-1-1'],
  ['US Roaming Pass – {n} days', 'Passe Itinérance États-Unis – {n} jours'],
  ['SIM card replacement', 'Remplacement de la carte SIM'],
  ['Pay-per-view event – Boxing gala', 'Événement à la carte – Gala de boxe'],
  ['Late payment fee', 'Frais de retard'],
  ['Next bill on demand', 'Prochaine facture sur demande'],
  ['Pre-authorized payment', 'Paiement préautorisé'],
  ['Pre-authorized debit', 'Débit préautorisé'],
  ['Pre-authorized debit – account •••• {n}', 'Débit préautorisé – compte •••• {n}'],
  ['Online payment', 'Paiement en ligne'],
  // Outages and maintenance (TMF656).
  ['Internet and TV outage — Plateau-Mont-Royal', 'Panne d’Internet et de télé — Plateau-Mont-Royal'],
  [
    'A damaged fibre node interrupts Internet and TV service. Crews are on site.',
    'Un nœud de fibre endommagé interrompt les services Internet et télé. Des équipes sont sur place.',
  ],
  ['Planned maintenance — Laval mobile and home phone network', 'Entretien planifié — réseau mobile et de téléphonie résidentielle de Laval'],
  [
    'Network upgrade overnight; mobile and home phone service may be interrupted for up to 30 minutes.',
    'Mise à niveau du réseau pendant la nuit ; les services mobile et de téléphonie résidentielle peuvent être interrompus jusqu’à 30 minutes.',
  ],
  ['Internet outage — downtown Ottawa', 'Panne d’Internet — centre-ville d’Ottawa'],
  [
    'A power failure at a distribution hub interrupted Internet service. Service is restored.',
    'Une panne de courant à un centre de distribution a interrompu le service Internet. Le service est rétabli.',
  ],
  ['Internet outage — Vieux-Québec', 'Panne d’Internet — Vieux-Québec'],
  ['A cut cable interrupts Internet service. Repairs are under way.', 'Un câble sectionné interrompt le service Internet. Les réparations sont en cours.'],
  ['Planned maintenance — downtown Montréal TV', 'Entretien planifié — télé au centre-ville de Montréal'],
  [
    'TV equipment replacement; channels may be unavailable for a few minutes during the window.',
    'Remplacement d’équipement de télé ; des chaînes peuvent être indisponibles quelques minutes pendant la période.',
  ],
  // Support teams (TMF621 assignee).
  ['Customer support', 'Service à la clientèle'],
  ['Billing support team', 'Équipe de facturation'],
  ['Technical support team', 'Équipe du soutien technique'],
  ['Support supervisor', 'Superviseur du soutien'],
  // Live chat transcripts saved as tickets (their subject and how the chat ended).
  ['Live chat: {text}', 'Clavardage : {text}'],
  ['Answered in live chat by {text}', 'Réponse donnée en clavardage par {text}'],
  ['Left by the customer: no agent was available', 'Laissé par le client : aucun agent n’était disponible'],
  ['Chat ended before an agent answered', 'Clavardage terminé avant la réponse d’un agent'],
  // Product categories of the plain profile.
  ['TV', 'Télé'],
  ['Add-ons', 'Options'],
];

interface Compiled {
  pattern: RegExp;
  template: string;
}

function compile(from: string, to: string): Compiled {
  const escaped = from
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\\\{n\\\}/g, '(\\d+(?:[.,]\\d+)?)')
    .replace(/\\\{text\\\}/g, '(.+)');
  return { pattern: new RegExp(`^${escaped}$`), template: to };
}

const TABLES: Record<AnswerLang, Compiled[]> = {
  en: PAIRS.map(([en, fr]) => compile(fr, en)),
  fr: PAIRS.map(([en, fr]) => compile(en, fr)),
};

function exact(text: string, lang: AnswerLang): string | undefined {
  for (const { pattern, template } of TABLES[lang]) {
    const match = pattern.exec(text);
    if (!match) continue;
    let index = 1;
    return template.replace(/\{(?:n|text)\}/g, () => match[index++] ?? '');
  }
  return undefined;
}

/**
 * A reference text in `lang`: the whole text if the table has it, else each part of a
 * `Name – Detail` compound (a fee named after a product, say) that it has; otherwise unchanged.
 */
export function referenceText(text: string, lang: AnswerLang): string {
  const whole = exact(text, lang);
  if (whole !== undefined) return whole;
  if (!text.includes(' – ')) return text;
  return text
    .split(' – ')
    .map((part) => exact(part, lang) ?? part)
    .join(' – ');
}

/** Every pair, for tests and for the OpenAPI document. */
export function referencePairs(): readonly Pair[] {
  return PAIRS;
}
