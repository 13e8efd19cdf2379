import type { MessageTable } from '../catalog.js';

/**
 * What espace says about the values a server sends: amounts, currencies and rates it cannot show
 * truthfully, and what a server does not provide (a userinfo endpoint, a usage type espace does
 * not know).
 */
export const valuesMessages = {
  'values.badValue': {
    en: "the server's {resource} {id} has {field} = {value}: {problem} ({where}, request {requestId}). Nothing was printed.",
    fr: 'la ressource {resource} {id} du serveur a {field} = {value} : {problem} ({where}, requête {requestId}). Rien n’a été affiché.',
  },
  'values.problem.notDecimal': { en: 'not a decimal number', fr: 'pas un nombre décimal' },
  'values.problem.outOfRange': {
    en: 'beyond what espace can hold (at most 99,999,999,999.99 either way)',
    fr: 'au-delà de ce qu’espace peut contenir (au plus 99 999 999 999,99 dans un sens ou l’autre)',
  },
  'values.problem.currency': {
    en: 'not an ISO 4217 currency code (three capital letters, such as CAD)',
    fr: 'pas un code de devise ISO 4217 (trois lettres majuscules, comme CAD)',
  },
  'values.problem.rate': {
    en: 'not a tax rate (a fraction from 0 to 1, or a percentage from 1 to 100)',
    fr: 'pas un taux de taxe (une fraction de 0 à 1, ou un pourcentage de 1 à 100)',
  },
  'values.problem.otherCurrency': {
    en: 'not in the currency of the bill ({currency}); espace does not add amounts in different currencies',
    fr: 'pas dans la devise de la facture ({currency}) ; espace n’additionne pas des montants de devises différentes',
  },
  'values.noUserinfo': {
    en: 'this server has no userinfo endpoint (TMF691; {where} answered 404): espace cannot show who is logged in, but the token may still be good.',
    fr: 'ce serveur n’a pas de point d’accès userinfo (TMF691 ; {where} a répondu 404) : espace ne peut pas dire qui est connecté, mais le jeton peut encore être valide.',
  },
  'values.otherCurrencies': {
    en: 'Amounts in {currencies} are shown in their own currency and not added to the {currency} totals.',
    fr: 'Les montants en {currencies} sont affichés dans leur devise et ne sont pas ajoutés aux totaux en {currency}.',
  },
  'values.otherUsage.heading': { en: 'Other usage (types espace does not meter):', fr: 'Autre consommation (types qu’espace ne mesure pas) :' },
  'values.otherUsage.line': { en: '  {type}: {quantity} {unit} ({product})', fr: '  {type} : {quantity} {unit} ({product})' },
  'values.otherUsage.noUnit': { en: '(no unit given)', fr: '(unité non précisée)' },
  'values.compareCurrencies': {
    en: 'bill {bill} has amounts in {other}, the other bill in {currency}: espace does not convert currencies, so it cannot compare them. Use bill show on each.',
    fr: 'la facture {bill} a des montants en {other}, l’autre facture en {currency} : espace ne convertit pas les devises et ne peut donc pas les comparer. Utilisez bill show sur chacune.',
  },
  'values.sumCurrencies': {
    en: 'the products of account {account} are priced in {currencies}: espace does not convert currencies, so it cannot give their monthly total.',
    fr: 'les produits du compte {account} ont des prix en {currencies} : espace ne convertit pas les devises et ne peut donc pas en donner le total mensuel.',
  },
} satisfies MessageTable;
