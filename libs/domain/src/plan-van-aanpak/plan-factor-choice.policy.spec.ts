import type { RiskInstrument } from '../risk/risk-instrument.model';
import { planFactorChoices } from './plan-factor-choice.policy';

/** A small instrument of two domains, in the shape of the kijkschema. */
const INSTRUMENT: RiskInstrument = {
  key: 'test',
  name: 'Test',
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
      key: 'kind',
      label: 'Kind',
      riskFactors: [{ key: 'k-getuige', label: 'Getuige' }],
      protectiveFactors: [{ key: 'k-school', label: 'School' }],
    },
  ],
  profiles: [],
};

describe('the factors a row of the plan chooses from', () => {
  it('puts the current picture’s present factors first, then the unknown, then the rest of the domain', () => {
    const choices = planFactorChoices(INSTRUMENT, [
      { factorKey: 'g-angst', mark: 'niet-gekend', motivation: null, clientIds: [] },
      { factorKey: 'g-plan', mark: 'aanwezig', motivation: 'x', clientIds: [] },
      { factorKey: 'g-escalatie', mark: 'aanwezig', motivation: null, clientIds: [] },
      { factorKey: 'k-school', mark: 'aanwezig', motivation: null, clientIds: [] },
    ]);
    expect(choices.map((d) => [d.key, d.label])).toEqual([
      ['geweld', 'Geweld'],
      ['kind', 'Kind'],
    ]);
    expect(choices[0]!.factors.map((f) => [f.key, f.kind, f.mark])).toEqual([
      ['g-escalatie', 'risico', 'aanwezig'],
      ['g-plan', 'beschermend', 'aanwezig'],
      ['g-angst', 'risico', 'niet-gekend'],
      ['g-bedreiging', 'risico', null],
    ]);
    expect(choices[1]!.factors.map((f) => [f.key, f.mark])).toEqual([
      ['k-school', 'aanwezig'],
      ['k-getuige', null],
    ]);
  });

  it('keeps the instrument’s order, risk before protective, without a picture', () => {
    const choices = planFactorChoices(INSTRUMENT, undefined);
    expect(choices[0]!.factors.map((f) => [f.key, f.label, f.mark])).toEqual([
      ['g-bedreiging', 'Bedreiging', null],
      ['g-escalatie', 'Escalatie', null],
      ['g-angst', 'Angst', null],
      ['g-plan', 'Veiligheidsplan', null],
    ]);
  });
});
