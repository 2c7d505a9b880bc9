import { riskFormField, riskFormValues, riskPictureFromForm } from './risk-picture-form';

describe('the risk picture as a form sends it', () => {
  const body = {
    _csrf: 'x',
    occasion: 'update',
    'risico.geweld-angst': 'aanwezig',
    'motivering.geweld-angst': 'Vreest voor haar leven.',
    'gezinsleden.geweld-angst': ['c1', 'c2'],
    'risico.geweld-escalatie': '',
    'motivering.geweld-escalatie': 'typed but struck',
    'risico.kind-zwangerschap': 'niet-gekend',
    'motivering.kind-zwangerschap': '  ',
    'gezinsleden.kind-zwangerschap': 'c1',
  };

  it('keeps the marked factors in the body’s order; a struck one is left out', () => {
    expect(riskPictureFromForm(body)).toEqual({
      factors: [
        {
          factorKey: 'geweld-angst',
          mark: 'aanwezig',
          motivation: 'Vreest voor haar leven.',
          clientIds: ['c1', 'c2'],
        },
        { factorKey: 'kind-zwangerschap', mark: 'niet-gekend', clientIds: ['c1'] },
      ],
    });
  });

  it('puts a problem of factors.<i> on that factor’s field, with or without the decision’s prefix', () => {
    const keys = ['geweld-angst', 'kind-zwangerschap'];
    expect(riskFormField('factors.1.motivation', keys)).toBe('motivering.kind-zwangerschap');
    expect(riskFormField('riskPicture.factors.0.clientIds.1', keys)).toBe('gezinsleden.geweld-angst');
    expect(riskFormField('factors.0.factorKey', keys)).toBe('risico.geweld-angst');
    expect(riskFormField('factors.7.mark', keys)).toBe('factors.7.mark');
    expect(riskFormField('casusregisseurId', keys)).toBe('casusregisseurId');
  });

  it('gives back only the picture’s fields, arrays kept', () => {
    const values = riskFormValues(body);
    expect(Object.keys(values)).not.toContain('_csrf');
    expect(values['gezinsleden.geweld-angst']).toEqual(['c1', 'c2']);
    expect(values['motivering.geweld-escalatie']).toBe('typed but struck');
  });
});
