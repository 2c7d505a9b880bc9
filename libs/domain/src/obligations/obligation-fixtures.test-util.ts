import { RegionConfig } from '../tables/table-definition.model';
import { biweeklyTable, fridayTable, minimalDossierLife } from '../testing/table-fixtures.test-util';
import { DossierFacts } from './dossier-facts.model';
import { ObligationRule } from './obligation-rule.model';

/** A plan on the two-weekly table, at least 4 weeks after the start, due at its deadline. */
export const PLAN_RULE: ObligationRule = {
  key: 'plan',
  label: 'Plan bespreken',
  trigger: 'casusregie-gestart',
  endsWith: ['afronding-goedgekeurd'],
  due: {
    kind: 'session',
    table: 'tweewekelijks',
    from: 'casusregie-start',
    atLeast: { amount: 4, unit: 'weeks' },
    dueAt: 'deadline',
  },
  owner: { role: 'casusregisseur' },
  reminders: { daysBeforeDue: [7, 1, 0], time: '08:00', avoidWeekends: false },
  escalation: {
    to: { role: 'coordinator', table: 'tweewekelijks' },
    firstAfterDays: 1,
    repeatEveryDays: 7,
    time: '08:00',
    avoidWeekends: false,
  },
  fulfilledBy: [{ kind: 'agenda-item', table: 'tweewekelijks', itemTypes: ['plan'] }],
  agendering: { table: 'tweewekelijks', itemType: 'plan' },
};

/** A check one month after the start, repeated a month after each time it was done. */
export const CHECK_RULE: ObligationRule = {
  key: 'maandelijkse-check',
  label: 'Maandelijkse check',
  trigger: 'casusregie-gestart',
  endsWith: ['afronding-goedgekeurd'],
  repeat: 'after-fulfilment',
  due: { kind: 'offset', from: 'trigger', offset: { amount: 1, unit: 'months' }, time: '09:00' },
  owner: { role: 'casusregisseur' },
  reminders: { daysBeforeDue: [3], time: '08:00', avoidWeekends: true },
  fulfilledBy: [{ kind: 'manual' }],
};

/** A Friday-table follow-up after each review, from its terugkomdatum. */
export const FOLLOW_UP_RULE: ObligationRule = {
  key: 'opvolging',
  label: 'Opvolging',
  trigger: 'pva-besproken',
  due: {
    kind: 'session',
    table: 'vrijdagtafel',
    from: 'terugkomdatum',
    atLeast: { amount: 0, unit: 'days' },
    dueAt: 'start',
  },
  owner: { role: 'casusregisseur' },
  reminders: { daysBeforeDue: [0], time: '08:00', avoidWeekends: false },
  fulfilledBy: [{ kind: 'agenda-item', table: 'vrijdagtafel', itemTypes: ['kort', 'lang'] }],
};

export function testRegion(obligations: readonly ObligationRule[] = [PLAN_RULE, CHECK_RULE, FOLLOW_UP_RULE]) {
  const region: RegionConfig = {
    key: 'testregio',
    name: 'Testregio',
    timeZone: 'Europe/Brussels',
    organisationKinds: { politie: 'Politie', caw: 'CAW' },
    tables: [fridayTable(), biweeklyTable()],
    dossierLife: minimalDossierLife('vrijdagtafel', 'lang'),
    obligations,
  };
  return region;
}

export function testFacts(overrides: Partial<DossierFacts> = {}): DossierFacts {
  return {
    consulentInvolved: false,
    childrenOver12: 0,
    decisions: [],
    agendaItems: [],
    manualFulfilments: [],
    ...overrides,
  };
}
