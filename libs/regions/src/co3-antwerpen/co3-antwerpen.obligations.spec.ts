import {
  afsluitingTooEarly,
  applyDecision,
  CalendarsByTable,
  diffObligations,
  DossierFacts,
  dueSteps,
  notBeforeDateFor,
  ObligationChange,
  placeOnOrAfter,
  placeSubmission,
  ObligationRule,
  planObligations,
  PlannedObligation,
  ReminderStep,
  reminderSteps,
  StoredObligation,
  validateObligationRules,
} from '@overlegtafels/domain';
import { iso, zdt } from '@overlegtafels/domain/testing';
import fc from 'fast-check';
import { CO3_ANTWERPEN } from './co3-antwerpen.region';

const ZONE = CO3_ANTWERPEN.timeZone;

function facts(overrides: Partial<DossierFacts> = {}): DossierFacts {
  return {
    consulentInvolved: false,
    childrenOver12: 0,
    decisions: [],
    agendaItems: [],
    manualFulfilments: [],
    ...overrides,
  };
}

function plan(f: DossierFacts, calendars?: CalendarsByTable): PlannedObligation[] {
  return planObligations(CO3_ANTWERPEN, f, calendars);
}

/** Each obligation as `status due` with the due moment at its Brussels offset. */
function overview(planned: readonly PlannedObligation[]): Record<string, string> {
  return Object.fromEntries(planned.map((o) => [o.key, `${o.status} ${iso(o.dueAtMs)}`]));
}

function find(planned: readonly PlannedObligation[], key: string): PlannedObligation {
  const found = planned.find((o) => o.key === key);
  if (!found) throw new Error(`no obligation ${key} in ${planned.map((o) => o.key).join(', ')}`);
  return found;
}

function rule(key: string): ObligationRule {
  const found = CO3_ANTWERPEN.obligations?.find((r) => r.key === key);
  if (!found) throw new Error(`no rule ${key}`);
  return found;
}

/** Reminder and escalation moments of an obligation as `kind iso` lines. */
function schedule(o: PlannedObligation, untilMs?: number): string[] {
  return reminderSteps(o, rule(o.ruleKey), ZONE, untilMs === undefined ? {} : { untilMs }).map(
    (s) => `${s.kind} ${iso(s.sendAtMs)}`,
  );
}

/** A dossier with casusregie starting Friday 6 February 2026, two children over 12, a consulent. */
const started = facts({
  casusregieStartDate: '2026-02-06',
  childrenOver12: 2,
  consulentInvolved: true,
});

describe('CO3 Antwerpen follow-up rules', () => {
  it('are valid against the region tables', () => {
    expect(() => validateObligationRules(CO3_ANTWERPEN)).not.toThrow();
    expect(CO3_ANTWERPEN.obligations?.map((r) => r.key)).toEqual([
      'instemming-volwassene',
      'kinderen-boven-12-gehoord',
      'bijkomend-casusoverleg',
      'eerste-vervolgoverleg',
      'eerste-plan-van-aanpak',
      'ronde-tafel-na-weegploeg',
      'tussentijdse-evaluatie',
      'afstemming-consulent',
      'consulent-voor-afronding',
      'opvolging-na-afronding',
      'controle-zes-maanden-na-afronding',
      'afsluiting',
      'kwaliteitscontrole',
    ]);
  });

  it('plans nothing before casusregie starts', () => {
    expect(plan(facts({ childrenOver12: 1, consulentInvolved: true }))).toEqual([]);
  });
});

describe('casusregie starting on 6 February 2026', () => {
  const planned = plan(started);

  it('plans consent, hearing the children, the first plan, the interim evaluation and the consulent alignment', () => {
    expect(overview(planned)).toEqual({
      // Two weeks after the casusregisseur was appointed (here: the start, taken over without a
      // decision of the ICO), 09:00.
      'instemming-volwassene#0': 'open 2026-02-20T09:00:00+01:00',
      // With the first plan van aanpak: before the first Weegploeg.
      'kinderen-boven-12-gehoord#0': 'open 2026-04-13T12:00:00+02:00',
      // S + 9 weeks = Friday 10 April; the first Weegploeg from then on is Tuesday 21 April,
      // agendering until Monday 12:00 of the week before.
      'eerste-plan-van-aanpak#0': 'open 2026-04-13T12:00:00+02:00',
      // S + 10 months = Sunday 6 December; Ronde Tafel Thursday 10 December, deadline the
      // Friday before at 12:00.
      'tussentijdse-evaluatie#0': 'open 2026-12-04T12:00:00+01:00',
      // Three months after the start.
      'afstemming-consulent#0': 'open 2026-05-06T09:00:00+02:00',
    });
  });

  it('says which session the first plan van aanpak goes to and links the pre-filled agendering form', () => {
    const pva = find(planned, 'eerste-plan-van-aanpak#0');
    expect(pva.session && { key: pva.session.key, start: iso(pva.session.startMs) }).toEqual({
      key: 'weegploeg:2026-04-21',
      start: '2026-04-21T13:00:00+02:00',
    });
    expect(pva.agendering).toEqual({
      table: 'weegploeg',
      itemType: 'plan-van-aanpak',
      sessionKey: 'weegploeg:2026-04-21',
    });
    expect(pva.owner).toEqual({ role: 'casusregisseur' });
    expect(find(planned, 'tussentijdse-evaluatie#0').agendering).toEqual({
      table: 'ronde-tafel',
      itemType: 'tussentijdse-evaluatie',
      sessionKey: 'ronde-tafel:2026-12-10',
    });
  });

  it('does not ask to hear children when none is over 12, nor to align without a consulent', () => {
    const keys = plan(facts({ casusregieStartDate: '2026-02-06' })).map((o) => o.key);
    expect(keys).toEqual(['instemming-volwassene#0', 'eerste-plan-van-aanpak#0', 'tussentijdse-evaluatie#0']);
  });

  it('counts consent verified at the ICO, before the start, as fulfilled', () => {
    const consent = find(
      plan({ ...started, consentVerifiedAtMs: zdt('2026-01-30 11:10') }),
      'instemming-volwassene#0',
    );
    expect(consent.status).toBe('fulfilled');
    expect(consent.fulfilment).toEqual({
      kind: 'event',
      event: 'instemming-geregistreerd',
      atMs: zdt('2026-01-30 11:10'),
    });
  });
});

