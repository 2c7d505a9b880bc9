import {
  childrenHeard,
  recordChildHearing,
  recordConsent,
  recordConsulentConsultation,
} from './casusregie-checks.policy';
import {
  AFRONDING_DATE,
  contextFor,
  deepFreeze,
  REGISSEUR,
  START_DATE,
  stateIn,
  applyCo3Decision, CO3_LIFE } from './dossier-fixtures.test-util';
import { awaitsConsent, DossierState } from './dossier.model';

/**
 * The ICO of Friday 6 March 2026 appointed the casusregisseur from Monday 9 March on, without
 * consent. Today is Wednesday 11 March unless a test says otherwise.
 */
const awaiting: DossierState = deepFreeze({
  phase: 'casusregie',
  casusregisseurId: REGISSEUR,
  casusregiePlannedStartDate: START_DATE,
  noConsentReturns: 0,
});
const TODAY = { life: CO3_LIFE, today: '2026-03-11' };

describe('recording the consent of an adult family member', () => {
  const input = {
    givenBy: ' moeder ',
    verifiedOn: '2026-03-11',
    adultFamilyMember: true,
    verifiedById: REGISSEUR,
  };

  it('starts casusregie on the day of the consent when it comes after the planned start', () => {
    const outcome = recordConsent(awaiting, input, TODAY);
    expect(outcome).toEqual({
      ok: true,
      next: {
        ...awaiting,
        casusregieStartDate: '2026-03-11',
        consent: { verifiedById: REGISSEUR, verifiedOn: '2026-03-11', givenBy: 'moeder' },
      },
      effects: [
        { type: 'instemming-geregistreerd', verifiedOn: '2026-03-11', verifiedById: REGISSEUR },
        { type: 'casusregie-gestart', startDate: '2026-03-11', casusregisseurId: REGISSEUR },
      ],
    });
    expect(outcome.ok && awaitsConsent(CO3_LIFE, outcome.next)).toBe(false);
  });

  it('starts casusregie on the planned start when the consent came before it', () => {
    const outcome = recordConsent(awaiting, { ...input, verifiedOn: '2026-03-06' }, TODAY);
    expect(outcome.ok && outcome.next.casusregieStartDate).toBe(START_DATE);
  });

  it('keeps a start already known (taken over from before the service) and only records the consent', () => {
    const started: DossierState = { ...stateIn('casusregie'), consent: undefined };
    const outcome = recordConsent(started, input, TODAY);
    expect(outcome.ok && [outcome.next.casusregieStartDate, outcome.effects.map((e) => e.type)]).toEqual([
      START_DATE,
      ['instemming-geregistreerd'],
    ]);
  });

  it.each([
    ['no family member named', { givenBy: '' }, 'FIELD_REQUIRED', 'givenBy'],
    ['no date', { verifiedOn: '' }, 'FIELD_REQUIRED', 'verifiedOn'],
    ['no real date', { verifiedOn: '2026-02-30' }, 'FIELD_INVALID', 'verifiedOn'],
    ['a date after today', { verifiedOn: '2026-03-12' }, 'FIELD_INVALID', 'verifiedOn'],
    ['the consent of a child only', { adultFamilyMember: false }, 'CONSENT_REQUIRED', 'adultFamilyMember'],
  ])('refuses %s, naming the field', (_case, change, code, field) => {
    const outcome = recordConsent(awaiting, { ...input, ...change }, TODAY);
    expect(outcome.ok ? undefined : [outcome.code, outcome.field]).toEqual([code, field]);
  });

  it('refuses a second consent and a dossier that is not in casusregie', () => {
    const recorded = recordConsent(awaiting, input, TODAY);
    const again = recorded.ok ? recordConsent(recorded.next, input, TODAY) : recorded;
    expect(again).toEqual({
      ok: false,
      code: 'CONSENT_ALREADY_RECORDED',
      message: 'De instemming is al geregistreerd (11 maart 2026).',
    });
    const outcome = recordConsent({ phase: 'aangemeld', noConsentReturns: 0 }, input, TODAY);
    expect(outcome.ok ? undefined : outcome.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('hearing the children over 12', () => {
  const heard = (label: string, heardOn = '2026-03-10') => ({ label, heard: true, heardOn });

  it('counts every child the aanmelding named; the last one heard or explained completes it', () => {
    const first = recordChildHearing(
      awaiting,
      { expected: 2, children: [] },
      heard('kind 1, 14 jaar'),
      TODAY,
    );
    expect(first.ok && first.heard).toEqual({
      expected: 2,
      children: [{ label: 'kind 1, 14 jaar', heardOn: '2026-03-10' }],
      allAccountedFor: false,
    });
    const children = first.ok ? first.heard.children : [];
    const second = recordChildHearing(
      awaiting,
      { expected: 2, children },
      {
        label: 'kind 2, 16 jaar',
        heard: false,
        notHeardReason: 'Verblijft bij grootouders; gesprek gepland.',
      },
      TODAY,
    );
    expect(second.ok && [second.heard.allAccountedFor, second.hearing, second.effects]).toEqual([
      true,
      { label: 'kind 2, 16 jaar', notHeardReason: 'Verblijft bij grootouders; gesprek gepland.' },
      [{ type: 'kind-gehoord', date: '2026-03-11', allAccountedFor: true }],
    ]);
  });

  it('the same label again replaces that child, and a child the aanmelding did not know of is counted', () => {
    const current = { expected: 1, children: [{ label: 'kind 1, 14 jaar', notHeardReason: 'Ziek.' }] };
    const again = recordChildHearing(awaiting, current, heard(' Kind 1,  14 jaar '), TODAY);
    expect(again.ok && again.heard.children).toEqual([{ label: 'Kind 1, 14 jaar', heardOn: '2026-03-10' }]);
    const more = recordChildHearing(awaiting, current, heard('kind 3, 13 jaar'), TODAY);
    expect(more.ok && [more.heard.expected, more.heard.allAccountedFor]).toEqual([2, true]);
    expect(childrenHeard(0, [])).toEqual({ expected: 0, children: [], allAccountedFor: false });
  });

  it.each([
    ['no label', { label: ' ', heard: true, heardOn: '2026-03-10' }, 'label'],
    ['heard or not left open', { label: 'kind 1', heardOn: '2026-03-10' }, 'heard'],
    ['heard without a date', { label: 'kind 1', heard: true }, 'heardOn'],
    ['heard tomorrow', { label: 'kind 1', heard: true, heardOn: '2026-03-12' }, 'heardOn'],
    ['not heard without a reason', { label: 'kind 1', heard: false, notHeardReason: '' }, 'notHeardReason'],
  ])('refuses %s, naming the field', (_case, input, field) => {
    const outcome = recordChildHearing(awaiting, { expected: 1, children: [] }, input, TODAY);
    expect(outcome.ok ? undefined : outcome.field).toBe(field);
  });

  it('is recorded during casusregie only', () => {
    const outcome = recordChildHearing(
      stateIn('afgerond'),
      { expected: 1, children: [] },
      heard('kind 1'),
      TODAY,
    );
    expect(outcome.ok ? undefined : outcome.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('the consulent consulted before the afronding', () => {
  const withConsulent: DossierState = deepFreeze({ ...stateIn('casusregie'), consulentInvolved: true });
  const afronding = contextFor('afronding_goedgekeurd', 'casusregie');
  const june = { life: CO3_LIFE, today: '2026-06-10' };

  it('is recorded with a date and a note, and lets the Weegploeg approve the afronding', () => {
    const outcome = recordConsulentConsultation(
      withConsulent,
      { consultedOn: '2026-06-08', note: 'Telefonisch afgestemd; OCJ volgt de kinderen verder op.' },
      june,
    );
    expect(outcome).toEqual({
      ok: true,
      next: { ...withConsulent, consulentConsultedOn: '2026-06-08' },
      effects: [{ type: 'consulent-geconsulteerd', date: '2026-06-08' }],
    });
    const approved =
      outcome.ok && applyCo3Decision(outcome.next, { kind: 'afronding_goedgekeurd' }, afronding);
    expect(approved && approved.ok && approved.next.afrondingDate).toBe(AFRONDING_DATE);
  });

  it('without it the Weegploeg refuses the afronding, naming what to record', () => {
    expect(applyCo3Decision(withConsulent, { kind: 'afronding_goedgekeurd' }, afronding)).toEqual({
      ok: false,
      code: 'CONSULENT_NOT_CONSULTED',
      field: 'consulentGeconsulteerd',
      message:
        'Er is een consulent van OCJ/SDJ betrokken: de afronding kan pas worden goedgekeurd als op de ' +
        'dossierpagina geregistreerd is dat de casusregisseur de consulent over de afronding geconsulteerd ' +
        'heeft ("Consulent geconsulteerd over de afronding").',
    });
    // Not approving needs no consultation, and without a consulent there is nothing to wait for.
    const notApproved = applyCo3Decision(withConsulent, { kind: 'afronding_niet_goedgekeurd' }, afronding);
    expect(notApproved.ok).toBe(true);
    expect(applyCo3Decision(stateIn('casusregie'), { kind: 'afronding_goedgekeurd' }, afronding).ok).toBe(
      true,
    );
  });

  it('a consultation dated after the Weegploeg does not count for it', () => {
    const late = { ...withConsulent, consulentConsultedOn: '2026-06-17' };
    const outcome = applyCo3Decision(late, { kind: 'afronding_goedgekeurd' }, afronding);
    expect(outcome.ok ? undefined : [outcome.code, outcome.message]).toEqual([
      'CONSULENT_NOT_CONSULTED',
      'De consulent werd pas op 17 juni 2026 geconsulteerd over de afronding, na de Weegploeg van ' +
        '16 juni 2026; dat moet ervóór gebeuren.',
    ]);
  });

  it.each([
    ['no date', { consultedOn: '', note: 'x' }, 'FIELD_REQUIRED', 'consultedOn'],
    ['a date after today', { consultedOn: '2026-06-11', note: 'x' }, 'FIELD_INVALID', 'consultedOn'],
    ['no note', { consultedOn: '2026-06-08', note: ' ' }, 'FIELD_REQUIRED', 'note'],
  ])('refuses %s, naming the field', (_case, input, code, field) => {
    const outcome = recordConsulentConsultation(withConsulent, input, june);
    expect(outcome.ok ? undefined : [outcome.code, outcome.field]).toEqual([code, field]);
  });

  it('needs a consulent involved and a dossier in casusregie', () => {
    const input = { consultedOn: '2026-06-08', note: 'Afgestemd.' };
    const none = recordConsulentConsultation(stateIn('casusregie'), input, june);
    expect(none.ok ? undefined : none.code).toBe('NO_CONSULENT_INVOLVED');
    const afgerond = recordConsulentConsultation(
      { ...stateIn('afgerond'), consulentInvolved: true },
      input,
      june,
    );
    expect(afgerond.ok ? undefined : afgerond.code).toBe('ILLEGAL_TRANSITION');
  });
});
