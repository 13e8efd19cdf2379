/**
 * The sandbox's error messages in French. Handlers write them in English (the sandbox's log and
 * its OpenAPI document are in English); an answer to a client that prefers French carries the
 * French text of the messages a customer can meet. A message not listed here (a malformed request,
 * something only a developer sees) is sent in English, as written.
 */
type Rule = readonly [pattern: RegExp, french: (...groups: string[]) => string];

/** TMF resource names in French, with the article that agrees with them. */
const RESOURCES: Readonly<Record<string, string>> = {
  customerBill: 'Aucune facture',
  billingAccount: 'Aucun compte de facturation',
  payment: 'Aucun paiement',
  paymentMethod: 'Aucun mode de paiement',
  product: 'Aucun produit',
  productOffering: 'Aucune offre',
  productOfferingPrice: 'Aucun prix d’offre',
  productOrder: 'Aucune commande',
  troubleTicket: 'Aucune demande',
  serviceProblem: 'Aucun incident',
  individual: 'Aucune personne',
  userinfo: 'Aucun utilisateur',
  conversation: 'Aucune conversation',
  customerBillOnDemand: 'Aucune facture sur demande',
  appliedCustomerBillingRate: 'Aucun frais facturé',
};

const TICKET_STATUSES: Readonly<Record<string, string>> = {
  acknowledged: 'reçue',
  inProgress: 'en cours',
  pending: 'en attente',
  held: 'suspendue',
  resolved: 'résolue',
  closed: 'fermée',
  cancelled: 'annulée',
  rejected: 'rejetée',
};

const BILL_STATES: Readonly<Record<string, string>> = {
  settled: 'réglée',
  sent: 'émise',
  validated: 'validée',
  new: 'nouvelle',
  onHold: 'en suspens',
  partiallyPaid: 'partiellement payée',
};

const PROVINCES_FR: Readonly<Record<string, string>> = {
  QC: 'au Québec',
  ON: 'en Ontario',
  NB: 'au Nouveau-Brunswick',
  NS: 'en Nouvelle-Écosse',
  BC: 'en Colombie-Britannique',
  AB: 'en Alberta',
  MB: 'au Manitoba',
  SK: 'en Saskatchewan',
  PE: 'à l’Île-du-Prince-Édouard',
  NL: 'à Terre-Neuve-et-Labrador',
  YT: 'au Yukon',
  NT: 'aux Territoires du Nord-Ouest',
  NU: 'au Nunavut',
};

const inProvince = (code: string) => PROVINCES_FR[code] ?? `dans la province ${code}`;
const or = (list: string) =>
  list
    .split(' or ')
    .map((item) => `« ${item} »`)
    .join(' ou ');

/** One problem of an address check (see party/canadian-address.ts). */
const ADDRESS_PROBLEMS: readonly Rule[] = [
  [
    /^country "(.*)" is not served: only Canadian addresses \(CA\)$/s,
    (country) => `le pays « ${country} » n’est pas desservi : adresses canadiennes seulement (CA)`,
  ],
  [/^stateOrProvince "(.*)" is not a Canadian province or territory code$/s, (code) => `« ${code} » n’est pas un code de province ou de territoire canadien`],
  [/^postcode "(.*)" is not a Canadian postal code \(A1A 1A1\)$/s, (code) => `« ${code} » n’est pas un code postal canadien (A1A 1A1)`],
  [/^streetName is missing$/, () => 'le nom de la rue manque'],
  [
    /^postcode (.*) is not in (\w+) \(postal codes there start with (.*)\)$/s,
    (code, province, letters) =>
      `le code postal ${code} n’est pas ${inProvince(province)} (les codes postaux y commencent par ${letters.replace(/, /g, ', ')})`,
  ],
  [
    /^city "(.*)" is not known in (\w+); did you mean (.*)\?$/s,
    (city, province, close) => `la ville « ${city} » est inconnue ${inProvince(province)} ; vouliez-vous dire ${or(close)} ?`,
  ],
  [/^city "(.*)" is not known in (\w+)$/s, (city, province) => `la ville « ${city} » est inconnue ${inProvince(province)}`],
];

