import type { createPrismaClient } from '@overlegtafels/persistence';

/** The address of the second region's ICO coordinator and member that otherRegionCoordinator makes. */
export const OTHER_REGION_EMAIL = 'rik.elders@example.org';

/**
 * A second region in the same database with one person who coordinates and sits at its own ICO
 * (voorzitter): the actor of "another region sees nothing, changes nothing" checks. Written as
 * rows because regions and people have no use case yet (the beheer pages of issue 14).
 */
export async function otherRegionCoordinator(db: ReturnType<typeof createPrismaClient>): Promise<string> {
  const region = await db.region.create({
    data: {
      key: 'andere-regio',
      name: 'Andere regio (test)',
      mailFromName: 'Andere regio',
      mailFromAddress: 'andere@example.org',
    },
  });
  const person = await db.person.create({
    data: {
      regionId: region.id,
      displayName: 'Rik Elders',
      email: OTHER_REGION_EMAIL,
      roleAssignments: {
        create: [
          { role: 'coordinator', tableKey: 'ico' },
          { role: 'member', tableKey: 'ico' },
        ],
      },
      tableMemberships: { create: [{ regionId: region.id, tableKey: 'ico', function: 'voorzitter' }] },
    },
  });
  return person.id;
}