describe('what the ICO of 6 February 2026 planned when it started casusregie (II.E)', () => {
  const decided = zdt('2026-02-06 11:40', ZONE);
  const atTheIco = (planned: { vervolgoverlegDate?: string; bijkomendCasusoverlegDate?: string }) =>
    facts({
      casusregieStartDate: '2026-02-06',
      decisions: [
        { id: 'ico-start', kind: 'met_casusregie', decidedAtMs: decided, tableKey: 'ico', ...planned },
      ],
    });

  it('plans the first vervolgoverleg and the bijkomend casusoverleg on their days, for the casusregisseur', () => {
    const planned = plan(
      atTheIco({ vervolgoverlegDate: '2026-03-03', bijkomendCasusoverlegDate: '2026-02-12' }),
    );
    expect(overview(planned)).toMatchObject({
      'bijkomend-casusoverleg#0': 'open 2026-02-12T17:00:00+01:00',
      'eerste-vervolgoverleg#0': 'open 2026-03-03T17:00:00+01:00',
      'eerste-plan-van-aanpak#0': 'open 2026-04-13T12:00:00+02:00',
    });
    const vervolg = find(planned, 'eerste-vervolgoverleg#0');
    expect([vervolg.owner, vervolg.trigger, vervolg.opensAtMs]).toEqual([
      { role: 'casusregisseur' },
      { event: 'vervolgoverleg-gepland', index: 0, atMs: decided },
      decided,
    ]);
    expect(schedule(vervolg, zdt('2026-03-05 00:00', ZONE))).toEqual([
      'reminder 2026-02-24T08:00:00+01:00',
      'reminder 2026-03-02T08:00:00+01:00',
      'reminder 2026-03-03T08:00:00+01:00',
      'escalation 2026-03-04T08:00:00+01:00',
    ]);
    expect(rule('eerste-vervolgoverleg').escalation?.to).toEqual({ role: 'coordinator', table: 'ico' });
  });

  it('without a date the first Weegploeg is the first vervolgoverleg: no extra obligation', () => {
    const keys = plan(atTheIco({})).map((o) => o.ruleKey);
    expect(keys).toContain('eerste-plan-van-aanpak');
    expect(keys).not.toContain('eerste-vervolgoverleg');
    expect(keys).not.toContain('bijkomend-casusoverleg');
  });

  it('is fulfilled by the casusregisseur marking it done, and ends with the afronding when still open', () => {
    const withDates = atTheIco({ vervolgoverlegDate: '2026-03-03', bijkomendCasusoverlegDate: '2026-02-12' });
    const done = plan({
      ...withDates,
      manualFulfilments: [
        {
          ruleKey: 'bijkomend-casusoverleg',
          sequence: 0,
          atMs: zdt('2026-02-12 16:00', ZONE),
          note: 'gehouden',
        },
      ],
    });
    expect(find(done, 'bijkomend-casusoverleg#0').status).toBe('fulfilled');
    const ended = plan({ ...withDates, afrondingDate: '2026-09-08' }).map((o) => o.ruleKey);
    expect(ended).not.toContain('eerste-vervolgoverleg');
    expect(['eerste-vervolgoverleg', 'bijkomend-casusoverleg'].map((k) => rule(k).fulfilledBy)).toEqual([
      [{ kind: 'manual' }],
      [{ kind: 'manual' }],
    ]);
  });
});

describe('re-planning when the dates it hangs on move', () => {
  const planned = plan(started);
  const stored: StoredObligation[] = planned.map((o, i) => ({
    id: `o${i}`,
    ruleKey: o.ruleKey,
    sequence: o.sequence,
    dueAtMs: o.dueAtMs,
    status: o.status,
  }));

  it('moves the first plan van aanpak to the next Weegploeg when that session is cancelled', () => {
    const calendars: CalendarsByTable = {
      weegploeg: { cancellations: [{ scheduledDate: '2026-04-21', reason: 'Teamdag' }] },
    };
    const replanned = plan(started, calendars);
    const pva = find(replanned, 'eerste-plan-van-aanpak#0');
    expect(iso(pva.dueAtMs)).toBe('2026-04-27T12:00:00+02:00');
    expect(pva.session?.key).toBe('weegploeg:2026-05-05');
    expect(pva.agendering?.sessionKey).toBe('weegploeg:2026-05-05');
    // Hearing the children follows the plan.
    expect(iso(find(replanned, 'kinderen-boven-12-gehoord#0').dueAtMs)).toBe('2026-04-27T12:00:00+02:00');
    expect(changes(diffObligations(stored, replanned))).toEqual({
      'instemming-volwassene#0': 'keep',
      'kinderen-boven-12-gehoord#0': 'update-due 2026-04-27T12:00:00+02:00',
      'eerste-plan-van-aanpak#0': 'update-due 2026-04-27T12:00:00+02:00',
      'tussentijdse-evaluatie#0': 'keep',
      'afstemming-consulent#0': 'keep',
    });
  });

  it('follows a session that a coordinator moved', () => {
    const calendars: CalendarsByTable = {
      weegploeg: { moves: [{ scheduledDate: '2026-04-21', date: '2026-04-23', reason: 'Zaal bezet' }] },
    };
    const pva = find(plan(started, calendars), 'eerste-plan-van-aanpak#0');
    expect(iso(pva.dueAtMs)).toBe('2026-04-15T12:00:00+02:00');
    expect(pva.session?.key).toBe('weegploeg:2026-04-21');
  });

  it('re-plans everything that hangs on the start date when it is corrected', () => {
    const replanned = plan({ ...started, casusregieStartDate: '2026-02-20' });
    expect(overview(replanned)).toEqual({
      'instemming-volwassene#0': 'open 2026-03-06T09:00:00+01:00',
      'kinderen-boven-12-gehoord#0': 'open 2026-04-27T12:00:00+02:00',
      // S + 9 weeks = 24 April: the Weegploeg of 5 May.
      'eerste-plan-van-aanpak#0': 'open 2026-04-27T12:00:00+02:00',
      // S + 10 months = Sunday 20 December: Ronde Tafel of Thursday 24 December.
      'tussentijdse-evaluatie#0': 'open 2026-12-18T12:00:00+01:00',
      'afstemming-consulent#0': 'open 2026-05-20T09:00:00+02:00',
    });
    expect(diffObligations(stored, replanned).map((c) => c.kind)).toEqual([
      'update-due',
      'update-due',
      'update-due',
      'update-due',
      'update-due',
    ]);
  });

  it('cancels what no longer applies and keeps what was done', () => {
    const done = stored.map((s) =>
      s.ruleKey === 'kinderen-boven-12-gehoord' ? { ...s, status: 'fulfilled' as const } : s,
    );
    // The consulent is no longer involved; the count of children was a typing error.
    const replanned = plan({ ...started, consulentInvolved: false, childrenOver12: 0 });
    expect(changes(diffObligations(done, replanned))).toEqual({
      'instemming-volwassene#0': 'keep',
      'eerste-plan-van-aanpak#0': 'keep',
      'tussentijdse-evaluatie#0': 'keep',
      'afstemming-consulent#0': 'cancel',
      'kinderen-boven-12-gehoord#0': 'keep',
    });
  });
});

function changes(list: readonly ObligationChange[]): Record<string, string> {
  return Object.fromEntries(
    list.map((c) => {
      const key = c.kind === 'create' ? c.planned.key : `${c.stored.ruleKey}#${c.stored.sequence}`;
      return [key, c.kind === 'update-due' ? `update-due ${iso(c.planned.dueAtMs)}` : c.kind];
    }),
  );
}

