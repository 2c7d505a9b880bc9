import { InputError } from '../errors/input-error';
import { DecisionSchema } from '../record-decision/record-decision.command';
import { AanmeldingSchema } from '../submit-aanmelding/submit-aanmelding.command';
import { parseInput } from './parse-input';

const valid = {
  organisationId: '6f1c1f34-7c58-4a43-9a3a-0b9f6d3b2a11',
  contactEmail: 'eva.wouters@example.org',
  whyNow: 'x',
  violenceDescription: 'x',
  situationAtStart: 'x',
  situationNow: 'x',
  mainRisks: 'x',
  clients: [
    { label: 'Kind 1', role: 'kind', age: '13' },
    { label: 'Kind 2', role: 'kind', over12: 'on' },
    { label: 'A', role: 'slachtoffer', age: '40' },
  ],
  clientRelations: 'x',
  servicesInvolved: 'x',
  safetyPlanExists: 'nee',
  questionsAndExpectations: 'x',
  confidentialityConfirmed: 'on',
  familyInformed: 'ja',
};

function errorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return Object.fromEntries(e.errors.map((x) => [x.field, x.message]));
    throw e;
  }
  throw new Error('no InputError');
}

describe('aanmelding input', () => {
  it('takes form values (strings, checkboxes) and decides who is over 12', () => {
    const parsed = parseInput(AanmeldingSchema, valid);
    expect(parsed.clients.map((c) => [c.age, c.over12])).toEqual([
      [13, true],
      [undefined, true],
      [40, false],
    ]);
    expect(parsed.safetyPlanExists).toBe(false);
    expect(parsed.familyInformed).toBe(true);
  });

  it('names every field at fault with a Dutch message', () => {
    expect(
      errorsOf(() =>
        parseInput(AanmeldingSchema, {
          ...valid,
          contactEmail: 'geen-adres',
          clients: [{ label: '', role: 'buur', age: '-3' }],
          safetyPlanExists: 'ja',
          familyInformed: 'nee',
          confidentialityConfirmed: undefined,
          whyNow: 'x'.repeat(5001),
        }),
      ),
    ).toEqual({
      contactEmail: 'E-mailadres is geen geldig e-mailadres.',
      'clients.0.label': 'Naam of omschrijving is verplicht.',
      'clients.0.role': 'Kies de rol van deze persoon.',
      'clients.0.age': 'Leeftijd kan niet negatief zijn.',
      whyNow: 'Waarom nu mag hoogstens 5000 tekens lang zijn.',
      confidentialityConfirmed:
        'Bevestig de gedeelde beroepsgeheimplicht (art. 458ter Sw.) om aan te melden.',
      familyNotInformedReason: 'Zeg waarom het gezin niet geïnformeerd is.',
      safetyPlanDescription: 'Beschrijf kort het veiligheidsplan.',
    });
  });
});

describe('decision input', () => {
  it('requires the fields of each kind', () => {
    expect(
      errorsOf(() => parseInput(DecisionSchema, { kind: 'pva_besproken', terugkomdatum: '2027-02-30' })),
    ).toEqual({
      terugkomdatum: 'Terugkomdatum: deze datum bestaat niet.',
    });
    expect(errorsOf(() => parseInput(DecisionSchema, { kind: 'geen_ketenaanpak', adviceText: 'a' }))).toEqual(
      {
        safetyPlanAdvice: 'Advies over een veiligheidsplan is verplicht.',
      },
    );
    expect(errorsOf(() => parseInput(DecisionSchema, { kind: 'iets' }))).toEqual({
      kind: 'Kies een beslissing.',
    });
  });
});
