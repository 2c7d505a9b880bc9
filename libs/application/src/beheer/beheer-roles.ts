import { InputError } from '../errors';
import type { MembershipRow, RoleGrantRow } from '../ports/beheer-directory.port';
import type { AssignableRole } from './beheer.schemas';

/**
 * The roles a person holds after the beheerder's choice: the region-wide roles chosen, coordinator
 * of every table (`coordinator` chosen) or of the tables chosen, and `member` of every table they
 * have a seat at (a seat is what makes them a member; it is not chosen apart).
 */
export function grantsOf(
  choice: { readonly roles: readonly AssignableRole[]; readonly coordinatorTables: readonly string[] },
  regionTables: readonly string[],
  memberships: readonly Pick<MembershipRow, 'tableKey'>[],
): RoleGrantRow[] {
  const unknown = choice.coordinatorTables.filter((t) => !regionTables.includes(t));
  if (unknown.length > 0)
    throw new InputError([
      { field: 'coordinatorTables', code: 'UNKNOWN', message: 'Coördinator van: kies tafels uit de lijst.' },
    ]);
  const grants: RoleGrantRow[] = [];
  for (const role of new Set(choice.roles)) {
    if (role !== 'coordinator') grants.push({ role, tableKey: null });
  }
  if (choice.roles.includes('coordinator')) grants.push({ role: 'coordinator', tableKey: null });
  else for (const t of new Set(choice.coordinatorTables)) grants.push({ role: 'coordinator', tableKey: t });
  for (const t of new Set(memberships.map((m) => m.tableKey))) grants.push({ role: 'member', tableKey: t });
  return grants;
}

/** The grants with a seat's `member` role added or taken away, the others as they were. */
export function withMemberRole(
  grants: readonly RoleGrantRow[],
  tableKey: string,
  seated: boolean,
): RoleGrantRow[] {
  const others = grants.filter((g) => !(g.role === 'member' && g.tableKey === tableKey));
  return seated ? [...others, { role: 'member', tableKey }] : others;
}

/** Roles as one audit value: `admin,coordinator@ico` (keys only). */
export function rolesKey(grants: readonly RoleGrantRow[]): string {
  return grants
    .map((g) => (g.tableKey ? `${g.role}@${g.tableKey}` : g.role))
    .sort()
    .join(',');
}
