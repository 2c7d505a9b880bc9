import { DossierFacts, planObligations, PlannedObligation, reminderSteps } from '@overlegtafels/domain';
import { iso, zdt } from '@overlegtafels/domain/testing';
import { CO3_ANTWERPEN } from './co3-antwerpen.region';

/**
 * What the casusregisseur verifies (guide III.B, annex B) as CO3 Antwerpen's obligations: the
 * consent when the ICO appointed the casusregisseur without it, the children over 12, and the
 * consulent consulted before the afronding goes to the Weegploeg.
 */
function facts(overrides: Partial<DossierFacts>): DossierFacts {
  return {
    consulentInvolved: false,
    childrenOver12: 0,
    decisions: [],
    agendaItems: [],
    manualFulfilments: [],
    ...overrides,
  };
}

const plan = (f: DossierFacts) => planObligations(CO3_ANTWERPEN, f);
const overview = (planned: readonly PlannedObligation[]) =>
  Object.fromEntries(planned.map((o) => [o.key, `${o.status} ${iso(o.dueAtMs)}`]));
const rule = (key: string) => CO3_ANTWERPEN.obligations!.find((r) => r.key === key)!;

describe('the ICO appoints a casusregisseur on Friday 6 February 2026 without consent', () => {
  // The ICO of 6 February plans the start for Monday 9 February; no adult has consented yet.
  const awaiting = facts({ casusregiePlannedStartDate: '2026-02-09', childrenOver12: 1 });

  it('plans only the consent, two weeks after the planned start, while casusregie waits for it', () => {
    expect(overview(plan(awaiting))).toEqual({
      'instemming-volwassene#0': 'open 2026-02-23T09:00:00+01:00',
    });
  });

  it('reminds the casusregisseur a week, two days and on the day before, and escalates to the ICO', () => {
    const consent = plan(awaiting)[0]!;
    const steps = reminderSteps(consent, rule('instemming-volwassene'), CO3_ANTWERPEN.timeZone, {
      untilMs: zdt('2026-03-03 12:00'),
    }).map((s) => `${s.kind} ${iso(s.sendAtMs)}`);
    expect(steps).toEqual([
      'reminder 2026-02-16T08:00:00+01:00',
      // Saturday 21 February: the Friday before.
      'reminder 2026-02-20T08:00:00+01:00',
      'reminder 2026-02-23T08:00:00+01:00',
      'escalation 2026-02-24T08:00:00+01:00',
      'escalation 2026-03-03T08:00:00+01:00',
    ]);
    expect(rule('instemming-volwassene').escalation?.to).toEqual({ role: 'coordinator', table: 'ico' });
  });

  it('starts counting once the consent is recorded: the first plan from the day casusregie started', () => {
    // The casusregisseur records on Wednesday 18 February that the mother consented that day;
    // casusregie starts on 18 February (later than the planned 9 February).
    const started = facts({
      ...awaiting,
      casusregieStartDate: '2026-02-18',
      consentVerifiedAtMs: zdt('2026-02-18 00:00'),
    });
    expect(overview(plan(started))).toEqual({
      'instemming-volwassene#0': 'fulfilled 2026-02-23T09:00:00+01:00',
      // S + 9 weeks = Wednesday 22 April; the Weegploeg of Tuesday 5 May, deadline Monday 27 April.
      'kinderen-boven-12-gehoord#0': 'open 2026-04-27T12:00:00+02:00',
      'eerste-plan-van-aanpak#0': 'open 2026-04-27T12:00:00+02:00',
      // S + 10 months = Friday 18 December; the Ronde Tafel of Thursday 24 December.
      'tussentijdse-evaluatie#0': 'open 2026-12-18T12:00:00+01:00',
    });
    expect(plan(started)[0]!.fulfilment).toEqual({
      kind: 'event',
      atMs: zdt('2026-02-18 00:00'),
      event: 'instemming-geregistreerd',
    });
  });

  it('counts the children heard whenever they were recorded as heard', () => {
    const heard = facts({
      ...awaiting,
      casusregieStartDate: '2026-02-18',
      consentVerifiedAtMs: zdt('2026-02-18 00:00'),
      childrenOver12HeardAtMs: zdt('2026-03-04 15:30'),
    });
    const children = plan(heard).find((o) => o.ruleKey === 'kinderen-boven-12-gehoord')!;
    expect([children.status, children.fulfilment]).toEqual([
      'fulfilled',
      { kind: 'event', atMs: zdt('2026-03-04 15:30'), event: 'kinderen-gehoord' },
    ]);
  });
});

