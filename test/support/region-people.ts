import type { createPrismaClient } from '@overlegtafels/persistence';

type Db = ReturnType<typeof createPrismaClient>;

export interface RegionPeopleSpec {
  readonly region: { key: string; name: string; mailFromAddress: string };
  /** The table whose coordinator (and voorzitter) the coordinator is. */
  readonly table: string;
  /** The aanmelder and the organisation (of one of the region's kinds) they refer from. */
  readonly aanmelder: { email: string; displayName: string; organisation: { kind: string; name: string } };
  readonly coordinator: { email: string; displayName: string };
  readonly casusregisseur: { email: string; displayName: string };
}

/**
 * Another region's installation as rows, for a suite that runs with REGION set to it: the region,
 * an aanmelder's organisation and the coordination team, an aanmelder, a coordinator who chairs
 * the table, and a casusregisseur (fictitious people). Regions have no use case yet; people do
 * (the beheer), but a suite of a region's dossier life starts from them.
 */
export async function regionWithPeople(db: Db, spec: RegionPeopleSpec) {
  // The installation makes the row of each region it serves at start (REGIONS); a suite whose app
  // serves another region still gets one here.
  const region =
    (await db.region.findUnique({ where: { key: spec.region.key } })) ??
    (await db.region.create({ data: { ...spec.region, mailFromName: spec.region.name } }));
  const referrer = await db.organisation.create({
    data: { regionId: region.id, ...spec.aanmelder.organisation },
  });
  const team = await db.organisation.create({
    data: { regionId: region.id, kind: 'ketenteam', name: `${spec.region.name} (team, test)` },
  });
  type Roles = { role: 'aanmelder' | 'coordinator' | 'member' | 'casusregisseur'; tableKey?: string }[];
  const person = (who: { email: string; displayName: string }, organisationId: string, roles: Roles) =>
    db.person.create({
      data: {
        regionId: region.id,
        organisationId,
        email: who.email,
        displayName: who.displayName,
        roleAssignments: { create: roles },
      },
    });
  await person(spec.aanmelder, referrer.id, [{ role: 'aanmelder' }]);
  const coordinator = await person(spec.coordinator, team.id, [
    { role: 'coordinator', tableKey: spec.table },
    { role: 'member', tableKey: spec.table },
  ]);
  await db.tableMembership.create({
    data: { personId: coordinator.id, regionId: region.id, tableKey: spec.table, function: 'voorzitter' },
  });
  const casusregisseur = await person(spec.casusregisseur, team.id, [{ role: 'casusregisseur' }]);
  return { regionId: region.id, referrerId: referrer.id, casusregisseurId: casusregisseur.id };
}
