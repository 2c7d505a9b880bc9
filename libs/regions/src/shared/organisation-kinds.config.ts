import type { OrganisationKind, OrganisationKinds } from '@overlegtafels/domain';

/**
 * The partner kinds every Flemish ketenaanpak has at its tables (welzijn, gezondheid, politie en
 * justitie), with the coordination and "other". A region lists these and its own.
 */
export const COMMON_ORGANISATION_KINDS = {
  politie: 'Politie',
  parket: 'Parket',
  caw: 'CAW',
  vk: 'Vertrouwenscentrum Kindermishandeling',
  opgroeien: 'Opgroeien (OCJ/SDJ)',
  cgg: 'CGG',
  justitiehuis: 'Justitiehuis',
  ketenteam: 'Ketenteam (coördinatie)',
  andere: 'Andere',
} as const satisfies OrganisationKinds;

/** The kinds that coordinate or are no service: not a choice for the help after the afronding. */
const NOT_HELPING: readonly OrganisationKind[] = ['ketenteam', 'andere'];

/** The kinds of a region that take on help after the afronding: all but the coordination and "other". */
export function helpKindsOf(kinds: OrganisationKinds): readonly OrganisationKind[] {
  return Object.keys(kinds).filter((k) => !NOT_HELPING.includes(k));
}