describe('fulfilment by agendering', () => {
  it('marks the first plan van aanpak fulfilled by an agenda item of that type on the Weegploeg', () => {
    const f: DossierFacts = {
      ...started,
      agendaItems: [
        // Another type on the Weegploeg, a withdrawn plan, a plan on another table: none counts.
        item('a1', 'weegploeg', 'afronding', '2026-03-30 09:00', 'weegploeg:2026-04-21'),
        item('a2', 'weegploeg', 'plan-van-aanpak', '2026-03-31 09:00', 'weegploeg:2026-04-21', true),
        item('a3', 'ronde-tafel', 'vraag', '2026-04-01 09:00', 'ronde-tafel:2026-04-16'),
        item('a4', 'weegploeg', 'plan-van-aanpak', '2026-04-09 10:00', 'weegploeg:2026-04-21'),
      ],
    };
    const pva = find(plan(f), 'eerste-plan-van-aanpak#0');
    expect(pva.status).toBe('fulfilled');
    expect(pva.fulfilment).toEqual({
      kind: 'agenda-item',
      atMs: zdt('2026-04-09 10:00'),
      agendaItemId: 'a4',
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      sessionKey: 'weegploeg:2026-04-21',
    });
    expect(reminderSteps(pva, rule(pva.ruleKey), ZONE)).toEqual([]);
  });

  it('holds hearing the children to the Weegploeg the plan was actually agendered for', () => {
    const late = item('a1', 'weegploeg', 'plan-van-aanpak', '2026-04-14 09:00', 'weegploeg:2026-05-05');
    const planned = plan({ ...started, agendaItems: [late] });
    const children = find(planned, 'kinderen-boven-12-gehoord#0');
    expect(iso(children.dueAtMs)).toBe('2026-04-27T12:00:00+02:00');
    expect(children.session?.key).toBe('weegploeg:2026-05-05');
  });

  it('is what the stored obligation learns on the next diff', () => {
    const before = plan(started);
    const stored = toStored(before);
    const after = plan({
      ...started,
      agendaItems: [item('a4', 'weegploeg', 'plan-van-aanpak', '2026-04-09 10:00', 'weegploeg:2026-04-21')],
    });
    expect(changes(diffObligations(stored, after))['eerste-plan-van-aanpak#0']).toBe('fulfil');
  });
});

/**
 * Where the agendering use case puts an agendapunt made at `at` (Brussels), or its refusal: an
 * afsluiting goes to a zitting on or after afronding + 6 months (canAgenderen's date, given to
 * placeOnOrAfter as the placement adapter does), anything else where placement puts it.
 */
function agenderen(
  f: DossierFacts,
  calendars: CalendarsByTable,
  tableKey: string,
  itemType: string,
  at: string,
): { ok: true; sessionKey: string } | { ok: false; message: string } {
  const table = CO3_ANTWERPEN.tables.find((t) => t.key === tableKey)!;
  const notBefore = notBeforeDateFor(CO3_ANTWERPEN.dossierLife.rules, tableKey, itemType, f.afrondingDate);
  const options = { calendar: calendars[tableKey] ?? {}, itemType };
  const placed =
    notBefore === undefined
      ? placeSubmission(table, zdt(at), options)
      : placeOnOrAfter(table, zdt(at), notBefore, options);
  if (placed.ok) return { ok: true, sessionKey: placed.session.key };
  if (placed.code === 'SESSION_TOO_EARLY') {
    return { ok: false, message: afsluitingTooEarly(f.afrondingDate!, table, placed).message };
  }
  return { ok: false, message: placed.code };
}

function item(
  id: string,
  tableKey: string,
  itemType: string,
  submittedAt: string,
  sessionKey: string,
  withdrawn = false,
) {
  return { id, tableKey, itemType, submittedAtMs: zdt(submittedAt), sessionKey, withdrawn };
}

function toStored(planned: readonly PlannedObligation[]): StoredObligation[] {
  return planned.map((o) => ({
    id: `id-${o.key}`,
    ruleKey: o.ruleKey,
    sequence: o.sequence,
    dueAtMs: o.dueAtMs,
    status: o.status,
  }));
}

describe('the Weegploeg review and the Ronde Tafel after it', () => {
  const reviewed: DossierFacts = {
    ...started,
    decisions: [
      {
        id: 'd1',
        kind: 'pva_besproken',
        decidedAtMs: zdt('2026-04-21 14:10'),
        tableKey: 'weegploeg',
        terugkomdatum: '2026-06-04',
      },
    ],
  };

  it('plans the Ronde Tafel at the terugkomdatum and counts the review as the first plan', () => {
    const planned = plan(reviewed);
    expect(find(planned, 'eerste-plan-van-aanpak#0').fulfilment).toMatchObject({
      kind: 'decision',
      decisionId: 'd1',
    });
    const rt = find(planned, 'ronde-tafel-na-weegploeg#0');
    // Thursday 4 June is a Ronde Tafel; agendering until Friday 29 May 12:00.
    expect(iso(rt.dueAtMs)).toBe('2026-05-29T12:00:00+02:00');
    expect(rt.agendering).toEqual({
      table: 'ronde-tafel',
      itemType: 'opvolging',
      sessionKey: 'ronde-tafel:2026-06-04',
    });
  });

  it('lets a second review supersede a follow-up still open, and keeps one already done', () => {
    const second = {
      id: 'd2',
      kind: 'pva_besproken' as const,
      decidedAtMs: zdt('2026-06-16 14:00'),
      tableKey: 'weegploeg',
      terugkomdatum: '2026-09-03',
    };
    const open = plan({ ...reviewed, decisions: [...reviewed.decisions, second] });
    expect(open.filter((o) => o.ruleKey === 'ronde-tafel-na-weegploeg').map((o) => o.key)).toEqual([
      'ronde-tafel-na-weegploeg#1',
    ]);
    const withFollowUp = plan({
      ...reviewed,
      decisions: [...reviewed.decisions, second],
      agendaItems: [item('a9', 'ronde-tafel', 'opvolging', '2026-05-20 10:00', 'ronde-tafel:2026-06-04')],
    });
    expect(
      withFollowUp
        .filter((o) => o.ruleKey === 'ronde-tafel-na-weegploeg')
        .map((o) => `${o.key} ${o.status} ${iso(o.dueAtMs)}`),
    ).toEqual([
      'ronde-tafel-na-weegploeg#0 fulfilled 2026-05-29T12:00:00+02:00',
      // Thursday 3 September; agendering until Friday 28 August 12:00.
      'ronde-tafel-na-weegploeg#1 open 2026-08-28T12:00:00+02:00',
    ]);
  });
});

