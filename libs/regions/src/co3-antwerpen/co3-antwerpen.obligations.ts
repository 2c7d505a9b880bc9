import {
  AFSLUITING_WAIT_MONTHS,
  EscalationSpec,
  ObligationRule,
  ReminderSchedule,
} from '@overlegtafels/domain';

/**
 * The follow-up obligations of CO3 Antwerpen (domain.md, "The life of a dossier"), as data.
 * Where the guide says "about", the rule says how it is read:
 * - "first PvA after about two months (week 10)": the first Weegploeg whose date is at least
 *   9 weeks after the start S, due at its agendering deadline. Week 10 begins 9 weeks after S;
 *   the Weegploeg meets every other week, so this is the session of week 10 or 11.
 * - "interim evaluation after about ten months": the first Ronde Tafel at least 10 months
 *   after S, due at its deadline.
 * - "afsluiting at least six months after the afronding" is about the zitting: the first Ronde
 *   Tafel on or after A + 6 months, due at its deadline. Agendering lands there from the deadline
 *   of the Ronde Tafel before it (canAgenderen gives placement the date, placeOnOrAfter refuses
 *   an earlier zitting), so the window is normally the week before the due date, and the
 *   reminders fall inside it (4 and 2 days before, and on the day).
 * - the six-month check: A + 6 months at 09:00.
 * - the consulent alignment: 3 months after S (or after the consulent came in), then 3 months
 *   after each alignment: "at least every three months" counted from the last one.
 * - the optional Ronde Tafel check about 3 months after A: reminders only, never escalated.
 * - children over 12 heard "before the first Weegploeg": due with the first plan van aanpak.
 * - consent: the ICO may appoint the casusregisseur before an adult family member's consent is
 *   verified; the casusregisseur verifies it when taking up the dossier (III.B) and casusregie
 *   starts with it (I.G). "Zo snel mogelijk" (II.E) is read as two weeks after the start the ICO
 *   planned, 09:00. Consent given at the ICO fulfils it at once.
 * - the consulent consulted about the afronding (annex B, "vooraleer ze overgaan tot afronding"):
 *   while a consulent is involved, due at the agendering deadline of the Weegploeg the afronding
 *   goes to; it is a task from the moment the afronding is agendered, and the Weegploeg cannot
 *   approve the afronding without it.
 * - the quality check after closure (no date in the guide): 4 weeks after the afsluiting, 09:00,
 *   by the region's strategic coordinators (guide V.D), not the table's.
 * - the first vervolgoverleg, when the ICO set its date at once (II.E), and the bijkomend
 *   casusoverleg with a casusregisseur who was absent at the ICO: on the planned day, 17:00, so
 *   the casusregisseur can mark it held that evening; escalated to the ICO's coordinators, who
 *   planned it. Without a date the first Weegploeg is the first vervolgoverleg, and the first plan
 *   van aanpak already follows it.
 * Reminders go out at 08:00 (Brussels), before the working day, and never in a weekend: a
 * reminder on a Saturday or Sunday goes out the Friday before. Escalations go to the coordinator
 * of the table the obligation belongs to, from the day after the due date, then weekly while
 * open, on working days (a weekend escalation waits for Monday).
 */

const REMINDERS_14_2_0: ReminderSchedule = { daysBeforeDue: [14, 2, 0], time: '08:00', avoidWeekends: true };
const REMINDERS_7_1_0: ReminderSchedule = { daysBeforeDue: [7, 1, 0], time: '08:00', avoidWeekends: true };

function escalateTo(table: string): EscalationSpec {
  return {
    to: { role: 'coordinator', table },
    firstAfterDays: 1,
    repeatEveryDays: 7,
    time: '08:00',
    avoidWeekends: true,
  };
}

const CASUSREGIE_ENDS = ['afronding-goedgekeurd', 'afgesloten'] as const;

