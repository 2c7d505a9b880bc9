import { ICO_DATE, START_DATE, stateIn, CO3_LIFE } from './dossier-fixtures.test-util';
import { correctCasusregieStart, StartCorrectionContext } from './start-correction.policy';

const context: StartCorrectionContext = {
  startDecisionDate: ICO_DATE,
  laterDecisionDates: ['2026-05-12'],
  today: '2026-06-01',
  life: CO3_LIFE,
};

describe('correcting the start date of casusregie', () => {
  it('moves the start within what the rules allow', () => {
    const state = stateIn('casusregie');
    expect(correctCasusregieStart(state, '2026-03-16', context)).toEqual({
      ok: true,
      next: { ...state, casusregieStartDate: '2026-03-16' },
      changed: true,
    });
    // The earliest and the latest possible days.
    expect(correctCasusregieStart(state, ICO_DATE, context)).toMatchObject({ ok: true });
    expect(correctCasusregieStart(state, '2026-05-12', context)).toMatchObject({ ok: true });
    expect(correctCasusregieStart(state, START_DATE, context)).toMatchObject({ ok: true, changed: false });
    expect(correctCasusregieStart(stateIn('afgerond'), '2026-03-20', context)).toMatchObject({ ok: true });
  });

  it('refuses with a code, the field and a Dutch reason', () => {
    const state = stateIn('casusregie');
    const refusal = (date: unknown, ctx: Partial<StartCorrectionContext> = {}) => {
      const outcome = correctCasusregieStart(state, date, { ...context, ...ctx });
      return outcome.ok ? 'accepted' : `${outcome.code} ${outcome.field ?? '-'}: ${outcome.message}`;
    };
    expect(refusal('')).toBe('FIELD_REQUIRED startDate: De startdatum van de casusregie is verplicht.');
    expect(refusal('2026-02-30')).toBe(
      'FIELD_INVALID startDate: De startdatum van de casusregie is geen geldige datum (jjjj-mm-dd): "2026-02-30".',
    );
    expect(refusal('2026-03-05')).toBe(
      'FIELD_INVALID startDate: De startdatum (5 maart 2026) kan niet vóór de beslissing van het ICO van 6 maart 2026 liggen.',
    );
    expect(refusal('2026-03-06', { startDecisionDate: '2026-02-27' })).toBe('accepted');
    expect(refusal('2026-03-01', { startDecisionDate: '2026-02-27' })).toBe(
      'CONSENT_REQUIRED startDate: De startdatum (1 maart 2026) kan niet vóór de instemming van 2 maart 2026 liggen.',
    );
    expect(refusal('2026-05-13')).toBe(
      'FIELD_INVALID startDate: De startdatum (13 mei 2026) kan niet na de eerste beslissing in casusregie van 12 mei 2026 liggen.',
    );
    expect(refusal('2026-06-02', { laterDecisionDates: [] })).toBe(
      'FIELD_INVALID startDate: De startdatum van de casusregie kan niet in de toekomst liggen.',
    );
  });

  it('keeps the start of an afgerond dossier before its afronding, and leaves closed dossiers alone', () => {
    const afgerond = correctCasusregieStart(stateIn('afgerond'), '2026-06-17', {
      ...context,
      laterDecisionDates: [],
      today: '2026-07-01',
    });
    expect(afgerond).toMatchObject({ ok: false, code: 'FIELD_INVALID', field: 'startDate' });
    expect(correctCasusregieStart(stateIn('afgesloten'), '2026-03-16', context)).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
    expect(correctCasusregieStart(stateIn('aangemeld'), '2026-03-16', context)).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: 'Voor dit dossier is geen casusregie gestart.',
    });
  });

  it('has no ICO bound for a start taken over from before the service', () => {
    const { startDecisionDate: _none, ...withoutDecision } = context;
    expect(correctCasusregieStart(stateIn('casusregie'), '2026-03-03', withoutDecision)).toMatchObject({
      ok: true,
      changed: true,
    });
    // The consent still bounds it.
    expect(correctCasusregieStart(stateIn('casusregie'), '2026-03-01', withoutDecision)).toMatchObject({
      ok: false,
      code: 'CONSENT_REQUIRED',
    });
  });
});