describe('the consulent consulted before the afronding goes to the Weegploeg', () => {
  const withConsulent = facts({
    casusregiePlannedStartDate: '2026-02-06',
    casusregieStartDate: '2026-02-06',
    consentVerifiedAtMs: zdt('2026-01-30 11:10'),
    consulentInvolved: true,
  });
  const afrondingItem = (sessionKey: string) => ({
    id: 'item-afronding',
    tableKey: 'weegploeg',
    itemType: 'afronding',
    submittedAtMs: zdt('2026-08-20 10:00'),
    sessionKey,
    withdrawn: false,
  });
  const consultation = (f: DossierFacts) => plan(f).find((o) => o.ruleKey === 'consulent-voor-afronding');

  it('is no task before the afronding is agendered', () => {
    expect(consultation(withConsulent)).toBeUndefined();
  });

  it('is due at the deadline of the Weegploeg the afronding goes to, for the casusregisseur', () => {
    const o = consultation({ ...withConsulent, agendaItems: [afrondingItem('weegploeg:2026-09-08')] })!;
    // The Weegploeg of Tuesday 8 September takes agenderingen until Monday 31 August 12:00.
    expect([o.status, iso(o.dueAtMs), o.session?.key, o.owner]).toEqual([
      'open',
      '2026-08-31T12:00:00+02:00',
      'weegploeg:2026-09-08',
      { role: 'casusregisseur' },
    ]);
    const steps = reminderSteps(o, rule('consulent-voor-afronding'), CO3_ANTWERPEN.timeZone, {
      untilMs: zdt('2026-09-02 00:00'),
    }).map((s) => `${s.kind} ${iso(s.sendAtMs)}`);
    expect(steps).toEqual([
      'reminder 2026-08-24T08:00:00+02:00',
      // Saturday 29 August: the Friday before.
      'reminder 2026-08-28T08:00:00+02:00',
      'reminder 2026-08-31T08:00:00+02:00',
      'escalation 2026-09-01T08:00:00+02:00',
    ]);
    expect(rule('consulent-voor-afronding').escalation?.to).toEqual({
      role: 'coordinator',
      table: 'weegploeg',
    });
  });

  it('moves with the afronding when it rolls over to the next Weegploeg', () => {
    const o = consultation({ ...withConsulent, agendaItems: [afrondingItem('weegploeg:2026-09-22')] })!;
    expect(iso(o.dueAtMs)).toBe('2026-09-14T12:00:00+02:00');
  });

  it('is fulfilled by the recorded consultation, and not asked for without a consulent', () => {
    const agendered = { ...withConsulent, agendaItems: [afrondingItem('weegploeg:2026-09-08')] };
    const done = consultation({ ...agendered, consulentConsultedOn: '2026-08-25' })!;
    expect([done.status, done.fulfilment]).toEqual([
      'fulfilled',
      { kind: 'event', atMs: zdt('2026-08-25 00:00'), event: 'consulent-geconsulteerd' },
    ]);
    expect(consultation({ ...agendered, consulentInvolved: false })).toBeUndefined();
  });

  it('ends with the afronding: an approved afronding leaves nothing open', () => {
    const afgerond = {
      ...withConsulent,
      agendaItems: [afrondingItem('weegploeg:2026-09-08')],
      afrondingDate: '2026-09-08',
    };
    expect(consultation(afgerond)).toBeUndefined();
  });
});
