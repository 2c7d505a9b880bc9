import { Principal, tablesWithRole } from '@overlegtafels/auth';
import type { Viewer } from '@overlegtafels/application';

/** The application's view of the logged-in person, with the route for the audit log. */
export function viewerOf(principal: Principal, route: string): Viewer {
  const coordinatorGrants = principal.grants.filter((g) => g.role === 'coordinator');
  return {
    personId: principal.personId,
    regionId: principal.regionId,
    route,
    coordinatorTables: coordinatorGrants.some((g) => g.tableKey === null)
      ? 'all'
      : coordinatorGrants.map((g) => g.tableKey!),
    memberTables: tablesWithRole(principal, 'member'),
  };
}

export function isCoordinator(principal: Principal): boolean {
  return principal.grants.some((g) => g.role === 'coordinator');
}
