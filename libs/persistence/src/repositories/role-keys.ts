import type { Role as DbRole } from '../generated/prisma/client';

/**
 * Roles are stored as their domain keys (`strategisch-coordinator`), but Prisma names a key with
 * a hyphen by its identifier (`strategisch_coordinator`): what goes in is the identifier, what
 * comes out is turned back into the key, so the rest of the code only ever sees keys.
 */
export function roleKey(value: string): string {
  return value.replace(/_/g, '-');
}

export function dbRole(key: string): DbRole {
  return key.replace(/-/g, '_') as DbRole;
}
