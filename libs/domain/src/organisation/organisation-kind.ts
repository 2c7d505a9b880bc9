/**
 * The kind of a partner organisation at the tables of a ketenaanpak (domain.md): a key of the
 * region's configuration (RegionConfig.organisationKinds), stored as text on the organisation.
 * Each region lists its own (CO3's Centraal Meldpunt Risicojongeren, Oost-Vlaanderen's K&G, …).
 */
export type OrganisationKind = string;

/** A region's organisation kinds: key → the Dutch name people read ("Politie", "CAW"). */
export type OrganisationKinds = Readonly<Record<OrganisationKind, string>>;

/** An organisation kind key: lower-case words (letters, digits) joined by hyphens. */
export const ORGANISATION_KIND_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The kind's name in the region; the key itself when the region no longer lists it. */
export function organisationKindLabel(kinds: OrganisationKinds | undefined, key: string): string {
  return kinds && Object.hasOwn(kinds, key) ? kinds[key]! : key;
}

/** Whether the region lists this organisation kind. */
export function isOrganisationKindOf(kinds: OrganisationKinds, value: string): boolean {
  return Object.hasOwn(kinds, value);
}

/**
 * Roles a person holds; table-bound roles are held per table (a table membership). The
 * `strategisch-coordinator` is held region-wide: the strategic coordinators of the region (the
 * FJC's, in CO3) who check every closed dossier a last time (guide V.D), not a table's coordinator.
 * `gegevensbescherming`, the region's data-protection officer, is region-wide too: they read the
 * audit log (who saw or changed which dossier) and no dossier itself.
 */
export const ROLES = [
  'admin',
  'coordinator',
  'casusregisseur',
  'aanmelder',
  'member',
  'strategisch-coordinator',
  'gegevensbescherming',
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
  gegevensbescherming: 'functionaris gegevensbescherming',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The function of a coordinator-side person at a table. */
export const TABLE_FUNCTIONS = ['voorzitter', 'coordinator', 'verslaggever', 'lid', 'op-afroep'] as const;
export type TableFunction = (typeof TABLE_FUNCTIONS)[number];
