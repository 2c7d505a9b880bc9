import type { Principal, RoleGrant } from '@overlegtafels/auth';

/** A logged-in person for use-case specs: an id, the grants, a region. */
export function principalWith(personId: string, grants: RoleGrant[], regionId = 'region-1'): Principal {
  return {
    personId,
    regionId,
    displayName: personId,
    email: `${personId}@example.be`,
    organisationId: null,
    grants,
    sessionId: `session-${personId}`,
    csrfToken: `csrf-${personId}`,
  };
}