const RULES: readonly Rule[] = [
  [/^No (\w+) with id "(.*)"$/s, (resource, id) => `${RESOURCES[resource] ?? `Aucune ressource ${resource}`} avec l’identifiant « ${id} »`],
  [/^Item (\d+): no product with id "(.*)"$/s, (index, id) => `Article ${index} : aucun produit avec l’identifiant « ${id} »`],
  [/^No active session "(.*)" of this user$/s, (id) => `Aucune session active « ${id} » pour cet utilisateur`],
  [/^The card (.*) was declined by its issuer; nothing was charged$/s, (card) => `La carte ${card} a été refusée par son émetteur ; rien n’a été porté`],
  [/^The card (.*) has expired; nothing was charged$/s, (card) => `La carte ${card} est expirée ; rien n’a été porté`],
  [/^The card has expired$/, () => 'La carte est expirée'],
  [/^Bill "(.*)" is already settled; nothing is owed on it$/s, (bill) => `La facture « ${bill} » est déjà réglée ; rien n’est dû`],
  [/^Bill "(.*)" is not issued yet; nothing is owed on it$/s, (bill) => `La facture « ${bill} » n’est pas encore émise ; rien n’est dû`],
  [/^Bill "(.*)" is not a bill of account (.*)$/s, (bill, account) => `La facture « ${bill} » n’est pas une facture du compte ${account}`],
  [/^The bill is in (\w+); the payment must be too$/, (currency) => `La facture est en ${currency} ; le paiement doit l’être aussi`],
  [
    /^Payment method "(.*)" is not on file for account (.*)$/s,
    (method, account) => `Le mode de paiement « ${method} » n’est pas enregistré pour le compte ${account}`,
  ],
  [
    /^(.*) is the account's default payment method; choose another default first$/s,
    (method) => `${method} est le mode de paiement par défaut du compte ; choisissez d’abord un autre mode par défaut`,
  ],
  [
    /^Autopay needs a default payment method on file \(a card or a bank account\)$/,
    () => 'Le paiement préautorisé exige un mode de paiement par défaut enregistré (une carte ou un compte bancaire)',
  ],
  [
    /^The billing address must be in a province the operator serves \((.*)\); (\w+) is not one of them$/s,
    (served, province) => `L’adresse de facturation doit être dans une province desservie (${served}) ; ${province} n’en fait pas partie`,
  ],
  [
    /^This Idempotency-Key was already used with a different request; use a new key for a new payment$/,
    () => 'Cette clé d’idempotence a déjà servi pour une autre requête ; utilisez une nouvelle clé pour un nouveau paiement',
  ],
  [
    /^This Idempotency-Key belongs to another caller; use a new key for a new payment$/,
    () => 'Cette clé d’idempotence appartient à un autre appelant ; utilisez une nouvelle clé pour un nouveau paiement',
  ],
  [
    /^A request with this Idempotency-Key is still being processed; retry later with the same key$/,
    () => 'Une requête avec cette clé d’idempotence est encore en traitement ; réessayez plus tard avec la même clé',
  ],
  [/^"currentPassword" is not the current password$/, () => 'Le mot de passe actuel donné n’est pas le bon'],
  [
    /^The code is wrong, expired or already used \(a current code or an unused recovery code is needed\)$/,
    () => 'Le code est erroné, expiré ou déjà utilisé (il faut un code en cours ou un code de récupération inutilisé)',
  ],
  [
    /^The code does not match the secret \(check the device clock, and use the newest code\)$/,
    () => 'Le code ne correspond pas au secret (vérifiez l’heure de l’appareil et utilisez le code le plus récent)',
  ],
  [/^Two-factor authentication is not on$/, () => 'L’authentification à deux facteurs n’est pas activée'],
  [
    /^Two-factor authentication is already on; turn it off first to enrol a new device$/,
    () => 'L’authentification à deux facteurs est déjà activée ; désactivez-la d’abord pour inscrire un nouvel appareil',
  ],
  [/^Two-factor authentication is already on$/, () => 'L’authentification à deux facteurs est déjà activée'],
  [/^No enrolment is waiting for a code; start one first$/, () => 'Aucune inscription n’attend de code ; commencez-en une d’abord'],
  [/^Ticket (.*) is already with (.*), the highest level$/s, (id, team) => `La demande ${id} est déjà confiée à l’équipe « ${team} », le niveau le plus élevé`],
  [
    /^Ticket (.*) is (\w+); only an open ticket can be escalated$/s,
    (id, status) => `La demande ${id} est ${TICKET_STATUSES[status] ?? status} ; seule une demande ouverte peut être transférée`,
  ],
  [
    /^Ticket (.*) is (\w+); its (\w+) can no longer change$/s,
    (id, status, field) => `La demande ${id} est ${TICKET_STATUSES[status] ?? status} ; son champ ${field} ne peut plus changer`,
  ],
  [
    /^The bill of this cycle \((.*)\) is already (\w+); it can no longer be produced again$/s,
    (bill, state) => `La facture de ce cycle (${bill}) est déjà ${BILL_STATES[state] ?? state} ; elle ne peut plus être produite de nouveau`,
  ],
  [/^Conversation (.*) has ended$/s, (id) => `La conversation ${id} est terminée`],
  [/^Only customers start a conversation$/, () => 'Seuls les clients commencent une conversation'],
  [
    /^This token is read-only \(scope "(.*)"\): (\w+) is not allowed$/s,
    (scope, method) => `Ce jeton est en lecture seule (portée « ${scope} ») : ${method} n’est pas permis`,
  ],
  [/^Only support staff change "priority" or "channel"$/, () => 'Seul le personnel de soutien change la priorité ou le canal'],
  [/^Only support staff set "priority"; it follows from "severity"$/, () => 'Seul le personnel de soutien fixe la priorité ; elle découle de la gravité'],
  [
    /^Account security applies to a user login; this token belongs to a client$/,
    () => 'La sécurité du compte s’applique à une connexion d’utilisateur ; ce jeton appartient à un client',
  ],
  [
    /^The postal address is not valid: (.*) \(validate it with geographicAddressValidation first\)$/s,
    (problems) =>
      `L’adresse postale n’est pas valide : ${problems
        .split('; ')
        .map((problem) => addressProblemText(problem, 'fr'))
        .join(' ; ')} (validez-la d’abord avec geographicAddressValidation)`,
  ],
];

function apply(rules: readonly Rule[], message: string): string | undefined {
  for (const [pattern, french] of rules) {
    const match = pattern.exec(message);
    if (match) return french(...match.slice(1).map((group) => group ?? ''));
  }
  return undefined;
}

/** An error message in the client's language: French when a rule has it, else as written. */
export function errorText(message: string, lang: 'en' | 'fr'): string {
  return lang === 'fr' ? (apply(RULES, message) ?? message) : message;
}

/** One problem of an address check in the client's language (for the address validation answer too). */
export function addressProblemText(problem: string, lang: 'en' | 'fr'): string {
  return lang === 'fr' ? (apply(ADDRESS_PROBLEMS, problem) ?? problem) : problem;
}