export const CO3_ANTWERPEN_OBLIGATIONS: readonly ObligationRule[] = [
  {
    key: 'instemming-volwassene',
    label: 'Instemming van minstens één volwassen gezinslid geverifieerd',
    explanation:
      'Casusregie start pas na de geïnformeerde instemming van minstens één volwassen gezinslid; tot ' +
      'dan is ze in afwachting van instemming. Registreer wie instemde en wanneer op de dossierpagina, ' +
      'onder "Instemming registreren".',
    trigger: 'casusregisseur-aangesteld',
    endsWith: ['afgesloten'],
    due: { kind: 'offset', from: 'trigger', offset: { amount: 14, unit: 'days' }, time: '09:00' },
    owner: { role: 'casusregisseur' },
    reminders: { daysBeforeDue: [7, 2, 0], time: '08:00', avoidWeekends: true },
    escalation: escalateTo('ico'),
    fulfilledBy: [{ kind: 'event', event: 'instemming-geregistreerd' }],
  },
  {
    key: 'kinderen-boven-12-gehoord',
    label: 'Kinderen ouder dan 12 jaar gehoord',
    explanation:
      'De kinderen ouder dan 12 jaar worden gehoord vóór de eerste Weegploeg. Registreer per kind op ' +
      'de dossierpagina, onder "Kinderen ouder dan 12", wanneer het gehoord werd of waarom niet.',
    trigger: 'casusregie-gestart',
    onlyIf: [{ kind: 'kinderen-boven-12' }],
    endsWith: CASUSREGIE_ENDS,
    due: { kind: 'same-as', rule: 'eerste-plan-van-aanpak' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS_14_2_0,
    escalation: escalateTo('weegploeg'),
    fulfilledBy: [{ kind: 'event', event: 'kinderen-gehoord' }],
  },
  {
    key: 'bijkomend-casusoverleg',
    label: 'Bijkomend casusoverleg met de casusregisseur',
    explanation:
      'De casusregisseur was niet op het ICO. In een bijkomend casusoverleg krijgt hij of zij de ' +
      'informatie en expertise van het ICO en maakt de eerste afspraken met de aanmelder. Markeer ' +
      'het als gedaan zodra het plaatsvond, met een korte notitie.',
    trigger: 'bijkomend-casusoverleg-gepland',
    endsWith: CASUSREGIE_ENDS,
    due: { kind: 'offset', from: 'geplande-datum', offset: { amount: 0, unit: 'days' }, time: '17:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS_7_1_0,
    escalation: escalateTo('ico'),
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'eerste-vervolgoverleg',
    label: 'Eerste vervolgoverleg dat het ICO vastlegde',
    explanation:
      'Het ICO legde bij de start van de casusregie meteen de datum van het eerste vervolgoverleg ' +
      'vast. Markeer het als gedaan zodra het plaatsvond, met een korte notitie.',
    trigger: 'vervolgoverleg-gepland',
    endsWith: CASUSREGIE_ENDS,
    due: { kind: 'offset', from: 'geplande-datum', offset: { amount: 0, unit: 'days' }, time: '17:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS_7_1_0,
    escalation: escalateTo('ico'),
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'eerste-plan-van-aanpak',
    label: 'Eerste plan van aanpak op de Weegploeg',
    explanation:
      'Na ongeveer twee maanden casusregie (week 10) brengt de casusregisseur het eerste plan van ' +
      'aanpak naar de Weegploeg. Agenderen vóór de deadline van die zitting volstaat.',
    trigger: 'casusregie-gestart',
    endsWith: CASUSREGIE_ENDS,
    due: {
      kind: 'session',
      table: 'weegploeg',
      from: 'casusregie-start',
      atLeast: { amount: 9, unit: 'weeks' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS_14_2_0,
    escalation: escalateTo('weegploeg'),
    fulfilledBy: [
      { kind: 'agenda-item', table: 'weegploeg', itemTypes: ['plan-van-aanpak'] },
      { kind: 'decision', decisionKinds: ['pva_besproken'] },
    ],
    agendering: { table: 'weegploeg', itemType: 'plan-van-aanpak' },
  },
  {
    key: 'ronde-tafel-na-weegploeg',
    label: 'Opvolging op de Ronde Tafel na de Weegploeg',
    explanation:
      'Na de bespreking van het plan van aanpak komt het dossier minstens één keer op de Ronde ' +
      'Tafel, op de terugkomdatum die de Weegploeg vastlegde.',
    trigger: 'pva-besproken',
    endsWith: CASUSREGIE_ENDS,
    due: {
      kind: 'session',
      table: 'ronde-tafel',
      from: 'terugkomdatum',
      atLeast: { amount: 0, unit: 'days' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS_14_2_0,
    escalation: escalateTo('ronde-tafel'),
    fulfilledBy: [
      { kind: 'agenda-item', table: 'ronde-tafel', itemTypes: ['opvolging', 'tussentijdse-evaluatie'] },
    ],
    agendering: { table: 'ronde-tafel', itemType: 'opvolging' },
  },
  {
    key: 'tussentijdse-evaluatie',
    label: 'Tussentijdse evaluatie op de Ronde Tafel, met nieuwe risicotaxatie',
    explanation:
      'Ongeveer tien maanden na de start van casusregie evalueert de Ronde Tafel het plan van aanpak; ' +
      'breng een nieuwe risicotaxatie mee. Werk ze eerst bij op de dossierpagina, onder "Risicotaxatie": ' +
      'zonder recente nieuwe versie (hoogstens drie maanden oud) lukt de agendering niet.',
    trigger: 'casusregie-gestart',
    endsWith: CASUSREGIE_ENDS,
    due: {
      kind: 'session',
      table: 'ronde-tafel',
      from: 'casusregie-start',
      atLeast: { amount: 10, unit: 'months' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS_14_2_0,
    escalation: escalateTo('ronde-tafel'),
    fulfilledBy: [{ kind: 'agenda-item', table: 'ronde-tafel', itemTypes: ['tussentijdse-evaluatie'] }],
    agendering: { table: 'ronde-tafel', itemType: 'tussentijdse-evaluatie' },
  },
  {
    key: 'afstemming-consulent',
    label: 'Afstemming met de consulent van OCJ/SDJ',
    explanation:
      'Zolang een consulent van OCJ/SDJ betrokken is, stemt de casusregisseur minstens om de drie ' +
      'maanden met hem of haar af. Markeer de afstemming als gedaan, met een korte notitie.',
    trigger: 'consulent-betrokken',
    onlyIf: [{ kind: 'consulent-betrokken' }],
    endsWith: CASUSREGIE_ENDS,
    repeat: 'after-fulfilment',
    due: { kind: 'offset', from: 'trigger', offset: { amount: 3, unit: 'months' }, time: '09:00' },
    owner: { role: 'casusregisseur' },
    reminders: { daysBeforeDue: [14, 0], time: '08:00', avoidWeekends: true },
    escalation: escalateTo('ronde-tafel'),
    fulfilledBy: [{ kind: 'manual' }],
  },
  {
    key: 'consulent-voor-afronding',
    label: 'Consulent van OCJ/SDJ geconsulteerd over de afronding',
    explanation:
      'Is er een consulent van OCJ/SDJ betrokken, dan stemmen casusregisseur en consulent af vóór de ' +
      'afronding naar de Weegploeg gaat. Registreer het overleg op de dossierpagina, onder ' +
      '"Consulent geconsulteerd over de afronding"; zonder die registratie keurt de Weegploeg de ' +
      'afronding niet goed.',
    trigger: 'consulent-betrokken',
    onlyIf: [{ kind: 'consulent-betrokken' }],
    endsWith: CASUSREGIE_ENDS,
    due: { kind: 'item-session', table: 'weegploeg', itemTypes: ['afronding'], dueAt: 'deadline' },
    owner: { role: 'casusregisseur' },
    reminders: { daysBeforeDue: [7, 2, 0], time: '08:00', avoidWeekends: true },
    escalation: escalateTo('weegploeg'),
    fulfilledBy: [{ kind: 'event', event: 'consulent-geconsulteerd' }],
  },
  {
    key: 'opvolging-na-afronding',
    label: 'Facultatieve opvolging op de Ronde Tafel, drie maanden na de afronding',
    explanation:
      'Ongeveer drie maanden na de afronding kan de casusregisseur het dossier nog eens op de Ronde ' +
      'Tafel brengen om na te gaan of er nieuwe feiten zijn. Niet verplicht.',
    trigger: 'afronding-goedgekeurd',
    endsWith: ['afgesloten'],
    optional: true,
    due: {
      kind: 'session',
      table: 'ronde-tafel',
      from: 'afronding',
      atLeast: { amount: 3, unit: 'months' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    reminders: { daysBeforeDue: [14, 0], time: '08:00', avoidWeekends: true },
    fulfilledBy: [{ kind: 'agenda-item', table: 'ronde-tafel', itemTypes: ['opvolging', 'vraag'] }],
    agendering: { table: 'ronde-tafel', itemType: 'opvolging' },
  },
  {
    key: 'controle-zes-maanden-na-afronding',
    label: 'Controle zes maanden na de afronding: is de vervolghulp gestart?',
    explanation:
      'Zes maanden na de afronding gaat de casusregisseur na of de vervolghulp gestart is en ' +
      'laat het de coördinatoren van de Ronde Tafel weten: vul het korte formulier van de taak in ' +
      '(gestart of niet, welke hulp, opmerkingen).',
    trigger: 'afronding-goedgekeurd',
    endsWith: ['afgesloten'],
    due: { kind: 'offset', from: 'afronding', offset: { amount: 6, unit: 'months' }, time: '09:00' },
    owner: { role: 'casusregisseur' },
    reminders: REMINDERS_14_2_0,
    escalation: escalateTo('ronde-tafel'),
    // The guide's "operationeel coördinator" is the coordinator of the Ronde Tafel, who closes the dossier.
    fulfilledBy: [
      { kind: 'form', form: 'vervolghulp', reportTo: { role: 'coordinator', table: 'ronde-tafel' } },
    ],
  },
  {
    key: 'afsluiting',
    label: 'Afsluiting op de Ronde Tafel',
    explanation:
      'De afsluiting komt op de eerste Ronde Tafel die minstens zes maanden na de afronding ' +
      'plaatsvindt. Agenderen kan zodra die zitting de eerstvolgende is, tot haar deadline. De ' +
      'partners controleren er een laatste keer op nieuwe feiten en het dossier wordt afgesloten.',
    trigger: 'afronding-goedgekeurd',
    due: {
      kind: 'session',
      table: 'ronde-tafel',
      from: 'afronding',
      atLeast: { amount: AFSLUITING_WAIT_MONTHS, unit: 'months' },
      dueAt: 'deadline',
    },
    owner: { role: 'casusregisseur' },
    // Not earlier: before the deadline of the Ronde Tafel before it, agendering is refused.
    reminders: { daysBeforeDue: [4, 2, 0], time: '08:00', avoidWeekends: true },
    escalation: escalateTo('ronde-tafel'),
    fulfilledBy: [
      { kind: 'agenda-item', table: 'ronde-tafel', itemTypes: ['afsluiting'] },
      { kind: 'decision', decisionKinds: ['afsluiting_bevestigd'] },
      { kind: 'event', event: 'afgesloten' },
    ],
    agendering: { table: 'ronde-tafel', itemType: 'afsluiting' },
  },
  {
    key: 'kwaliteitscontrole',
    label: 'Kwaliteitscontrole van het afgesloten dossier',
    explanation:
      'De strategisch coördinatoren kijken het afgesloten dossier een laatste keer na (guide V.D): ' +
      'vul de checklist van de taak in. Is iets onduidelijk, dan neemt u contact op met de ' +
      'casusregisseur; die hoeft zelf niets te doen.',
    trigger: 'afgesloten',
    due: { kind: 'offset', from: 'afsluiting', offset: { amount: 4, unit: 'weeks' }, time: '09:00' },
    owner: { role: 'strategisch-coordinator' },
    reminders: { daysBeforeDue: [7, 0], time: '08:00', avoidWeekends: true },
    // Nobody stands above the strategic coordinators, and the Ronde Tafel's coordinators cannot do
    // the check for them: an overdue check comes back to all of them, every week, until it is done.
    escalation: { ...escalateTo('ronde-tafel'), to: { role: 'strategisch-coordinator' } },
    fulfilledBy: [{ kind: 'form', form: 'kwaliteitscontrole' }],
  },
];
