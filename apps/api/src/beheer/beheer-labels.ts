import {
  organisationKindLabel,
  OrganisationKinds,
  ROLE_LABELS,
  TABLE_FUNCTIONS,
} from '@overlegtafels/domain';
import { ASSIGNABLE_ROLES } from '@overlegtafels/application';

/** What the beheer pages print for the domain's keys (Dutch, as people read them). */
export const FUNCTION_LABELS: Record<string, string> = {
  voorzitter: 'voorzitter',
  coordinator: 'coördinator',
  verslaggever: 'verslaggever',
  lid: 'lid',
  'op-afroep': 'op afroep',
};

/** The labels of the beheer pages, with the organisation kinds of the beheerder's region. */
export const beheerLabelsOf = (organisationKinds: OrganisationKinds) => ({
  roles: ROLE_LABELS as Record<string, string>,
  assignableRoles: ASSIGNABLE_ROLES.map((key) => ({
    key,
    label: key === 'coordinator' ? 'coördinator van alle tafels' : ROLE_LABELS[key],
  })),
  functions: TABLE_FUNCTIONS.map((key) => ({ key, label: FUNCTION_LABELS[key] ?? key })),
  kinds: Object.entries(organisationKinds).map(([key, label]) => ({ key, label })),
  kindOf: (key: string) => organisationKindLabel(organisationKinds, key),
  functionOf: (key: string) => FUNCTION_LABELS[key] ?? key,
});

/** A form field sent once (a string) or several times (an array), as a list of strings. */
export function strings(body: Record<string, unknown> | undefined, field: string): string[] {
  const v = body?.[field];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v !== '' ? [v] : [];
}
