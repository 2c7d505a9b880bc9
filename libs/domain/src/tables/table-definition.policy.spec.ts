import { InvalidTableDefinitionError } from '../errors/domain.error';
import { biweeklyTable, fridayTable } from '../testing/table-fixtures.test-util';
import { TableDefinition } from './table-definition.model';
import { formatInstant, validateTableDefinition } from './table-definition.policy';
import { zdt } from '../testing/zdt.test-util';

function problemOf(table: TableDefinition): string {
  try {
    validateTableDefinition(table);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTableDefinitionError);
    expect((error as InvalidTableDefinitionError).code).toBe('INVALID_TABLE_DEFINITION');
    return (error as Error).message;
  }
  return 'valid';
}

describe('a table definition is checked before it is used', () => {
  it('accepts the fixtures', () => {
    expect(problemOf(fridayTable())).toBe('valid');
    expect(problemOf(biweeklyTable())).toBe('valid');
  });

  it('refuses a series anchor that is not on the table weekday', () => {
    const table = fridayTable({
      recurrence: { weekday: 'friday', everyWeeks: 1, seriesStart: '2026-01-01' },
    });
    expect(problemOf(table)).toBe('table "vrijdagtafel": recurrence.seriesStart 2026-01-01 is not a friday');
  });

  it('refuses an unknown time zone', () => {
    expect(problemOf(fridayTable({ timeZone: 'Europe/Atlantis' }))).toBe(
      'table "vrijdagtafel": unknown time zone "Europe/Atlantis"',
    );
  });

  it('refuses a deadline after the start of the session', () => {
    const table = fridayTable({ submissionDeadline: { weeksBefore: 0, weekday: 'friday', time: '10:00' } });
    expect(problemOf(table)).toBe(
      'table "vrijdagtafel": submissionDeadline falls after the start of the session',
    );
  });

  it('refuses a freeze before the submission deadline', () => {
    const table = fridayTable({ freeze: { weeksBefore: 2, weekday: 'thursday', time: '13:00' } });
    expect(problemOf(table)).toBe(
      'table "vrijdagtafel": the agenda cannot freeze before the submission deadline',
    );
  });

  it('refuses a freeze and an agenda send that only point at each other', () => {
    const table = fridayTable({ freeze: { sameAs: 'agendaSend' }, agendaSend: { sameAs: 'freeze' } });
    expect(problemOf(table)).toBe(
      'table "vrijdagtafel": freeze and agendaSend cannot both refer to each other',
    );
  });

  it('refuses more minutes than the session lasts', () => {
    expect(problemOf(fridayTable({ capacityMinutes: 151 }))).toBe(
      'table "vrijdagtafel": capacityMinutes must be a whole number from 1 to the session length (150)',
    );
  });

  it('refuses an item type longer than a session and a duplicate item type', () => {
    const long = fridayTable({ itemTypes: [{ key: 'lang', label: 'Lang', durationMinutes: 200 }] });
    expect(problemOf(long)).toBe('table "vrijdagtafel": item type "lang" is longer than a session');
    const twice = fridayTable({
      itemTypes: [
        { key: 'lang', label: 'Lang', durationMinutes: 30 },
        { key: 'lang', label: 'Nog eens', durationMinutes: 30 },
      ],
    });
    expect(problemOf(twice)).toBe('table "vrijdagtafel": item type "lang" is listed twice');
  });

  // Whether the region lists the kind is the region's check (organisationKindProblems).
  it('refuses a participant organisation that is no kind key', () => {
    const table = fridayTable({
      participants: [{ organisation: 'Brand weer', attendance: 'vast' }],
    });
    expect(problemOf(table)).toMatch(/^table "vrijdagtafel": unknown participant/);
  });

  it('refuses a session that ends before it starts', () => {
    expect(problemOf(fridayTable({ hours: { start: '12:00', end: '09:30' } }))).toBe(
      'table "vrijdagtafel": hours.end must be after hours.start on the same day',
    );
  });

  it('formats instants at the table offset', () => {
    expect(formatInstant(fridayTable(), zdt('2026-07-03 09:30'))).toBe('2026-07-03T09:30:00+02:00');
  });
});
