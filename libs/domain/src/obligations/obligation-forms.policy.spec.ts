import {
  checkQualityCheck,
  checkVervolghulpReport,
  formOf,
  QUALITY_CHECK_ITEMS,
  qualityCheckOutcome,
  VERVOLGHULP_KINDS,
} from './obligation-forms.policy';

const allInOrder = Object.fromEntries(QUALITY_CHECK_ITEMS.map((i) => [i, true])) as Record<
  (typeof QUALITY_CHECK_ITEMS)[number],
  boolean
>;

describe('the six-month report on the follow-up help', () => {
  it('offers the partner kinds that give help, not the coordination or "andere" (free text instead)', () => {
    expect(VERVOLGHULP_KINDS).toContain('cgg');
    expect(VERVOLGHULP_KINDS).toContain('caw');
    expect(VERVOLGHULP_KINDS).not.toContain('ketenteam');
    expect(VERVOLGHULP_KINDS).not.toContain('andere');
  });

  it('accepts help that started, wholly or partly, with a kind or a description', () => {
    expect(checkVervolghulpReport({ started: 'ja', helpKinds: ['cgg'] })).toEqual({ ok: true });
    expect(
      checkVervolghulpReport({ started: 'gedeeltelijk', helpKinds: [], otherHelp: 'Praatgroep' }),
    ).toEqual({
      ok: true,
    });
    expect(checkVervolghulpReport({ started: 'nee', helpKinds: [], remarks: 'Gezin verhuisd.' })).toEqual({
      ok: true,
    });
  });

  it('asks which help started, and why it did not', () => {
    expect(checkVervolghulpReport({ started: 'ja', helpKinds: [], otherHelp: '  ' })).toEqual({
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'helpKinds',
      message: 'Kies welke vervolghulp gestart is, of beschrijf ze bij "andere hulp".',
    });
    expect(checkVervolghulpReport({ started: 'nee', helpKinds: ['cgg'] })).toEqual({
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'remarks',
      message: 'Licht toe waarom de vervolghulp niet gestart is.',
    });
  });
});

describe('the quality check of a closed dossier', () => {
  it('is in order when every point is, and needs no remark then', () => {
    expect(qualityCheckOutcome({ checks: allInOrder })).toBe('in-orde');
    expect(checkQualityCheck({ checks: allInOrder })).toEqual({ ok: true });
  });

  it('asks for a remark for a point not in order', () => {
    const checks = { ...allInOrder, vervolghulp: false };
    expect(qualityCheckOutcome({ checks })).toBe('onduidelijkheden');
    expect(checkQualityCheck({ checks })).toEqual({
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'remarks',
      message: 'Noteer wat niet in orde of onduidelijk is.',
    });
    expect(checkQualityCheck({ checks, remarks: 'Vervolghulp niet nagevraagd.' })).toEqual({ ok: true });
  });
});

describe('the form of a rule', () => {
  it('is the one its fulfilment names, if any', () => {
    expect(formOf({ fulfilledBy: [{ kind: 'manual' }, { kind: 'form', form: 'vervolghulp' }] })).toBe(
      'vervolghulp',
    );
    expect(formOf({ fulfilledBy: [{ kind: 'manual' }] })).toBeUndefined();
  });
});
