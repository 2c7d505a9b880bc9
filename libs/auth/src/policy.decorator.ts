import { SetMetadata } from '@nestjs/common';
import type { Role } from '@overlegtafels/domain';

/**
 * Every route declares who may call it. The guard refuses (fails closed) any route without one,
 * and a test walks all routes to prove none is missing.
 */
export type RoutePolicy =
  { kind: 'public'; reason: string } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly Role[] };

export const POLICY_KEY = 'overlegtafels:policy';

/** Open to anyone; the reason is required so that every exception is deliberate. */
export const Public = (reason: string) =>
  SetMetadata(POLICY_KEY, { kind: 'public', reason } satisfies RoutePolicy);

/** Any logged-in person; finer need-to-know checks happen in the use case (e.g. own dossiers only). */
export const Authenticated = () => SetMetadata(POLICY_KEY, { kind: 'authenticated' } satisfies RoutePolicy);

/** Only people holding one of these roles (on any table; table-specific checks happen in the use case). */
export const Roles = (...roles: Role[]) =>
  SetMetadata(POLICY_KEY, { kind: 'roles', roles } satisfies RoutePolicy);