describe('the consulent alignment, at least every three months', () => {
  it('opens the next alignment three months after the last one was done', () => {
    const planned = plan({
      ...started,
      manualFulfilments: [
        {
          ruleKey: 'afstemming-consulent',
          sequence: 0,
          atMs: zdt('2026-04-20 10:00'),
          note: 'Overleg met consulent',
        },
        { ruleKey: 'afstemming-consulent', sequence: 1, atMs: zdt('2026-08-03 14:00'), note: 'Telefonisch' },
      ],
    });
    expect(
      planned
        .filter((o) => o.ruleKey === 'afstemming-consulent')
        .map((o) => `${o.key} ${o.status} ${iso(o.dueAtMs)}`),
    ).toEqual([
      'afstemming-consulent#0 fulfilled 2026-05-06T09:00:00+02:00',
      'afstemming-consulent#1 fulfilled 2026-07-20T09:00:00+02:00',
      'afstemming-consulent#2 open 2026-11-03T09:00:00+01:00',
    ]);
  });

  it('counts from the day a consulent came in when that was after the start', () => {
    const planned = plan({ ...started, consulentInvolvedSince: '2026-03-17' });
    expect(iso(find(planned, 'afstemming-consulent#0').dueAtMs)).toBe('2026-06-17T09:00:00+02:00');
  });
});

describe('after the afronding on 8 September 2026', () => {
  const afgerond: DossierFacts = {
    ...started,
    consentVerifiedAtMs: zdt('2026-01-30 11:10'),
    childrenOver12HeardAtMs: zdt('2026-03-12 15:00'),
    decisions: [
      { id: 'd1', kind: 'pva_besproken', decidedAtMs: zdt('2026-04-21 14:10'), terugkomdatum: '2026-06-04' },
      { id: 'd2', kind: 'afronding_goedgekeurd', decidedAtMs: zdt('2026-09-08 15:40') },
    ],
    agendaItems: [item('a9', 'ronde-tafel', 'opvolging', '2026-05-20 10:00', 'ronde-tafel:2026-06-04')],
    afrondingDate: '2026-09-08',
  };

  it('plans the optional check, the six-month check and the afsluiting; what casusregie still had open ends', () => {
    expect(overview(plan(afgerond))).toEqual({
      'instemming-volwassene#0': 'fulfilled 2026-02-20T09:00:00+01:00',
      'kinderen-boven-12-gehoord#0': 'fulfilled 2026-04-13T12:00:00+02:00',
      'eerste-plan-van-aanpak#0': 'fulfilled 2026-04-13T12:00:00+02:00',
      'ronde-tafel-na-weegploeg#0': 'fulfilled 2026-05-29T12:00:00+02:00',
      // A + 3 months = Tuesday 8 December: Ronde Tafel of 10 December.
      'opvolging-na-afronding#0': 'open 2026-12-04T12:00:00+01:00',
      'controle-zes-maanden-na-afronding#0': 'open 2027-03-08T09:00:00+01:00',
      // The first Ronde Tafel on or after 8 March 2027 is Thursday 11 March.
      'afsluiting#0': 'open 2027-03-05T12:00:00+01:00',
    });
  });

  it('never escalates the optional check', () => {
    const optional = find(plan(afgerond), 'opvolging-na-afronding#0');
    expect(optional.optional).toBe(true);
    expect(schedule(optional)).toEqual([
      'reminder 2026-11-20T08:00:00+01:00',
      'reminder 2026-12-04T08:00:00+01:00',
    ]);
  });

  it('plans the quality check four weeks after the afsluiting, for the strategic coordinators', () => {
    const closed = plan({
      ...afgerond,
      afsluitingDate: '2027-03-11',
      decisions: [
        ...afgerond.decisions,
        { id: 'd3', kind: 'afsluiting_bevestigd', decidedAtMs: zdt('2027-03-11 11:30') },
      ],
    });
    expect(find(closed, 'afsluiting#0').status).toBe('fulfilled');
    expect(closed.some((o) => o.key === 'opvolging-na-afronding#0')).toBe(false);
    const check = find(closed, 'kwaliteitscontrole#0');
    expect(iso(check.dueAtMs)).toBe('2027-04-08T09:00:00+02:00');
    expect(check.owner).toEqual({ role: 'strategisch-coordinator' });
    // Reminders to them a week before and on the day; overdue, back to them every week.
    expect(
      reminderSteps(check, rule('kwaliteitscontrole'), ZONE, { untilMs: zdt('2027-04-12 00:00') }),
    ).toEqual([
      expect.objectContaining({ kind: 'reminder', to: { role: 'strategisch-coordinator' } }),
      expect.objectContaining({ kind: 'reminder', to: { role: 'strategisch-coordinator' } }),
      expect.objectContaining({
        kind: 'escalation',
        sendAtMs: zdt('2027-04-09 08:00'),
        to: { role: 'strategisch-coordinator' },
      }),
    ]);
    // Only its checklist fulfils it: a form submitted for it, not a note.
    expect(rule('kwaliteitscontrole').fulfilledBy).toEqual([{ kind: 'form', form: 'kwaliteitscontrole' }]);
    const checked = plan({
      ...afgerond,
      afsluitingDate: '2027-03-11',
      decisions: [
        ...afgerond.decisions,
        { id: 'd3', kind: 'afsluiting_bevestigd', decidedAtMs: zdt('2027-03-11 11:30') },
      ],
      formFulfilments: [{ ruleKey: 'kwaliteitscontrole', sequence: 0, atMs: zdt('2027-03-25 10:00') }],
    });
    expect(find(checked, 'kwaliteitscontrole#0').fulfilment).toEqual({
      kind: 'form',
      atMs: zdt('2027-03-25 10:00'),
    });
  });

  it('counts the six-month report as done when its form was submitted, and tells the Ronde Tafel', () => {
    expect(rule('controle-zes-maanden-na-afronding').fulfilledBy).toEqual([
      { kind: 'form', form: 'vervolghulp', reportTo: { role: 'coordinator', table: 'ronde-tafel' } },
    ]);
    const reported = plan({
      ...afgerond,
      formFulfilments: [
        { ruleKey: 'controle-zes-maanden-na-afronding', sequence: 0, atMs: zdt('2027-03-01 14:00') },
      ],
    });
    const report = find(reported, 'controle-zes-maanden-na-afronding#0');
    expect([report.status, report.fulfilment]).toEqual([
      'fulfilled',
      { kind: 'form', atMs: zdt('2027-03-01 14:00') },
    ]);
    // A form of another obligation does not count for this one.
    const other = plan({
      ...afgerond,
      formFulfilments: [{ ruleKey: 'kwaliteitscontrole', sequence: 0, atMs: zdt('2027-03-01 14:00') }],
    });
    expect(find(other, 'controle-zes-maanden-na-afronding#0').status).toBe('open');
  });
});

