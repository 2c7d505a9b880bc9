import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RETENTION } from '@overlegtafels/domain';
import { parseRegionFile, RegionFileError, regionProblems } from './region-file';
import { FLEMISH_HOLIDAYS } from './shared/belgian-holidays.config';
import { CO3_ANTWERPEN } from './co3-antwerpen/co3-antwerpen.region';
import { OOST_VLAANDEREN } from './oost-vlaanderen/oost-vlaanderen.region';
import { VLAAMS_BRABANT } from './vlaams-brabant/vlaams-brabant.region';
import { WEST_VLAANDEREN } from './west-vlaanderen/west-vlaanderen.region';

const BUILT_IN = [CO3_ANTWERPEN, VLAAMS_BRABANT, WEST_VLAANDEREN, OOST_VLAANDEREN];
const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'regions', 'voorbeeldstreek.json');
const TEXT = readFileSync(FIXTURE, 'utf8');

/** The fixture with one change, as the text of a file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a file's JSON, changed by hand
type Raw = Record<string, any>;
function changed(change: (region: Raw) => void): string {
  const region = JSON.parse(TEXT) as Raw;
  change(region);
  return JSON.stringify(region);
}

function problemOf(contents: string, taken = { keys: ['co3-antwerpen'], prefixes: ['CO3'] }) {
  try {
    parseRegionFile(contents, 'vijfde.json', taken);
  } catch (error) {
    if (error instanceof RegionFileError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('a region as a configuration file', () => {
  it('reads the fictitious fifth region with its shared parts resolved', () => {
    const region = parseRegionFile(TEXT, 'voorbeeldstreek.json');
    expect(region.key).toBe('voorbeeldstreek');
    expect(region.dossierCodePrefix).toBe('VBS');
    expect(region.tables.map((t) => t.key)).toEqual(['casustafel']);
    expect(region.tables[0]!.holidays).toBe(FLEMISH_HOLIDAYS);
    expect(region.retention).toBe(DEFAULT_RETENTION);
    expect(region.dossierLife.roles.intake.table).toBe('casustafel');
    expect(region.obligations?.map((o) => o.key)).toEqual(['voortgang-op-de-casustafel']);
    expect(region.aanmeldingQuestions?.map((q) => q.key)).toEqual(['aanmeldingscriteria']);
  });

  it('finds nothing wrong with the built-in regions', () => {
    for (const region of BUILT_IN) expect([region.key, regionProblems(region)]).toEqual([region.key, []]);
  });

  it.each([
    ['not JSON', '{"key": ', '(the file)', /is not JSON/],
    ['a list', '[]', '(the file)', /must hold one object/],
    ['no name', changed((r) => delete r.name), 'name', /name is required/],
    ['a key with capitals', changed((r) => (r.key = 'Vijfde')), 'key', /"Vijfde" does not have the form/],
    ['a key that is taken', changed((r) => (r.key = 'co3-antwerpen')), 'key', /region that exists already/],
    [
      'a prefix that is taken',
      changed((r) => (r.dossierCodePrefix = 'CO3')),
      'dossierCodePrefix',
      /another region's prefix/,
    ],
    ['no tables', changed((r) => (r.tables = [])), 'tables', /at least one table/],
    [
      'a dossier life without phases',
      changed((r) => delete r.dossierLife.phases),
      'dossierLife.phases',
      /must list the phases of the dossier life/,
    ],
    [
      'a phase of a kind the domain does not know',
      changed((r) => (r.dossierLife.phases[3].kind = 'wachtend')),
      'dossierLife.phases[3].kind',
      /must be one of the domain's phase kinds: aangemeld, herbespreking/,
    ],
    [
      'a phase without a label',
      changed((r) => delete r.dossierLife.phases[0].label),
      'dossierLife.phases[0].label',
      /is required/,
    ],
    [
      'a transition to a phase it does not declare',
      changed((r) => (r.dossierLife.transitions.met_casusregie.to = 'uitvoering')),
      '(the region)',
      /transition met_casusregie: unknown phase uitvoering/,
    ],
    [
      'no organisation kinds',
      changed((r) => delete r.organisationKinds),
      'organisationKinds',
      /is required \(an object/,
    ],
    [
      'a table whose partner is of a kind the region does not list',
      changed((r) => delete r.organisationKinds.caw),
      '(the region)',
      /names organisation kind caw, which the region does not list/,
    ],
    [
      'a table without capacity',
      changed((r) => (r.tables[0].capacityMinutes = 0)),
      'tables[0].capacityMinutes',
      /above 0/,
    ],
    [
      'an item type without a duration',
      changed((r) => delete r.tables[0].itemTypes[1].durationMinutes),
      'tables[0].itemTypes[1].durationMinutes',
      /minutes above 0/,
    ],
    [
      'unknown holidays',
      changed((r) => (r.tables[0].holidays = 'be-waals')),
      'tables[0].holidays',
      /"be-waals"/,
    ],
    [
      'a table that does not hold together',
      changed((r) => (r.tables[0].hours = { start: '12:00', end: '09:00' })),
      'tables[0]',
      /is not a valid table/,
    ],
    [
      'a dossier life naming a table the region has not',
      changed((r) => (r.dossierLife.rules.weegploeg = r.dossierLife.rules.casustafel)),
      '(the region)',
      /decision rules name table weegploeg, which the region has not/,
    ],
    [
      'an aanmelding question without options',
      changed((r) => (r.aanmeldingQuestions[0].options = [])),
      '(the region)',
      /aanmelding question aanmeldingscriteria offers no options/,
    ],
    [
      'an obligation on a table the region has not',
      changed((r) => (r.obligations[0].due = { kind: 'session', table: 'ico', after: 'trigger' })),
      '(the region)',
      /does not hold together/,
    ],
  ])('refuses %s, naming the field', (_, contents, field, message) => {
    const problem = problemOf(contents);
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(/^vijfde\.json: /);
    expect(problem.message).toMatch(message);
  });
});
