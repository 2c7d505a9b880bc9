import {
  checkQualityCheck,
  checkVervolghulpReport,
  formOf,
  QUALITY_CHECK_ITEMS,
  qualityCheckOutcome,
  vervolghulpKinds,
} from './obligation-forms.policy';

const HELP = ['cgg', 'caw', 'vk'];

const allInOrder = Object.fromEntries(QUALITY_CHECK_ITEMS.map((i) => [i, true])) as Record<
  (typeof QUALITY_CHECK_ITEMS)[number],
  boolean
>;

describe('the six-month report on the follow-up help', () => {
  it("offers the region's help kinds, or all its organisation kinds when it names none", () => {
    const kinds = { cgg: 'CGG', caw: 'CAW', ketenteam: 'Ketenteam' };
    expect(vervolghulpKinds({ organisationKinds: kinds, followUpHelpKinds: ['cgg', 'caw'] })).toEqual([
      'cgg',
      'caw',
    ]);
    expect(vervolghulpKinds({ organisationKinds: kinds })).toEqual(['cgg', 'caw', 'ketenteam']);
  });

  it('refuses a kind of help the region does not offer, naming the field', () => {
    expect(checkVervolghulpReport({ started: 'ja', helpKinds: ['cgg', 'sekte'] }, HELP)).toEqual({
      ok: false,
      code: 'FIELD_INVALID',
      field: 'helpKinds.1',
      message: 'Vervolghulp: "sekte" staat niet in de lijst; kies de vervolghulp uit de lijst.',
    });
  });

  it('accepts help that started, wholly or partly, with a kind or a description', () => {
    expect(checkVervolghulpReport({ started: 'ja', helpKinds: ['cgg'] }, HELP)).toEqual({ ok: true });
    expect(
      checkVervolghulpReport({ started: 'gedeeltelijk', helpKinds: [], otherHelp: 'Praatgroep' }, HELP),
    ).toEqual({
      ok: true,
    });
    expect(
      checkVervolghulpReport({ started: 'nee', helpKinds: [], remarks: 'Gezin verhuisd.' }, HELP),
    ).toEqual({
      ok: true,
    });
  });

  it('asks which help started, and why it did not', () => {
    expect(checkVervolghulpReport({ started: 'ja', helpKinds: [], otherHelp: '  ' }, HELP)).toEqual({
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'helpKinds',
      message: 'Kies welke vervolghulp gestart is, of beschrijf ze bij "andere hulp".',
    });
    expect(checkVervolghulpReport({ started: 'nee', helpKinds: ['cgg'] }, HELP)).toEqual({
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