describe('the afsluiting of a dossier afgerond on Tuesday 8 September 2026', () => {
  const afgerond: DossierFacts = {
    ...started,
    consentVerifiedAtMs: zdt('2026-01-30 11:10'),
    afrondingDate: '2026-09-08',
  };
  const afsluiting = (f: DossierFacts) => find(plan(f), 'afsluiting#0');

  it('is due at the deadline of the first Ronde Tafel on or after 8 March 2027, and aims at that zitting', () => {
    const due = afsluiting(afgerond);
    expect(iso(due.dueAtMs)).toBe('2027-03-05T12:00:00+01:00');
    expect(due.session?.key).toBe('ronde-tafel:2027-03-11');
    expect(due.agendering).toEqual({
      table: 'ronde-tafel',
      itemType: 'afsluiting',
      sessionKey: 'ronde-tafel:2027-03-11',
    });
  });

  it('can be agendered from the deadline of the Ronde Tafel of 4 March, not a millisecond before', () => {
    expect(agenderen(afgerond, {}, 'ronde-tafel', 'afsluiting', '2027-02-22 09:00')).toEqual({
      ok: false,
      message:
        'Een afsluiting komt op een Ronde Tafel die ten vroegste 6 maanden na de afronding ' +
        '(8 september 2026) plaatsvindt: op of na 8 maart 2027. Wie nu agendeert, komt op de Ronde ' +
        'Tafel van 4 maart 2027, en die is te vroeg. Agendeer de afsluiting vanaf 26 februari 2027 om ' +
        '12:00; dan komt ze op de Ronde Tafel van 11 maart 2027 (deadline 5 maart 2027 om 12:00).',
    });
    const lastMoment = zdt('2027-02-26 12:00') - 1;
    expect(
      agenderen(afgerond, {}, 'ronde-tafel', 'afsluiting', iso(lastMoment).slice(0, 19).replace('T', ' ')),
    ).toMatchObject({ ok: false });
    expect(agenderen(afgerond, {}, 'ronde-tafel', 'afsluiting', '2027-02-26 12:00')).toEqual({
      ok: true,
      sessionKey: 'ronde-tafel:2027-03-11',
    });
    // Before the six months are over, and the other agendapunten are not held back.
    expect(agenderen(afgerond, {}, 'ronde-tafel', 'opvolging', '2027-02-22 09:00')).toEqual({
      ok: true,
      sessionKey: 'ronde-tafel:2027-03-04',
    });
  });

  it('reminds the casusregisseur only inside that window, and escalates nothing when done on time', () => {
    const open = afsluiting(afgerond);
    expect(schedule(open, zdt('2027-03-20 00:00'))).toEqual([
      'reminder 2027-03-01T08:00:00+01:00',
      'reminder 2027-03-03T08:00:00+01:00',
      'reminder 2027-03-05T08:00:00+01:00',
      'escalation 2027-03-08T08:00:00+01:00',
      'escalation 2027-03-15T08:00:00+01:00',
    ]);
    const placed = agenderen(afgerond, {}, 'ronde-tafel', 'afsluiting', '2027-03-01 09:00');
    expect(placed).toEqual({ ok: true, sessionKey: 'ronde-tafel:2027-03-11' });
    const done = afsluiting({
      ...afgerond,
      agendaItems: [item('a1', 'ronde-tafel', 'afsluiting', '2027-03-01 09:00', 'ronde-tafel:2027-03-11')],
    });
    expect(done.status).toBe('fulfilled');
    expect(done.agendering?.sessionKey).toBe('ronde-tafel:2027-03-11');
    expect(schedule(done)).toEqual([]);
  });

  it('follows a cancelled Ronde Tafel: the zitting, the due date and the window move together', () => {
    const calendars = {
      'ronde-tafel': { cancellations: [{ scheduledDate: '2027-03-11', reason: 'Teamdag' }] },
    };
    const due = find(plan(afgerond, calendars), 'afsluiting#0');
    expect([iso(due.dueAtMs), due.session?.key]).toEqual([
      '2027-03-12T12:00:00+01:00',
      'ronde-tafel:2027-03-18',
    ]);
    // With 11 March gone, the zitting of 18 March is the next open one from the deadline of
    // 4 March: the window is two weeks.
    expect(agenderen(afgerond, calendars, 'ronde-tafel', 'afsluiting', '2027-02-26 11:00')).toMatchObject({
      ok: false,
    });
    for (const at of ['2027-02-26 12:00', '2027-03-05 13:00']) {
      expect(agenderen(afgerond, calendars, 'ronde-tafel', 'afsluiting', at)).toEqual({
        ok: true,
        sessionKey: 'ronde-tafel:2027-03-18',
      });
    }
  });

  it('is confirmed at that zitting, and would be refused at the one before', () => {
    const state = {
      phase: 'afgerond',
      casusregisseurId: 'cr-1',
      casusregieStartDate: '2026-02-06',
      consent: { verifiedById: 'cr-1', verifiedOn: '2026-01-30' },
      afrondingDate: '2026-09-08',
      noConsentReturns: 0,
    } as const;
    const decide = (decisionDate: string) =>
      applyDecision(
        state,
        { kind: 'afsluiting_bevestigd' },
        { decisionDate, tableKey: 'ronde-tafel', itemType: 'afsluiting', life: CO3_ANTWERPEN.dossierLife },
      );
    expect(decide('2027-03-11')).toMatchObject({
      ok: true,
      next: { phase: 'afgesloten', afsluitingDate: '2027-03-11' },
    });
    expect(decide('2027-03-04')).toMatchObject({ ok: false, code: 'TOO_EARLY_FOR_AFSLUITING' });
  });
});

