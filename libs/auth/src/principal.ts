import type { Role } from '@overlegtafels/domain';

export interface RoleGrant {
  role: Role;
  /** Set for roles held on one table (coordinator, member). */
  tableKey: string | null;
}

/** The logged-in person as the rest of the code sees them: ids and grants, nothing else. */
export interface Principal {
  personId: string;
  regionId: string;
  displayName: string;
  email: string;
  organisationId: string | null;
  grants: readonly RoleGrant[];
  sessionId: string;
  csrfToken: string;
}

export function hasRole(p: Principal, role: Role, tableKey?: string): boolean {
  return p.grants.some(
    (g) => g.role === role && (tableKey === undefined || g.tableKey === null || g.tableKey === tableKey),
  );
}

export function tablesWithRole(p: Principal, role: Role): string[] {
  return p.grants.filter((g) => g.role === role && g.tableKey).map((g) => g.tableKey!);
}
