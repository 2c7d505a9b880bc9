/**
 * The kinds of partner organisation at the tables of a ketenaanpak (domain.md). Stable keys:
 * they are stored in the database and used in region configurations.
 */
export const ORGANISATION_KINDS = {
  politie: 'Politie',
  parket: 'Parket',
  caw: 'CAW',
  stad: 'Sociale Dienstverlening (stad)',
  vk: 'Vertrouwenscentrum Kindermishandeling',
  opgroeien: 'Opgroeien (OCJ/SDJ)',
  cgg: 'CGG',
  justitiehuis: 'Justitiehuis',
  'meldpunt-risicojongeren': 'Centraal Meldpunt Risicojongeren',
  casemanagement: 'Casemanagement',
  verslavingszorg: 'Verslavingszorg',
  vaph: 'VAPH',
  ketenteam: 'Ketenteam (coördinatie)',
  andere: 'Andere',
} as const;

export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export function isOrganisationKind(value: string): value is OrganisationKind {
  return Object.prototype.hasOwnProperty.call(ORGANISATION_KINDS, value);
}

/**
 * Roles a person holds; table-bound roles are held per table (a table membership). The
 * `strategisch-coordinator` is held region-wide: the strategic coordinators of the region (the
 * FJC's, in CO3) who check every closed dossier a last time (guide V.D), not a table's coordinator.
 */
export const ROLES = [
  'admin',
  'coordinator',
  'casusregisseur',
  'aanmelder',
  'member',
  'strategisch-coordinator',
] as const;
export type Role = (typeof ROLES)[number];

/** The roles as people read them (issue #15: role names in Dutch, "beheerder" for admin). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'beheerder',
  coordinator: 'coördinator',
  casusregisseur: 'casusregisseur',
  aanmelder: 'aanmelder',
  member: 'lid',
  'strategisch-coordinator': 'strategisch coördinator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The function of a coordinator-side person at a table. */
export const TABLE_FUNCTIONS = ['voorzitter', 'coordinator', 'verslaggever', 'lid', 'op-afroep'] as const;
export type TableFunction = (typeof TABLE_FUNCTIONS)[number];
