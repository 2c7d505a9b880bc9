import { EscalationSpec, ObligationRule, ReminderSchedule } from '@overlegtafels/domain';

/**
 * ILLUSTRATIVE, like the Vlaams-Brabant tables: the source names the two tracks and their length
 * (spoor 2: case support of 4–6 months in pilot police zones; spoor 3: intensive casusregie of
 * about a year) but no follow-up rules. The rules below show that another region's follow-up is
 * a different list of data, with a track condition the CO3 rules do not need; they are to be
 * replaced by the region's own.
 *
 * Not here, on purpose: the consent, the children over 12 and the consulent consulted before the
 * afronding. Those come from the CO3 guide (III.B, and annex B, CO3's agreement with OCJ/SDJ); the
 * Vlaams-Brabant source names OCJ/SDJ only as referrers and follow-up after closure.
 */

const REMINDERS: ReminderSchedule = { daysBeforeDue: [14, 0], time: '08:30', avoidWeekends: true };

function escalateTo(table: string): EscalationSpec {
  return {
    to: { role: 'coordinator', table },
    firstAfterDays: 2,
    repeatEveryDays: 14,
    time: '08:30',
    avoidWeekends: true,
    maxRepeats: 6,
  };
}

export const VLAAMS_BRABANT_OBLIGATIONS: readonly ObligationRule[] = [
  {
    key: 'spoor-2-evaluatie',
    label: 'Evaluatie van de casusondersteuning (spoor 2) na vier maanden',
    explanation:
      'Beslis na vier maanden of de casusondersteuning afgerond of verlengd wordt (tot zes maanden).',
    trigger: 'casusregie-gestart',
    onlyIf: [{ kind: 'traject', in: ['spoor-2'] }],
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    due: { kind: 'offset', from: 'casusregie-start', offset: { amount: 4, unit: 'months' }, time: '09:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: escalateTo('triage-overleg'),
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'spoor-2-einde',
    label: 'Einde van de casusondersteuning (spoor 2) na uiterlijk zes maanden',
    trigger: 'casusregie-gestart',
    onlyIf: [{ kind: 'traject', in: ['spoor-2'] }],
    due: { kind: 'offset', from: 'casusregie-start', offset: { amount: 6, unit: 'months' }, time: '09:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: escalateTo('triage-overleg'),
    fulfilledBy: [
      { kind: 'event', event: 'afronding-goedgekeurd' },
      { kind: 'event', event: 'afgesloten' },
    ],
  },
  {
    key: 'bijkomend-casusoverleg',
    label: 'Bijkomend casusoverleg met de casusregisseur',
    explanation:
      'De casusregisseur was niet op het triage-overleg; een bijkomend overleg geeft hem of haar de ' +
      'informatie ervan. Markeer het als gedaan zodra het plaatsvond, met een korte notitie.',
    trigger: 'bijkomend-casusoverleg-gepland',
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    due: { kind: 'offset', from: 'geplande-datum', offset: { amount: 0, unit: 'days' }, time: '17:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: escalateTo('triage-overleg'),
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'eerste-vervolgoverleg',
    label: 'Eerste vervolgoverleg dat het triage-overleg vastlegde',
    explanation:
      'Het triage-overleg legde bij de start meteen de datum van het eerste vervolgoverleg vast. ' +
      'Markeer het als gedaan zodra het plaatsvond, met een korte notitie.',
    trigger: 'vervolgoverleg-gepland',
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    due: { kind: 'offset', from: 'geplande-datum', offset: { amount: 0, unit: 'days' }, time: '17:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: escalateTo('triage-overleg'),
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'spoor-3-plan-van-aanpak',
    label: 'Plan van aanpak op het casusoverleg spoor 3',
    trigger: 'casusregie-gestart',
    onlyIf: [{ kind: 'traject', in: ['spoor-3'] }],
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    due: {
      kind: 'session',
      table: 'casusoverleg-spoor-3',
      from: 'casusregie-start',
      atLeast: { amount: 6, unit: 'weeks' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: escalateTo('casusoverleg-spoor-3'),
    fulfilledBy: [{ kind: 'agenda-item', table: 'casusoverleg-spoor-3', itemTypes: ['plan-van-aanpak'] }],
    agendering: { table: 'casusoverleg-spoor-3', itemType: 'plan-van-aanpak' },
  },
  {
    key: 'spoor-3-evaluatie-na-een-jaar',
    label: 'Evaluatie van de intensieve casusregie (spoor 3) na ongeveer een jaar',
    trigger: 'casusregie-gestart',
    onlyIf: [{ kind: 'traject', in: ['spoor-3'] }],
    endsWith: ['afronding-goedgekeurd', 'afgesloten'],
    due: {
      kind: 'session',
      table: 'casusoverleg-spoor-3',
      from: 'casusregie-start',
      atLeast: { amount: 12, unit: 'months' },
      dueAt: 'start',
    },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS,
    escalation: escalateTo('casusoverleg-spoor-3'),
    fulfilledBy: [
      { kind: 'agenda-item', table: 'casusoverleg-spoor-3', itemTypes: ['evaluatie', 'afsluiting'] },
    ],
    agendering: { table: 'casusoverleg-spoor-3', itemType: 'evaluatie' },
  },
  {
    key: 'kwaliteitscontrole',
    label: 'Kwaliteitscontrole van het afgesloten dossier',
    explanation:
      'De strategisch coördinatoren kijken het afgesloten dossier een laatste keer na: vul de ' +
      'checklist van de taak in.',
    trigger: 'afgesloten',
    due: { kind: 'offset', from: 'afsluiting', offset: { amount: 6, unit: 'weeks' }, time: '09:00' },
    owner: { role: 'strategisch-coordinator' },
    reminders: REMINDERS,
    escalation: { ...escalateTo('triage-overleg'), to: { role: 'strategisch-coordinator' } },
    fulfilledBy: [{ kind: 'form', form: 'kwaliteitscontrole' }],
  },
];
