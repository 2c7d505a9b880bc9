import { getRegion } from '@overlegtafels/regions';
import { addFirstBeheerder } from './first-beheerder';
import { callerFor, send } from './route-requests';
import type { TestApp } from './test-app';

/** The address of the second region's coordinator and member that otherRegionCoordinator makes. */
export const OTHER_REGION_EMAIL = 'rik.elders@example.org';

/** The installation's settings for a suite with a second region's actor: CO3 and Vlaams-Brabant. */
export const WITH_OTHER_REGION = { REGIONS: 'co3-antwerpen,vlaams-brabant' } as const;

const OTHER_REGION = 'vlaams-brabant';
const made = new WeakMap<TestApp, Promise<string>>();

/**
 * A person of the installation's second region (Vlaams-Brabant; start the app with
 * WITH_OTHER_REGION) who coordinates its tables and chairs its intake table (the seat makes them a
 * member): the actor of "another
 * region sees nothing, changes nothing" checks. Made as a region gets its people: the operator's
 * CLI makes the region's first beheerder, who adds the person and the seat through the beheer API.
 * Made once per app; later calls answer the same person's id.
 */
export function otherRegionCoordinator(t: TestApp): Promise<string> {
  let person = made.get(t);
  if (!person) {
    person = makeOtherRegionCoordinator(t);
    made.set(t, person);
  }
  return person;
}

async function makeOtherRegionCoordinator(t: TestApp): Promise<string> {
  if (!t.config.regions.includes(OTHER_REGION))
    throw new Error(`otherRegionCoordinator needs an app that serves ${OTHER_REGION} (WITH_OTHER_REGION)`);
  const region = getRegion(OTHER_REGION)!;
  const beheerder = await callerFor(
    t,
    await addFirstBeheerder(t, {
      region: OTHER_REGION,
      email: 'bea.beheer@example.be',
      name: 'Bea Beheer',
      reason: 'Eerste beheerder van de regio',
    }),
  );
  const added = await send(t, beheerder, 'POST', '/api/beheer/personen', {
    displayName: 'Rik Elders',
    email: OTHER_REGION_EMAIL,
    roles: ['coordinator'],
    coordinatorTables: region.tables.map((table) => table.key),
    reason: 'Coördinator van de tafels',
  });
  if (added.status !== 201)
    throw new Error(`adding the other region's coordinator: ${added.status} ${await added.text()}`);
  const { personId } = (await added.json()) as { personId: string };
  const seat = await send(t, beheerder, 'POST', `/api/beheer/personen/${personId}/tafels`, {
    tableKey: region.dossierLife.roles.intake.table,
    function: 'voorzitter',
    standing: true,
    reason: 'Voorzitter van de tafel',
  });
  if (seat.status !== 204) throw new Error(`seating the other region's coordinator: ${seat.status}`);
  return personId;
}