describe('reminders and escalation', () => {
  const pva = find(plan(started), 'eerste-plan-van-aanpak#0');

  it('reminds 14 and 2 days before and on the day at 08:00, across the change to summer time, never in a weekend', () => {
    expect(schedule(pva, zdt('2026-05-01 00:00'))).toEqual([
      // Monday 30 March, the day after the clocks went forward.
      'reminder 2026-03-30T08:00:00+02:00',
      // Two days before is Saturday 11 April: the Friday before.
      'reminder 2026-04-10T08:00:00+02:00',
      'reminder 2026-04-13T08:00:00+02:00',
      // Overdue: to the Weegploeg coordinator the next day, then weekly.
      'escalation 2026-04-14T08:00:00+02:00',
      'escalation 2026-04-21T08:00:00+02:00',
      'escalation 2026-04-28T08:00:00+02:00',
    ]);
    const steps = reminderSteps(pva, rule(pva.ruleKey), ZONE, { untilMs: zdt('2026-05-01 00:00') });
    expect(steps.map((s) => s.stepKey)).toEqual([
      'reminder-14d-due-2026-04-13',
      'reminder-2d-due-2026-04-13',
      'reminder-0d-due-2026-04-13',
      'escalation-1-due-2026-04-13',
      'escalation-2-due-2026-04-13',
      'escalation-3-due-2026-04-13',
    ]);
    expect(steps.filter((s) => s.kind === 'escalation').every((s) => s.to.role === 'coordinator')).toBe(true);
    expect(steps[3]?.to).toEqual({ role: 'coordinator', table: 'weegploeg' });
  });

  it('keeps 08:00 across the change to winter time, and lets weekend escalations wait for Monday', () => {
    const rt = find(
      plan({
        ...started,
        decisions: [
          {
            id: 'd1',
            kind: 'pva_besproken',
            decidedAtMs: zdt('2026-09-22 14:30'),
            terugkomdatum: '2026-11-05',
          },
        ],
      }),
      'ronde-tafel-na-weegploeg#0',
    );
    // Ronde Tafel of Thursday 5 November; agendering until Friday 30 October 12:00, after the
    // clocks went back on 25 October.
    expect(iso(rt.dueAtMs)).toBe('2026-10-30T12:00:00+01:00');
    expect(schedule(rt, zdt('2026-11-20 00:00'))).toEqual([
      'reminder 2026-10-16T08:00:00+02:00',
      'reminder 2026-10-28T08:00:00+01:00',
      'reminder 2026-10-30T08:00:00+01:00',
      // The day after is Saturday 31 October: Monday 2 November, then weekly.
      'escalation 2026-11-02T08:00:00+01:00',
      'escalation 2026-11-09T08:00:00+01:00',
      'escalation 2026-11-16T08:00:00+01:00',
    ]);
  });

  it('a cron every hour sends each step once, on its day', () => {
    const steps = reminderSteps(pva, rule(pva.ruleKey), ZONE, { untilMs: zdt('2026-05-01 00:00') });
    const sent = new Map<string, number>();
    for (let now = zdt('2026-03-01 00:00'); now < zdt('2026-05-01 00:00'); now += 3_600_000) {
      for (const step of dueSteps(steps, sent.keys(), now)) {
        expect(sent.has(step.stepKey)).toBe(false);
        sent.set(step.stepKey, now);
      }
    }
    expect([...sent].map(([key, at]) => `${key} ${iso(at)}`)).toEqual([
      'reminder-14d-due-2026-04-13 2026-03-30T08:00:00+02:00',
      'reminder-2d-due-2026-04-13 2026-04-10T08:00:00+02:00',
      'reminder-0d-due-2026-04-13 2026-04-13T08:00:00+02:00',
      'escalation-1-due-2026-04-13 2026-04-14T08:00:00+02:00',
      'escalation-2-due-2026-04-13 2026-04-21T08:00:00+02:00',
      'escalation-3-due-2026-04-13 2026-04-28T08:00:00+02:00',
    ]);
  });

  it('after a ten-day worker outage sends what fell due once: the latest reminder and the latest escalation', () => {
    const steps = reminderSteps(pva, rule(pva.ruleKey), ZONE, { untilMs: zdt('2026-05-01 00:00') });
    const sent = new Map<string, number>();
    const tick = (now: number): void => {
      for (const step of dueSteps(steps, sent.keys(), now)) {
        expect(sent.has(step.stepKey)).toBe(false);
        sent.set(step.stepKey, now);
      }
    };
    for (let now = zdt('2026-03-01 00:00'); now < zdt('2026-04-08 00:00'); now += 3_600_000) tick(now);
    // Down from 8 to 18 April; two workers come back at once and both run the cron.
    for (let now = zdt('2026-04-18 00:00'); now < zdt('2026-05-01 00:00'); now += 3_600_000) {
      tick(now);
      tick(now);
    }
    expect([...sent].map(([key, at]) => `${key} ${iso(at)}`)).toEqual([
      'reminder-14d-due-2026-04-13 2026-03-30T08:00:00+02:00',
      'reminder-0d-due-2026-04-13 2026-04-18T00:00:00+02:00',
      'escalation-1-due-2026-04-13 2026-04-18T00:00:00+02:00',
      'escalation-2-due-2026-04-13 2026-04-21T08:00:00+02:00',
      'escalation-3-due-2026-04-13 2026-04-28T08:00:00+02:00',
    ]);
  });

  it('stops escalating once the plan is agendered', () => {
    const f = (items: DossierFacts['agendaItems']) => find(plan({ ...started, agendaItems: items }), pva.key);
    const sent = new Set<string>();
    const sendAt: string[] = [];
    for (let now = zdt('2026-03-25 00:00'); now < zdt('2026-05-15 00:00'); now += 3_600_000) {
      // Agendered (late, for the session of 5 May) on 22 April at 10:00.
      const items =
        now >= zdt('2026-04-22 10:00')
          ? [item('a1', 'weegploeg', 'plan-van-aanpak', '2026-04-22 10:00', 'weegploeg:2026-05-05')]
          : [];
      const current = f(items);
      const steps = reminderSteps(current, rule(current.ruleKey), ZONE, { untilMs: zdt('2026-05-15 00:00') });
      for (const step of dueSteps(steps, sent, now)) {
        sent.add(step.stepKey);
        sendAt.push(`${step.kind} ${iso(now)}`);
      }
    }
    expect(sendAt).toEqual([
      'reminder 2026-03-30T08:00:00+02:00',
      'reminder 2026-04-10T08:00:00+02:00',
      'reminder 2026-04-13T08:00:00+02:00',
      'escalation 2026-04-14T08:00:00+02:00',
      'escalation 2026-04-21T08:00:00+02:00',
    ]);
  });
});

