import type { MessageTable } from '../catalog.js';

/** Usage: data, minutes and texts against the plan's allowances. */
export const usageMessages = {
  'usage.description': { en: 'track your data, minutes and texts', fr: 'suivre vos données, minutes et textos' },
  'usage.show.description': {
    en: 'usage of the cycle against your allowances, with a projection and a daily chart',
    fr: 'consommation du cycle par rapport à vos allocations, avec une projection et un graphique quotidien',
  },
  'usage.option.period': { en: 'current or previous billing cycle', fr: 'cycle de facturation courant (current) ou précédent (previous)' },
  'usage.headingCurrent': { en: 'Current cycle {period} · {days} days left', fr: 'Cycle courant {period} · {days} jours restants' },
  'usage.headingPrevious': { en: 'Previous cycle {period}', fr: 'Cycle précédent {period}' },
  'usage.data': { en: 'Data: {used} GB of {allowance} GB', fr: 'Données : {used} Go sur {allowance} Go' },
  'usage.dataUnlimited': { en: 'Data: {used} GB (unlimited)', fr: 'Données : {used} Go (illimité)' },
  'usage.projection': {
    en: 'At this pace: {projected} GB by the end of the cycle, within the allowance',
    fr: 'À ce rythme : {projected} Go à la fin du cycle, dans l’allocation',
  },
  'usage.projectionOver': {
    en: 'At this pace: {projected} GB by the end of the cycle, an overage of {cost}',
    fr: 'À ce rythme : {projected} Go à la fin du cycle, un dépassement de {cost}',
  },
  'usage.overage': { en: 'Overage: {cost}', fr: 'Dépassement : {cost}' },
  'usage.calls': {
    en: 'Minutes: {minutes} of {minutesAllowance} · Texts: {texts} of {textsAllowance}',
    fr: 'Minutes : {minutes} sur {minutesAllowance} · Textos : {texts} sur {textsAllowance}',
  },
  'usage.gb': { en: 'GB', fr: 'Go' },
  'usage.projectionUnlimited': { en: 'At this pace: {projected} GB by the end of the cycle', fr: 'À ce rythme : {projected} Go à la fin du cycle' },
} satisfies MessageTable;
