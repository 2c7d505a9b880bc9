import type { RiskInstrument } from './risk-instrument.model';
import {
  compareRiskPictures,
  interimEvaluationPicture,
  riskPictureProblems,
  type RiskPictureEntry,
} from './risk-picture.model';

/** A small instrument of two domains, in the shape of annex E. */
const instrument: RiskInstrument = {
  key: 'test',
  name: 'Testschema',
  domains: [
    {
      key: 'geweld',
      label: 'Geweld',
      riskFactors: [
        { key: 'g-bedreiging', label: 'Bedreiging' },
        { key: 'g-escalatie', label: 'Escalatie' },
        { key: 'g-angst', label: 'Angst' },
      ],
      protectiveFactors: [{ key: 'g-plan', label: 'Veiligheidsplan' }],
    },
    {
      key: 'sociaal',
      label: 'Sociale ondersteuning',
      riskFactors: [{ key: 's-geen-steun', label: 'Geen steun' }],
      protectiveFactors: [{ key: 's-netwerk', label: 'Netwerk' }],
    },
    {
      key: 'kind',
      label: 'Kind',
      riskFactors: [{ key: 'k-getuige', label: 'Getuige' }],
      protectiveFactors: [],
    },
  ],
  profiles: [],
};

const entry = (
  factorKey: string,
  mark: RiskPictureEntry['mark'] = 'aanwezig',
  clientIds: string[] = [],
): RiskPictureEntry => ({
  factorKey,
  mark,
  motivation: mark === 'aanwezig' ? 'pv in maart' : null,
  clientIds,
});

describe('riskPictureProblems', () => {
  it('accepts a picture of known factors for the dossier’s clients', () => {
    expect(
      riskPictureProblems(
        instrument,
        [entry('g-angst', 'aanwezig', ['c1']), entry('g-plan', 'niet-gekend')],
        ['c1', 'c2'],
      ),
    ).toEqual([]);
  });

  it('names the field of an unknown factor, a duplicate, a stranger and a missing motivation', () => {
    const problems = riskPictureProblems(
      instrument,
      [
        entry('g-angst'),
        entry('onbekend'),
        entry('g-angst', 'niet-gekend'),
        entry('s-netwerk', 'niet-gekend', ['c1', 'c9']),
        { factorKey: 'k-getuige', mark: 'aanwezig', motivation: '  ', clientIds: [] },
      ],
      ['c1'],
    );
    expect(problems.map((p) => [p.code, p.field, p.factorKey])).toEqual([
      ['UNKNOWN_FACTOR', 'factors.1.factorKey', 'onbekend'],
      ['DUPLICATE_FACTOR', 'factors.2.factorKey', 'g-angst'],
      ['UNKNOWN_CLIENT', 'factors.3.clientIds.1', 's-netwerk'],
      ['MOTIVATION_REQUIRED', 'factors.4.motivation', 'k-getuige'],
    ]);
    expect(problems[0]!.message).toBe('Factor onbekend staat niet in Testschema.');
  });
});

describe('compareRiskPictures', () => {
  it('puts both marks side by side per domain, in the instrument’s order, with what changed', () => {
    const start = [entry('g-angst'), entry('g-bedreiging'), entry('s-geen-steun', 'niet-gekend')];
    const now = [entry('g-angst', 'niet-gekend'), entry('g-plan'), entry('s-geen-steun', 'niet-gekend')];
    const comparison = compareRiskPictures(instrument, start, now);
    expect(
      comparison.domains.map((d) => [
        d.key,
        d.rows.map((r) => [r.factorKey, r.kind, r.start, r.now, r.change]),
      ]),
    ).toEqual([
      [
        'geweld',
        [
          ['g-bedreiging', 'risico', 'aanwezig', null, 'weg'],
          ['g-angst', 'risico', 'aanwezig', 'niet-gekend', 'gewijzigd'],
          ['g-plan', 'beschermend', null, 'aanwezig', 'nieuw'],
        ],
      ],
      ['sociaal', [['s-geen-steun', 'risico', 'niet-gekend', 'niet-gekend', 'ongewijzigd']]],
    ]);
    expect([comparison.riskFactorsGone, comparison.protectiveFactorsNew]).toEqual([1, 1]);
    expect(comparison.domains[0]!.rows[0]!.label).toBe('Bedreiging');
  });

  it('shows nothing when neither picture holds a factor', () => {
    expect(compareRiskPictures(instrument, [], [])).toEqual({
      domains: [],
      riskFactorsGone: 0,
      protectiveFactorsNew: 0,
    });
  });
});

describe('interimEvaluationPicture', () => {
  const ico = { version: 1, occasion: 'ico' as const, recordedOn: '2026-01-09' };

  it('refuses without a picture, with only the ICO’s, or with one older than three months', () => {
    expect(interimEvaluationPicture([], '2026-11-02')).toMatchObject({
      ok: false,
      code: 'RISK_PICTURE_MISSING',
    });
    expect(interimEvaluationPicture([ico], '2026-11-02')).toMatchObject({
      ok: false,
      code: 'RISK_PICTURE_NOT_RENEWED',
    });
    const old = { version: 2, occasion: 'update' as const, recordedOn: '2026-08-01' };
    expect(interimEvaluationPicture([ico, old], '2026-11-02')).toMatchObject({
      ok: false,
      code: 'RISK_PICTURE_TOO_OLD',
      message: expect.stringContaining('2026-08-01'),
    });
  });

  it('accepts the newest version when it follows the ICO’s and is at most 92 days old', () => {
    const recent = { version: 3, occasion: 'tussentijdse-evaluatie' as const, recordedOn: '2026-08-02' };
    const older = { version: 2, occasion: 'update' as const, recordedOn: '2026-03-01' };
    expect(interimEvaluationPicture([ico, recent, older], '2026-11-02')).toEqual({ ok: true, version: 3 });
    expect(interimEvaluationPicture([ico, recent], '2026-11-03')).toMatchObject({ ok: false });
  });
});
