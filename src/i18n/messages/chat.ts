import type { MessageTable } from '../catalog.js';

/** Live chat with support (`espace support chat`). */
export const chatMessages = {
  'support.description': { en: 'reach customer support', fr: 'joindre le service à la clientèle' },
  'chat.description': {
    en: 'chat live with an agent; lines you type (or pipe) are sent, /quit ends; the transcript is saved to a ticket',
    fr: 'clavarder en direct avec un agent ; les lignes tapées (ou transmises par un tube) sont envoyées, /quit termine ; la transcription est enregistrée dans un billet',
  },
  'chat.option.queue': { en: 'agents: pick up the customer who has waited longest', fr: 'agents : prendre le client qui attend depuis le plus longtemps' },
  'chat.option.wait': {
    en: 'how long to wait for an agent (default {customer}) or, with --queue, for a customer (default {agent}); e.g. 90s, 2m',
    fr: 'durée d’attente d’un agent (par défaut {customer}) ou, avec --queue, d’un client (par défaut {agent}) ; p. ex. 90s, 2m',
  },
  'chat.option.subject': { en: 'what it is about', fr: 'le sujet' },
  'chat.option.type': { en: 'type of the ticket that keeps the transcript', fr: 'type du billet qui conserve la transcription' },
  'chat.option.noTicket': {
    en: 'when no agent answers, leave no ticket (nothing of the chat is kept)',
    fr: 'si aucun agent ne répond, ne laisser aucun billet (rien de la conversation n’est conservé)',
  },
  'chat.option.conversation': {
    en: 'agents: join this conversation rather than the oldest waiting one',
    fr: 'agents : joindre cette conversation plutôt que la plus ancienne en attente',
  },
  'chat.waiting': {
    en: 'Waiting for an agent (up to {seconds} s). Type your messages; {quit} to leave.',
    fr: 'En attente d’un agent (jusqu’à {seconds} s). Tapez vos messages ; {quit} pour quitter.',
  },
  'chat.connected': {
    en: 'Connected with {customer} ({subject}). Type your messages; {quit} to end the chat.',
    fr: 'En ligne avec {customer} ({subject}). Tapez vos messages ; {quit} pour terminer.',
  },
  'chat.queueEmpty': { en: 'No customer is waiting; watching the queue…', fr: 'Aucun client n’attend ; surveillance de la file…' },
  'chat.noCustomer': { en: 'no customer came within {seconds} s.', fr: 'aucun client ne s’est présenté en {seconds} s.' },
  'chat.joined': { en: '{agent} joined the chat.', fr: '{agent} a rejoint la conversation.' },
  'chat.noAgent': { en: 'No agent answered within {seconds} s.', fr: 'Aucun agent n’a répondu en {seconds} s.' },
  'chat.offerTicket': {
    en: 'Leave a ticket with your messages, so that an agent follows up?',
    fr: 'Laisser un billet avec vos messages, pour qu’un agent fasse le suivi ?',
  },
  'chat.endedBy': { en: '{name} ended the chat.', fr: '{name} a mis fin à la conversation.' },
  'chat.ended': { en: 'Chat ended.', fr: 'Conversation terminée.' },
  'chat.transcriptSaved': {
    en: "Transcript saved to ticket {id} ('espace ticket show {id}').",
    fr: 'Transcription enregistrée dans le billet {id} (« espace ticket show {id} »).',
  },
  'chat.transcriptOnly': {
    en: 'No ticket was asked for, but the server kept the transcript in ticket {id}.',
    fr: 'Aucun billet n’a été demandé, mais le serveur a conservé la transcription dans le billet {id}.',
  },
  'chat.you': { en: 'You:', fr: 'Vous :' },
  'chat.label': { en: '{name}:', fr: '{name} :' },
  'chat.typedLineTooLong': {
    en: 'Not sent: a message holds at most {max} bytes. Shorten it and send it again.',
    fr: 'Non envoyé : un message compte au plus {max} octets. Raccourcissez-le et renvoyez-le.',
  },
  'chat.noTicket': { en: 'No ticket left: nothing of this chat was kept.', fr: 'Aucun billet laissé : rien de cette conversation n’a été conservé.' },
  'chat.lineTooLong': {
    en: 'line {line} of the input is longer than {max} bytes; it was not sent, and the chat stopped. Send long texts as a ticket (espace ticket open --description -).',
    fr: 'la ligne {line} de l’entrée dépasse {max} octets ; elle n’a pas été envoyée, et le clavardage s’est arrêté. Envoyez les longs textes dans un billet (espace ticket open --description -).',
  },
  'chat.streamFailed': {
    en: 'the chat connection failed: {reason}. Check the connection and start the chat again.',
    fr: 'la connexion de clavardage a échoué : {reason}. Vérifiez la connexion et relancez le clavardage.',
  },
  'chat.redirectRefused': {
    en: 'the chat server redirected the event stream from {from} to {to}; espace only follows redirects within the API’s own origin (same scheme, host and port), so that your token stays there. Check the API URL of the context.',
    fr: 'le serveur de clavardage a redirigé le flux d’événements de {from} vers {to} ; espace ne suit une redirection qu’à l’intérieur de l’origine de l’API (même protocole, hôte et port), pour que votre jeton y reste. Vérifiez l’URL de l’API du contexte.',
  },
} satisfies MessageTable;
