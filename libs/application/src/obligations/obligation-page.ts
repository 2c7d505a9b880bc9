import { z } from 'zod';
import { DateTime } from 'luxon';
import { ACTION_POINT_RULE_PREFIX } from '@overlegtafels/domain';
import { InputError } from '../errors';
import { blankToUndefined } from '../input/input-fields';
import type { ObligationCursor, ObligationPageFilter } from '../ports/obligation-read-model.port';
import type { ObligationRules } from './obligation-rules';

/** How many obligations one page of a list shows unless asked otherwise, and at most. */
export const OBLIGATION_PAGE_SIZE = 50;
export const OBLIGATION_PAGE_MAX = 200;
/** The "komende 30 dagen" of the due-period filter and of the dashboard. */
export const UPCOMING_DAYS = 30;

/** The kind filter's value for every action point of a verslag (their rule keys carry an id). */
export const ACTION_POINT_KIND = 'actiepunt';

/** The due-period filter: over its term, due in the coming 30 days, or later. */
export const DUE_PERIODS = ['verlopen', '30-dagen', 'later'] as const;
export type DuePeriod = (typeof DUE_PERIODS)[number];
export const DUE_PERIOD_LABELS: readonly { key: DuePeriod; label: string }[] = [
  { key: 'verlopen', label: 'Termijn verstreken' },
  { key: '30-dagen', label: 'In de komende 30 dagen' },
  { key: 'later', label: 'Later' },
];

const CODE = /^[A-Za-z0-9-]{1,40}$/;
const KEY = /^[a-z0-9-]{1,60}$/;
// due moment (ms) . dossier code . rule rank . sequence . id
const CURSOR = /^(\d{1,15})\.([A-Za-z0-9-]{1,40})\.(\d{1,4})\.(\d{1,6})\.([A-Za-z0-9-]{1,40})$/;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const uuidField = (message: string) => optional(z.string().uuid({ error: message }));

/**
 * A list of open obligations as its search form and the API send it: each field optional, every
 * error in Dutch naming its field. Codes, keys, ids and periods only (no name in a URL).
 * `casusregisseur` and `organisation` are the coordinators' dashboard's.
 */
export const ObligationListSchema = z.object({
  code: optional(
    z
      .string()
      .trim()
      .regex(CODE, { error: 'Dossiercode: alleen letters, cijfers en streepjes, hoogstens 40.' }),
  ),
  kind: optional(z.string().regex(KEY, { error: 'Soort taak: kies een soort uit de lijst.' })),
  due: optional(z.enum(DUE_PERIODS, { error: 'Termijn: kies een termijn uit de lijst.' })),
  casusregisseur: uuidField('Casusregisseur: kies iemand uit de lijst.'),
  organisation: uuidField('Organisatie: kies een organisatie uit de lijst.'),
  after: optional(z.string().regex(CURSOR, { error: 'Volgende pagina: deze verwijzing is ongeldig.' })),
  limit: optional(
    z.coerce
      .number({ error: 'Aantal: geef een getal.' })
      .int({ error: 'Aantal: geef een geheel getal.' })
      .min(1, { error: 'Aantal: minstens 1.' })
      .max(OBLIGATION_PAGE_MAX, { error: `Aantal: hoogstens ${OBLIGATION_PAGE_MAX}.` }),
  ),
});
export type ObligationListCommand = z.input<typeof ObligationListSchema>;
export type ObligationListQuery = z.output<typeof ObligationListSchema>;

export const cursorToken = (c: ObligationCursor): string =>
  `${c.dueAt.getTime()}.${c.dossierCode}.${c.ruleRank}.${c.sequence}.${c.id}`;

export function cursorOf(token: string): ObligationCursor {
  const [, ms, dossierCode, rank, sequence, id] = CURSOR.exec(token) as RegExpExecArray;
  return {
    dueAt: new Date(Number(ms)),
    dossierCode: dossierCode as string,
    ruleRank: Number(rank),
    sequence: Number(sequence),
    id: id as string,
  };
}

/** The kinds a list can be narrowed to: the region's rules and the action points, in the region's order. */
export function obligationKinds(rules: ObligationRules): { key: string; label: string }[] {
  return [
    ...(rules.region.obligations ?? []).map((r) => ({ key: r.key, label: r.label })),
    { key: ACTION_POINT_KIND, label: 'Actiepunt uit een verslag' },
  ];
}

/** The region's rule keys in their order: a rule's rank sorts obligations of one moment. */
export const ruleOrderOf = (rules: ObligationRules): string[] =>
  (rules.region.obligations ?? []).map((r) => r.key);

/**
 * The read model's filter for a parsed query, as of `now`: the due period (the coming 30 days
 * counted in the region's calendar), the kind as a rule or every action point. An unknown kind is
 * a 400 on its field.
 */
export function pageFilterOf(
  query: ObligationListQuery,
  base: Pick<ObligationPageFilter, 'regionId' | 'ownedBy' | 'excludeRuleKeys'>,
  rules: ObligationRules,
  now: Date,
): ObligationPageFilter {
  if (query.kind && !obligationKinds(rules).some((k) => k.key === query.kind)) {
    throw new InputError([
      { field: 'kind', code: 'UNKNOWN_KIND', message: 'Soort taak: kies een soort uit de lijst.' },
    ]);
  }
  const upcomingEnd = upcomingEndOf(now, rules.timeZone);
  return {
    ...base,
    ...(query.code && { dossierCode: query.code }),
    ...(query.casusregisseur && { casusregisseurId: query.casusregisseur }),
    ...(query.organisation && { organisationId: query.organisation }),
    ...(query.kind &&
      (query.kind === ACTION_POINT_KIND
        ? { ruleKeyPrefix: ACTION_POINT_RULE_PREFIX }
        : { ruleKey: query.kind })),
    ...(query.due === 'verlopen' && { dueBefore: now }),
    ...(query.due === '30-dagen' && { dueFrom: now, dueBefore: upcomingEnd }),
    ...(query.due === 'later' && { dueFrom: upcomingEnd }),
  };
}

/** The end of "the coming 30 days": 30 days of the region's calendar from now. */
export function upcomingEndOf(now: Date, zone: string): Date {
  return DateTime.fromJSDate(now, { zone }).plus({ days: UPCOMING_DAYS }).toJSDate();
}

/** The query's narrowing fields (not the page position) as a query string, for the audit log. */
export function filterText(query: ObligationListQuery): string | undefined {
  const { after: _after, limit: _limit, ...narrowedBy } = query;
  const entries = Object.entries(narrowedBy).filter(([, v]) => v !== undefined) as [string, string][];
  return entries.length > 0 ? new URLSearchParams(entries).toString() : undefined;
}
