import { EscalationSpec, ObligationRule, ReminderSchedule } from '@overlegtafels/domain';

/**
 * West-Vlaanderen's follow-up, from the leaflet (seeds/002), as far as today's rule engine can
 * say it. From the source:
 * - the casusregisseur tells the clients the plan van aanpak in a personal talk (stap 4 en 5);
 * - "op regelmatige tijdstippen" the casusregisseur reports on the progress to the operationeel
 *   team, i.e. the overlegtafel (stap 4 en 5);
 * - after the afronding "wordt de situatie zes maanden vanop een afstand gevolgd en indien er
 *   geen problemen meer zijn afgesloten" (stap 6): the six months run from the afronding and end
 *   with the afsluiting, so the rule hangs on the afronding (A + 6 months), not on the afsluiting;
 * - "de aanpak van de casussen wordt geëvalueerd op de overlegtafel" (stap 6).
 *
 * ILLUSTRATIVE (the source gives no times): two weeks for the talk with the clients, a report at
 * least every three months, the evaluation at the first overlegtafel after the afsluiting, the
 * reminders and the escalation.
 *
 * How they are fulfilled: the agendering and decision rules of the dossier life are still CO3's
 * (issue #14 item 1), so nothing can be agendered on the overlegtafel yet nor decided there. Every
 * rule therefore also takes `manual` (the owner marks it done with a note on /opvolging); the
 * agendapunt that will fulfil it once the overlegtafel takes agenderingen is listed beside it.
 */

const REMINDERS: ReminderSchedule = { daysBeforeDue: [7, 0], time: '08:30', avoidWeekends: true };

const ESCALATION: EscalationSpec = {
  to: { role: 'coordinator', table: 'overlegtafel' },
  firstAfterDays: 3,
  repeatEveryDays: 7,
  time: '08:30',
  avoidWeekends: true,
  maxRepeats: 4,
};

export const WEST_VLAANDEREN_OBLIGATIONS: readonly ObligationRule[] = [
  {
    key: 'plan-van-aanpak-aan-clienten',
    label: 'Plan van aanpak aan de cliënten meegedeeld in een persoonlijk gesprek',
    explanation:
      'De casusregisseur brengt de cliënten in een persoonlijk gesprek op de hoogte van het plan van ' +
      'aanpak. Markeer het als gedaan zodra het gesprek plaatsvond, met een korte notitie.',
    trigger: 'casusregie-gestart',
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    due: { kind: 'offset', from: 'casusregie-start', offset: { amount: 2, unit: 'weeks' }, time: '17:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: ESCALATION,
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'voortgang-op-de-overlegtafel',
    label: 'Verslag over de voortgang op de overlegtafel',
    explanation:
      'Op regelmatige tijdstippen brengt de casusregisseur verslag uit op het operationeel team over ' +
      'de voortgang, en vraagt er een bijsturing van het plan van aanpak als die nodig is.',
    trigger: 'casusregie-gestart',
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    repeat: 'after-fulfilment',
    due: {
      kind: 'session',
      table: 'overlegtafel',
      from: 'trigger',
      atLeast: { amount: 3, unit: 'months' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: ESCALATION,
    fulfilledBy: [
      { kind: 'agenda-item', table: 'overlegtafel', itemTypes: ['voortgang', 'bijsturing'] },
      { kind: 'manual' },
    ],
  },
  {
    key: 'opvolging-op-afstand',
    label: 'Zes maanden opvolging op afstand na de afronding',
    explanation:
      'Na de afronding wordt de situatie zes maanden van op een afstand gevolgd. Zijn er geen ' +
      'problemen meer, dan wordt het dossier afgesloten; noteer kort hoe de situatie is.',
    trigger: 'afronding-goedgekeurd',
    due: { kind: 'offset', from: 'afronding', offset: { amount: 6, unit: 'months' }, time: '09:00' },
    owner: { role: 'casusregisseur' },
    reminders: { daysBeforeDue: [14, 0], time: '08:30', avoidWeekends: true },
    escalation: ESCALATION,
    fulfilledBy: [{ kind: 'event', event: 'afgesloten' }, { kind: 'manual' }],
  },
  {
    key: 'evaluatie-op-de-overlegtafel',
    label: 'Evaluatie van de aanpak op de overlegtafel',
    explanation:
      'De aanpak van de casus wordt geëvalueerd op de overlegtafel na de afsluiting. Markeer het als ' +
      'gedaan zodra de evaluatie besproken is, met een korte notitie.',
    trigger: 'afgesloten',
    due: {
      kind: 'session',
      table: 'overlegtafel',
      from: 'afsluiting',
      atLeast: { amount: 1, unit: 'days' },
      dueAt: 'start',
    },
    owner: { role: 'coordinator', table: 'overlegtafel' },
    reminders: REMINDERS,
    fulfilledBy: [
      { kind: 'agenda-item', table: 'overlegtafel', itemTypes: ['evaluatie'] },
      { kind: 'manual' },
    ],
  },
];
