import { ASSIGNABLE_ROLES } from '@overlegtafels/application';
import { getRegion } from '@overlegtafels/regions';
import { addFirstBeheerder } from './first-beheerder';
import { Caller, callerFor, send } from './route-requests';
import type { TestApp } from './test-app';

/** The address of the second region's coordinator and member that otherRegionCoordinator makes. */
export const OTHER_REGION_EMAIL = 'rik.elders@example.org';

/** The installation's settings for a suite with a second region's actor: CO3 and Vlaams-Brabant. */
export const WITH_OTHER_REGION = { REGIONS: 'co3-antwerpen,vlaams-brabant' } as const;

/** The second region of WITH_OTHER_REGION. */
export const OTHER_REGION = 'vlaams-brabant';

/** Made once per app: a region's first beheerder, the other region's coordinator. */
const beheerders = new WeakMap<TestApp, Map<string, Promise<Caller>>>();
const coordinators = new WeakMap<TestApp, Promise<string>>();

/**
 * The first beheerder of a region the app serves, as a region gets one: from the operator's CLI
 * (`beheerder add`). Made once per app and region; later calls answer the same caller.
 */
export function regionBeheerder(t: TestApp, region: string): Promise<Caller> {
  if (!t.config.regions.includes(region))
    throw new Error(`a beheerder of ${region} needs an app that serves it (REGIONS)`);
  const ofApp = beheerders.get(t) ?? new Map<string, Promise<Caller>>();
  beheerders.set(t, ofApp);
  let made = ofApp.get(region);
  if (!made) {
    made = addFirstBeheerder(t, {
      region,
      email: `beheer.${region}@example.be`,
      name: `Beheerder ${getRegion(region)?.name ?? region}`,
      reason: 'Eerste beheerder van de regio',
    }).then((id) => callerFor(t, id));
    ofApp.set(region, made);
  }
  return made;
}

/** Adds a person through the beheer API and seats them at the region's intake table. */
async function addSeated(
  t: TestApp,
  beheerder: Caller,
  region: string,
  person: Record<string, unknown>,
  seatFunction: string,
): Promise<string> {
  const added = await send(t, beheerder, 'POST', '/api/beheer/personen', person);
  if (added.status !== 201)
    throw new Error(`adding a person of ${region}: ${added.status} ${await added.text()}`);
  const { personId } = (await added.json()) as { personId: string };
  const seat = await send(t, beheerder, 'POST', `/api/beheer/personen/${personId}/tafels`, {
    tableKey: getRegion(region)!.dossierLife.roles.intake.table,
    function: seatFunction,
    standing: true,
    reason: 'Vaste deelnemer',
  });
  if (seat.status !== 204) throw new Error(`seating a person of ${region}: ${seat.status}`);
  return personId;
}

/**
 * Through the region's beheerder (its first one from the CLI, unless given): an organisation, and a
 * person of it with every role a beheerder gives, coordinating every table and chairing the intake
 * table (the seat makes them a member).
 */
export async function personWithEveryRole(
  t: TestApp,
  region: string,
  name: string,
  email: string,
  by?: Caller,
): Promise<{ personId: string; organisationId: string; caller: Caller }> {
  const config = getRegion(region)!;
  const beheerder = by ?? (await regionBeheerder(t, region));
  const org = await send(t, beheerder, 'POST', '/api/beheer/organisaties', {
    name: `Politiezone ${config.name} (fictief)`,
    kind: 'politie',
    contactEmail: `pz.${region}@example.be`,
    reason: 'Partner van de tafels',
  });
  if (org.status !== 201) throw new Error(`adding an organisation of ${region}: ${org.status}`);
  const { organisationId } = (await org.json()) as { organisationId: string };
  const personId = await addSeated(
    t,
    beheerder,
    region,
    {
      displayName: name,
      email,
      organisationId,
      roles: ASSIGNABLE_ROLES,
      coordinatorTables: config.tables.map((table) => table.key),
      reason: 'Nieuwe medewerker',
    },
    'voorzitter',
  );
  return { personId, organisationId, caller: await callerFor(t, personId) };
}

/**
 * A person of the installation's second region (Vlaams-Brabant; start the app with
 * WITH_OTHER_REGION) who coordinates its tables and chairs its intake table: the actor of "another
 * region sees nothing, changes nothing" checks, made as a region gets its people (the operator's
 * CLI makes its beheerder, who adds the person and the seat through the beheer API). Made once per
 * app; later calls answer the same person's id.
 */
export function otherRegionCoordinator(t: TestApp): Promise<string> {
  let person = coordinators.get(t);
  if (!person) {
    person = regionBeheerder(t, OTHER_REGION).then((beheerder) =>
      addSeated(
        t,
        beheerder,
        OTHER_REGION,
        {
          displayName: 'Rik Elders',
          email: OTHER_REGION_EMAIL,
          roles: ['coordinator'],
          coordinatorTables: getRegion(OTHER_REGION)!.tables.map((table) => table.key),
          reason: 'Coördinator van de tafels',
        },
        'voorzitter',
      ),
    );
    coordinators.set(t, person);
  }
  return person;
}