describe('properties of planning with the CO3 rules', () => {
  const day = fc.integer({ min: 0, max: 700 }).map((n) => addDaysIso('2026-01-01', n));
  const scenario = fc.record({
    start: day,
    afrondingAfterDays: fc.option(fc.integer({ min: 60, max: 500 }), { nil: undefined }),
    children: fc.integer({ min: 0, max: 3 }),
    consulent: fc.boolean(),
    cancelled: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }),
    itemAfterDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function build(s: Scenario) {
    const f: DossierFacts = facts({
      casusregieStartDate: s.start,
      childrenOver12: s.children,
      consulentInvolved: s.consulent,
      ...(s.afrondingAfterDays !== undefined && { afrondingDate: addDaysIso(s.start, s.afrondingAfterDays) }),
      agendaItems:
        s.itemAfterDays === undefined
          ? []
          : [
              item(
                'p1',
                'weegploeg',
                'plan-van-aanpak',
                `${addDaysIso(s.start, s.itemAfterDays)} 10:00`,
                'weegploeg:2026-01-13',
              ),
            ],
    });
    const calendars: CalendarsByTable = {
      weegploeg: {
        cancellations: s.cancelled.map((n) => ({
          scheduledDate: addDaysIso('2026-01-13', n * 14),
          reason: 'x',
        })),
      },
    };
    return { f, calendars };
  }

  it('is deterministic, and diffing a plan against itself keeps everything', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { f, calendars } = build(s);
        const first = plan(f, calendars);
        const again = plan({ ...f, agendaItems: [...f.agendaItems].reverse() }, calendars);
        expect(again).toEqual(first);
        expect(diffObligations(toStored(first), first).every((c) => c.kind === 'keep')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('never puts a session-relative due date on a cancelled session or before the bound', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { f, calendars } = build(s);
        const pva = plan(f, calendars).find((o) => o.key === 'eerste-plan-van-aanpak#0');
        if (!pva || pva.status === 'fulfilled') return;
        const cancelled = new Set(
          calendars.weegploeg?.cancellations?.map((c) => `weegploeg:${c.scheduledDate}`),
        );
        expect(cancelled.has(pva.session?.key as string)).toBe(false);
        expect((pva.session?.date as string) >= addDaysIso(s.start, 63)).toBe(true);
        expect(pva.dueAtMs).toBe(pva.session?.deadlineMs);
      }),
      { numRuns: 150 },
    );
  });

  it('applying a diff and diffing again leaves nothing to do', () => {
    fc.assert(
      fc.property(scenario, scenario, (a, b) => {
        const before = plan(build(a).f, build(a).calendars);
        const after = plan(build(b).f, build(b).calendars);
        const applied = apply(toStored(before), diffObligations(toStored(before), after));
        expect(diffObligations(applied, after).every((c) => c.kind === 'keep')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** The application's side of a diff, reduced to the stored fields. */
function apply(stored: readonly StoredObligation[], list: readonly ObligationChange[]): StoredObligation[] {
  const out: StoredObligation[] = [];
  for (const c of list) {
    switch (c.kind) {
      case 'create':
        out.push({
          id: `id-${c.planned.key}`,
          ruleKey: c.planned.ruleKey,
          sequence: c.planned.sequence,
          dueAtMs: c.planned.dueAtMs,
          status: c.planned.status,
        });
        break;
      case 'update-due':
      case 'reopen':
        out.push({ ...c.stored, dueAtMs: c.planned.dueAtMs, status: 'open' });
        break;
      case 'fulfil':
        out.push({ ...c.stored, status: 'fulfilled' });
        break;
      case 'cancel':
        out.push({ ...c.stored, status: 'cancelled' });
        break;
      case 'keep':
        out.push(c.stored);
        break;
    }
  }
  expect(out).toHaveLength(new Set([...stored, ...out].map((s) => `${s.ruleKey}#${s.sequence}`)).size);
  return out;
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('one dossier’s life over twenty months, re-planned on every change, with an hourly cron', () => {
  type Change = (f: DossierFacts, c: CalendarsByTable) => [DossierFacts, CalendarsByTable];
  const manual =
    (ruleKey: string, sequence: number, at: string, note: string): Change =>
    (f, c) => [
      { ...f, manualFulfilments: [...f.manualFulfilments, { ruleKey, sequence, atMs: zdt(at), note }] },
      c,
    ];
  /**
   * An agendering as the use case makes it: refused where it would refuse (the dossier's phase
   * aside, which these facts do not carry), on the session placement gives it, which must be
   * the one the script expects.
   */
  const agendered =
    (id: string, tableKey: string, itemType: string, at: string, sessionKey: string): Change =>
    (f, c) => {
      const placed = agenderen(f, c, tableKey, itemType, at);
      if (!placed.ok) throw new Error(`agendering at ${at} refused: ${placed.message}`);
      expect(placed.sessionKey).toBe(sessionKey);
      return [{ ...f, agendaItems: [...f.agendaItems, item(id, tableKey, itemType, at, sessionKey)] }, c];
    };
  /** What happens, when; the facts as the application would hold them afterwards. */
  const script: [string, Change][] = [
    // The ICO decides instroom; consent is verified there; casusregie starts a week later.
    [
      '2026-01-30 11:10',
      (f, c) => [
        {
          ...f,
          casusregieStartDate: '2026-02-06',
          consentVerifiedAtMs: zdt('2026-01-30 11:10'),
          childrenOver12: 1,
          consulentInvolved: true,
        },
        c,
      ],
    ],
    ['2026-03-12 15:00', (f, c) => [{ ...f, childrenOver12HeardAtMs: zdt('2026-03-12 15:00') }, c]],
    // A coordinator cancels the Weegploeg the first plan was due for.
    [
      '2026-03-20 09:00',
      (f, c) => [
        f,
        { ...c, weegploeg: { cancellations: [{ scheduledDate: '2026-04-21', reason: 'Teamdag' }] } },
      ],
    ],
    [
      '2026-04-20 16:00',
      agendered('i1', 'weegploeg', 'plan-van-aanpak', '2026-04-20 16:00', 'weegploeg:2026-05-05'),
    ],
    ['2026-05-04 11:00', manual('afstemming-consulent', 0, '2026-05-04 11:00', 'Afstemming met consulent')],
    [
      '2026-05-05 14:20',
      (f, c) => [
        {
          ...f,
          decisions: [
            ...f.decisions,
            {
              id: 'd1',
              kind: 'pva_besproken',
              decidedAtMs: zdt('2026-05-05 14:20'),
              terugkomdatum: '2026-06-18',
            },
          ],
        },
        c,
      ],
    ],
    [
      '2026-06-10 10:00',
      agendered('i2', 'ronde-tafel', 'opvolging', '2026-06-10 10:00', 'ronde-tafel:2026-06-18'),
    ],
    // The second alignment is forgotten until the escalations bring it back.
    ['2026-08-20 14:00', manual('afstemming-consulent', 1, '2026-08-20 14:00', 'Telefonisch afgestemd')],
    [
      '2026-09-08 15:40',
      (f, c) => [
        {
          ...f,
          afrondingDate: '2026-09-08',
          decisions: [
            ...f.decisions,
            { id: 'd2', kind: 'afronding_goedgekeurd', decidedAtMs: zdt('2026-09-08 15:40') },
          ],
        },
        c,
      ],
    ],
    // The afsluiting's Ronde Tafel must be on or after 8 March 2027: that of 11 March, which is
    // the next open one from the deadline of 4 March (Friday 26 February 12:00) until its own
    // (Friday 5 March 12:00). Agendered on the Monday of that week, after the first reminder.
    [
      '2027-03-01 09:00',
      agendered('i3', 'ronde-tafel', 'afsluiting', '2027-03-01 09:00', 'ronde-tafel:2027-03-11'),
    ],
    [
      '2027-03-10 10:00',
      manual('controle-zes-maanden-na-afronding', 0, '2027-03-10 10:00', 'Vervolghulp loopt'),
    ],
    [
      '2027-03-11 11:30',
      (f, c) => [
        {
          ...f,
          afsluitingDate: '2027-03-11',
          decisions: [
            ...f.decisions,
            { id: 'd3', kind: 'afsluiting_bevestigd', decidedAtMs: zdt('2027-03-11 11:30') },
          ],
        },
        c,
      ],
    ],
    ['2027-04-07 16:00', manual('kwaliteitscontrole', 0, '2027-04-07 16:00', 'Dossier volledig')],
  ];
  script.sort(([a], [b]) => zdt(a) - zdt(b));

  it('sends every reminder on its day, none twice, escalates what is ignored and re-plans what moves', () => {
    let f = facts();
    let calendars: CalendarsByTable = {};
    const stored = new Map<string, StoredObligation>();
    /** Per obligation id, the step keys whose job was enqueued (job id `<id>|<stepKey>`). */
    const sentJobs = new Map<string, Set<string>>();
    const stepsOf = new Map<string, { signature: string; steps: ReminderStep[] }>();
    const log: string[] = [];
    let next = 0;
    const replan = (at: number): void => {
      for (const c of diffObligations([...stored.values()], plan(f, calendars))) {
        const label = (key: string) => `${iso(at).slice(0, 16)} ${c.kind} ${key}`;
        switch (c.kind) {
          case 'create':
            stored.set(c.planned.key, {
              id: c.planned.key,
              ruleKey: c.planned.ruleKey,
              sequence: c.planned.sequence,
              dueAtMs: c.planned.dueAtMs,
              status: c.planned.status,
            });
            log.push(`${label(c.planned.key)} ${c.planned.status} ${iso(c.planned.dueAtMs)}`);
            break;
          case 'update-due':
            stored.set(c.stored.id, { ...c.stored, dueAtMs: c.planned.dueAtMs });
            log.push(`${label(c.stored.id)} ${iso(c.planned.dueAtMs)}`);
            break;
          case 'fulfil':
          case 'cancel':
            stored.set(c.stored.id, { ...c.stored, status: c.kind === 'fulfil' ? 'fulfilled' : 'cancelled' });
            log.push(label(c.stored.id));
            break;
          case 'reopen':
            stored.set(c.stored.id, { ...c.stored, status: 'open', dueAtMs: c.planned.dueAtMs });
            log.push(label(c.stored.id));
            break;
          case 'keep':
            break;
        }
      }
    };
    for (let now = zdt('2026-01-26 00:00'); now < zdt('2027-09-30 00:00'); now += 3_600_000) {
      let changed = false;
      while (next < script.length && zdt((script[next] as [string, Change])[0]) <= now) {
        [f, calendars] = (script[next] as [string, Change])[1](f, calendars);
        next++;
        changed = true;
      }
      if (changed) replan(now);
      for (const o of stored.values()) {
        // As the application stores the steps with the obligation: computed again only when its
        // due date or status changes.
        const signature = `${o.dueAtMs}|${o.status}`;
        let cached = stepsOf.get(o.id);
        if (cached?.signature !== signature) {
          cached = {
            signature,
            steps: reminderSteps({ key: o.id, dueAtMs: o.dueAtMs, status: o.status }, rule(o.ruleKey), ZONE),
          };
          stepsOf.set(o.id, cached);
        }
        const sentHere = sentJobs.get(o.id) ?? new Set<string>();
        sentJobs.set(o.id, sentHere);
        for (const step of dueSteps(cached.steps, sentHere, now)) {
          expect(sentHere.has(step.stepKey)).toBe(false);
          sentHere.add(step.stepKey);
          log.push(`${iso(now).slice(0, 16)} ${step.kind} ${o.id}`);
        }
      }
    }
    expect(log).toEqual([
      // The cron runs on the hour: the ICO decision of 11:10 is planned at 12:00.
      '2026-01-30T12:00 create instemming-volwassene#0 fulfilled 2026-02-20T09:00:00+01:00',
      '2026-01-30T12:00 create kinderen-boven-12-gehoord#0 open 2026-04-13T12:00:00+02:00',
      '2026-01-30T12:00 create eerste-plan-van-aanpak#0 open 2026-04-13T12:00:00+02:00',
      '2026-01-30T12:00 create tussentijdse-evaluatie#0 open 2026-12-04T12:00:00+01:00',
      '2026-01-30T12:00 create afstemming-consulent#0 open 2026-05-06T09:00:00+02:00',
      '2026-03-12T15:00 fulfil kinderen-boven-12-gehoord#0',
      // The Weegploeg of 21 April is cancelled: the plan is due for the one of 5 May.
      '2026-03-20T09:00 update-due eerste-plan-van-aanpak#0 2026-04-27T12:00:00+02:00',
      '2026-04-13T08:00 reminder eerste-plan-van-aanpak#0',
      '2026-04-20T16:00 fulfil eerste-plan-van-aanpak#0',
      '2026-04-22T08:00 reminder afstemming-consulent#0',
      '2026-05-04T11:00 fulfil afstemming-consulent#0',
      '2026-05-04T11:00 create afstemming-consulent#1 open 2026-08-04T09:00:00+02:00',
      // Terugkomdatum Thursday 18 June: agendering until Friday 12 June 12:00.
      '2026-05-05T15:00 create ronde-tafel-na-weegploeg#0 open 2026-06-12T12:00:00+02:00',
      '2026-05-29T08:00 reminder ronde-tafel-na-weegploeg#0',
      '2026-06-10T08:00 reminder ronde-tafel-na-weegploeg#0',
      '2026-06-10T10:00 fulfil ronde-tafel-na-weegploeg#0',
      '2026-07-21T08:00 reminder afstemming-consulent#1',
      '2026-08-04T08:00 reminder afstemming-consulent#1',
      // Ignored: the Ronde Tafel coordinator hears of it every week until it is done.
      '2026-08-05T08:00 escalation afstemming-consulent#1',
      '2026-08-12T08:00 escalation afstemming-consulent#1',
      '2026-08-19T08:00 escalation afstemming-consulent#1',
      '2026-08-20T14:00 fulfil afstemming-consulent#1',
      '2026-08-20T14:00 create afstemming-consulent#2 open 2026-11-20T09:00:00+01:00',
      '2026-09-08T16:00 create opvolging-na-afronding#0 open 2026-12-04T12:00:00+01:00',
      '2026-09-08T16:00 create controle-zes-maanden-na-afronding#0 open 2027-03-08T09:00:00+01:00',
      '2026-09-08T16:00 create afsluiting#0 open 2027-03-05T12:00:00+01:00',
      // Casusregie is over: what it still had open ends.
      '2026-09-08T16:00 cancel afstemming-consulent#2',
      '2026-09-08T16:00 cancel tussentijdse-evaluatie#0',
      // The optional check is reminded, never escalated.
      '2026-11-20T08:00 reminder opvolging-na-afronding#0',
      '2026-12-04T08:00 reminder opvolging-na-afronding#0',
      '2027-02-22T08:00 reminder controle-zes-maanden-na-afronding#0',
      // Four days before Friday 5 March 12:00, inside the week agendering lands on 11 March.
      '2027-03-01T08:00 reminder afsluiting#0',
      '2027-03-01T09:00 fulfil afsluiting#0',
      // Two days before Monday 8 March is a Saturday: the Friday before.
      '2027-03-05T08:00 reminder controle-zes-maanden-na-afronding#0',
      '2027-03-08T08:00 reminder controle-zes-maanden-na-afronding#0',
      '2027-03-09T08:00 escalation controle-zes-maanden-na-afronding#0',
      '2027-03-10T10:00 fulfil controle-zes-maanden-na-afronding#0',
      '2027-03-11T12:00 create kwaliteitscontrole#0 open 2027-04-08T09:00:00+02:00',
      '2027-03-11T12:00 cancel opvolging-na-afronding#0',
      '2027-04-01T08:00 reminder kwaliteitscontrole#0',
      '2027-04-07T16:00 fulfil kwaliteitscontrole#0',
    ]);
    expect([...stored.values()].filter((o) => o.status === 'open')).toEqual([]);
  });
});
