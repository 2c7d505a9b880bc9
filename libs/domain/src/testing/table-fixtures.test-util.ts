import { HolidayCalendar } from '../calendar/holiday-calendar.model';
import type { DossierLife } from '../dossier/dossier-life.model';
import { TableDefinition } from '../tables/table-definition.model';

/** A small holiday calendar for domain tests (regions carry the real ones). */
export const TEST_HOLIDAYS: HolidayCalendar = {
  key: 'test',
  name: 'Testfeestdagen',
  rules: [
    { kind: 'fixed', month: 1, day: 1, name: 'Nieuwjaar' },
    { kind: 'easter', offsetDays: 39, name: 'Hemelvaart' },
    { kind: 'fixed', month: 12, day: 25, name: 'Kerstmis' },
  ],
};

/** A weekly Friday morning table shaped like an intake table. */
export function fridayTable(overrides: Partial<TableDefinition> = {}): TableDefinition {
  return {
    key: 'vrijdagtafel',
    name: 'Vrijdagtafel',
    timeZone: 'Europe/Brussels',
    recurrence: { weekday: 'friday', everyWeeks: 1, seriesStart: '2026-01-02' },
    hours: { start: '09:30', end: '12:00' },
    submissionDeadline: { weeksBefore: 1, weekday: 'friday', time: '00:00' },
    preparationStart: { weeksBefore: 1, weekday: 'friday', time: '00:00' },
    freeze: { weeksBefore: 0, weekday: 'thursday', time: '13:00' },
    agendaSend: { sameAs: 'freeze' },
    capacityMinutes: 150,
    itemTypes: [
      { key: 'lang', label: 'Lang agendapunt', durationMinutes: 30 },
      { key: 'kort', label: 'Kort agendapunt', durationMinutes: 15 },
      { key: 'mini', label: 'Mini agendapunt', durationMinutes: 5 },
    ],
    participants: [{ organisation: 'politie', attendance: 'vast' }],
    holidays: TEST_HOLIDAYS,
    ...overrides,
  };
}

/** A two-weekly Tuesday afternoon table with the agenda sent (and frozen) the Thursday before. */
export function biweeklyTable(overrides: Partial<TableDefinition> = {}): TableDefinition {
  return {
    key: 'tweewekelijks',
    name: 'Tweewekelijkse tafel',
    timeZone: 'Europe/Brussels',
    recurrence: { weekday: 'tuesday', everyWeeks: 2, seriesStart: '2026-01-13' },
    hours: { start: '13:00', end: '16:00' },
    submissionDeadline: { weeksBefore: 1, weekday: 'monday', time: '12:00' },
    preparationStart: { weeksBefore: 2, weekday: 'tuesday', time: '16:00' },
    freeze: { sameAs: 'agendaSend' },
    agendaSend: { weeksBefore: 1, weekday: 'thursday', time: '12:00' },
    capacityMinutes: 180,
    itemTypes: [
      { key: 'plan', label: 'Plan', durationMinutes: 30 },
      { key: 'afronding', label: 'Afronding', durationMinutes: 15 },
    ],
    participants: [{ role: 'casusregisseur', attendance: 'eigen-agendapunt' }],
    holidays: TEST_HOLIDAYS,
    ...overrides,
  };
}

/**
 * The smallest dossier life for a test region: the given table takes aanmeldingen of the given
 * item type and can only say "geen ketenaanpak". Tests of the dossier life itself use a region's.
 */
export function minimalDossierLife(intakeTable: string, itemType: string): DossierLife {
  return {
    phases: [
      { key: 'aangemeld', label: 'aangemeld', kind: 'aangemeld' },
      { key: 'geen_ketenaanpak', label: 'geen ketenaanpak', kind: 'geen_ketenaanpak' },
    ],
    roles: { intake: { table: intakeTable, aanmeldingItemType: itemType } },
    rules: {
      [intakeTable]: {
        label: 'de testtafel',
        itemTypes: {
          [itemType]: { label: itemType, decisions: ['geen_ketenaanpak'], agenderenInPhases: ['aangemeld'] },
        },
      },
    },
    transitions: { geen_ketenaanpak: { from: ['aangemeld'], to: 'geen_ketenaanpak' } },
    illustrative: ['een testregio'],
  };
}
