import type { MessageTable } from '../catalog.js';

/** Outages and planned maintenance (TMF656). */
export const outageMessages = {
  'outage.description': {
    en: 'outages and planned maintenance at your service address (status, estimated restoration)',
    fr: 'pannes et entretiens planifiés à votre adresse de service (état, rétablissement prévu)',
  },
  'outage.option.postalCode': {
    en: 'look up this postal code (e.g. "H2X 1Y4") or its first three characters',
    fr: 'chercher ce code postal (p. ex. « H2X 1Y4 ») ou ses trois premiers caractères',
  },
  'outage.option.all': { en: 'every area, not only yours', fr: 'toutes les régions, pas seulement la vôtre' },
  'outage.option.account': {
    en: 'billing account whose service address to check (agents may name any)',
    fr: 'compte de facturation dont vérifier l’adresse de service (les agents peuvent en nommer un quelconque)',
  },
  'outage.badPostalCode': {
    en: '"{value}" is not a Canadian postal code: give one such as "H2X 1Y4", or its first three characters ("H2X").',
    fr: '« {value} » n’est pas un code postal canadien : indiquez-en un comme « H2X 1Y4 », ou ses trois premiers caractères (« H2X »).',
  },
  'outage.noAddress': {
    en: 'account {account} has no service address on file: give one with --postal-code.',
    fr: 'le compte {account} n’a pas d’adresse de service au dossier : indiquez-en une avec --postal-code.',
  },
  'outage.everywhere': { en: 'every area', fr: 'toutes les régions' },
  'outage.none': { en: 'No outage or planned maintenance reported for {where}.', fr: 'Aucune panne ni aucun entretien planifié signalé pour {where}.' },
  'outage.heading': { en: 'Outages and planned maintenance for {where}:', fr: 'Pannes et entretiens planifiés pour {where} :' },
  'outage.column.id': { en: 'ID', fr: 'ID' },
  'outage.column.type': { en: 'Type', fr: 'Type' },
  'outage.column.status': { en: 'Status', fr: 'État' },
  'outage.column.services': { en: 'Services', fr: 'Services' },
  'outage.column.areas': { en: 'Areas', fr: 'Secteurs' },
  'outage.column.start': { en: 'Since / starts', fr: 'Depuis / début' },
  'outage.column.restoration': { en: 'Restoration (estimated)', fr: 'Rétablissement (prévu)' },
  'outage.column.name': { en: 'Details', fr: 'Détails' },
  'outage.status.acknowledged': { en: 'scheduled', fr: 'prévu' },
  'outage.status.inProgress': { en: 'in progress', fr: 'en cours' },
  'outage.status.pending': { en: 'pending', fr: 'en attente' },
  'outage.status.held': { en: 'on hold', fr: 'suspendu' },
  'outage.status.resolved': { en: 'resolved', fr: 'résolu' },
  'outage.status.closed': { en: 'closed', fr: 'fermé' },
  'outage.status.cancelled': { en: 'cancelled', fr: 'annulé' },
  'outage.status.rejected': { en: 'rejected', fr: 'rejeté' },
  'outage.category.outage': { en: 'outage', fr: 'panne' },
  'outage.category.plannedMaintenance': { en: 'planned maintenance', fr: 'entretien planifié' },
  'outage.service.internet': { en: 'Internet', fr: 'Internet' },
  'outage.service.tv': { en: 'TV', fr: 'Télé' },
  'outage.service.homePhone': { en: 'home phone', fr: 'téléphonie résidentielle' },
  'outage.service.mobile': { en: 'mobile', fr: 'mobile' },
  'outage.noEstimate': {
    en: 'this server does not provide estimated restoration times ({resource} has no such attribute in TMF656 v4).',
    fr: 'ce serveur ne fournit pas d’heure de rétablissement prévue ({resource} n’a pas cet attribut dans TMF656 v4).',
  },
} satisfies MessageTable;
