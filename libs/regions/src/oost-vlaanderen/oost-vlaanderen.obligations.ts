import { EscalationSpec, ObligationRule, ReminderSchedule } from '@overlegtafels/domain';

/**
 * Oost-Vlaanderen's follow-up of the three phases of intensive casusregie (seeds/004). From the
 * source: the exploratie ends with a plan van aanpak drawn up with the family and the services,
 * laid before the team regie; the uitvoering organises cliënt- and casusoverleg (the example
 * dossier had three netwerkoverleggen) and follows up, evaluates and adjusts; the afronding checks
 * its criteria and, without new incidents, the dossier is closed.
 *
 * ILLUSTRATIVE (the source gives no times, the exploratie goes "op het tempo van het gezin"): the
 * plan at the first team regie at least eight weeks after the start, a netwerkoverleg at least
 * every three months, the afsluiting three months after the afronding, the reminders and the
 * escalation. The heropening after new incidents is not here (see the region file's header).
 *
 * How they are fulfilled: the agendering and decision rules are still CO3's (issue #14 item 1),
 * so nothing can be agendered on the team regie yet; every rule also takes `manual` (marked done
 * with a note on /opvolging), the agendapunt that will fulfil it listed beside it.
 */

const REMINDERS: ReminderSchedule = { daysBeforeDue: [7, 0], time: '09:00', avoidWeekends: true };

const ESCALATION: EscalationSpec = {
  to: { role: 'coordinator', table: 'team-regie' },
  firstAfterDays: 2,
  repeatEveryDays: 7,
  time: '09:00',
  avoidWeekends: true,
  maxRepeats: 4,
};

export const OOST_VLAANDEREN_OBLIGATIONS: readonly ObligationRule[] = [
  {
    key: 'plan-van-aanpak-team-regie',
    label: 'Plan van aanpak voorgelegd in team regie (einde exploratiefase)',
    explanation:
      'Samen met het gezin en de betrokken diensten stelt de casusregisseur het plan van aanpak op ' +
      'en legt het voor in team regie.',
    trigger: 'casusregie-gestart',
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    due: {
      kind: 'session',
      table: 'team-regie',
      from: 'casusregie-start',
      atLeast: { amount: 8, unit: 'weeks' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: ESCALATION,
    fulfilledBy: [
      { kind: 'agenda-item', table: 'team-regie', itemTypes: ['plan-van-aanpak'] },
      { kind: 'manual' },
    ],
  },
  {
    key: 'netwerkoverleg',
    label: 'Netwerkoverleg met het gezin en de betrokken diensten',
    explanation:
      'In de uitvoeringsfase organiseert de casusregisseur cliënt- en casusoverleg: wie doet wat, ' +
      'opvolgen, evalueren en bijsturen. Markeer het als gedaan zodra het overleg plaatsvond, met ' +
      'een korte notitie; het volgende volgt ten laatste drie maanden later.',
    trigger: 'casusregie-gestart',
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    repeat: 'after-fulfilment',
    due: { kind: 'offset', from: 'trigger', offset: { amount: 3, unit: 'months' }, time: '17:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: ESCALATION,
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'afsluiting-na-afronding',
    label: 'Afsluiting van het dossier na de afronding',
    explanation:
      'Na de afronding (geen nieuw IFG, vooruitgang geboekt, de hulpverlening loopt, iedereen kent ' +
      'elkaar, de cliënten weten bij wie ze terechtkunnen) wordt het dossier afgesloten als er geen ' +
      'nieuwe incidenten zijn. Zijn er nieuwe incidenten, noteer dat dan kort.',
    trigger: 'afronding-goedgekeurd',
    due: { kind: 'offset', from: 'afronding', offset: { amount: 3, unit: 'months' }, time: '09:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: ESCALATION,
    fulfilledBy: [{ kind: 'event', event: 'afgesloten' }, { kind: 'manual' }],
  },
];
