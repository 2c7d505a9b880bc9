import { HolidayCalendar, HolidayRule } from '@overlegtafels/domain';

const FEDERAL_RULES: readonly HolidayRule[] = [
  { kind: 'fixed', month: 1, day: 1, name: 'Nieuwjaar' },
  { kind: 'easter', offsetDays: 1, name: 'Paasmaandag' },
  { kind: 'fixed', month: 5, day: 1, name: 'Dag van de Arbeid' },
  { kind: 'easter', offsetDays: 39, name: 'Onze-Lieve-Heer-Hemelvaart' },
  { kind: 'easter', offsetDays: 50, name: 'Pinkstermaandag' },
  { kind: 'fixed', month: 7, day: 21, name: 'Nationale feestdag' },
  { kind: 'fixed', month: 8, day: 15, name: 'Onze-Lieve-Vrouw-Hemelvaart' },
  { kind: 'fixed', month: 11, day: 1, name: 'Allerheiligen' },
  { kind: 'fixed', month: 11, day: 11, name: 'Wapenstilstand' },
  { kind: 'fixed', month: 12, day: 25, name: 'Kerstmis' },
];

/** The ten federal public holidays of Belgium. */
export const BELGIAN_FEDERAL_HOLIDAYS: HolidayCalendar = {
  key: 'be-federaal',
  name: 'Federale feestdagen',
  rules: FEDERAL_RULES,
};

/** Federal holidays plus 11 July, the holiday of the Flemish Community, for tables run in Flanders. */
export const FLEMISH_HOLIDAYS: HolidayCalendar = {
  key: 'be-vlaams',
  name: 'Federale feestdagen en Vlaamse feestdag',
  rules: [...FEDERAL_RULES, { kind: 'fixed', month: 7, day: 11, name: 'Feest van de Vlaamse Gemeenschap' }],
};
