import type { createPrismaClient } from '@overlegtafels/persistence';

/** The fictitious people of the Vlaams-Brabant installation that vlaamsBrabant makes. */
export const AANMELDER = 'noor.claes@example.be';
export const COORDINATOR = 'wout.maes@example.be';
export const CASUSREGISSEUR = 'lien.jacobs@example.be';

/**
 * The rows of an installation of Veilig Huis Vlaams-Brabant (REGION=vlaams-brabant) in a test
 * database: the region, a police zone and the Veilig Huis, an aanmelder, the triage overleg's
 * coordinator (voorzitter) and a casusregisseur. Rows, as in other-region.ts: a region's first
 * people come before any beheerder of it.
 */
export async function vlaamsBrabant(db: ReturnType<typeof createPrismaClient>) {
  const region = await db.region.create({
    data: {
      key: 'vlaams-brabant',
      name: 'Veilig Huis Vlaams-Brabant',
      mailFromName: 'Veilig Huis Vlaams-Brabant',
      mailFromAddress: 'triage@vh-vb.example.be',
    },
  });
  const politie = await db.organisation.create({
    data: { regionId: region.id, kind: 'politie', name: 'Politiezone Voorbeeld (test)' },
  });
  const team = await db.organisation.create({
    data: { regionId: region.id, kind: 'ketenteam', name: 'Veilig Huis (test)' },
  });
  type Roles = { role: 'aanmelder' | 'coordinator' | 'member' | 'casusregisseur'; tableKey?: string }[];
  const person = (email: string, displayName: string, organisationId: string, roles: Roles) =>
    db.person.create({
      data: { regionId: region.id, organisationId, email, displayName, roleAssignments: { create: roles } },
    });
  await person(AANMELDER, 'Noor Claes', politie.id, [{ role: 'aanmelder' }]);
  const coordinator = await person(COORDINATOR, 'Wout Maes', team.id, [
    { role: 'coordinator', tableKey: 'triage-overleg' },
    { role: 'member', tableKey: 'triage-overleg' },
  ]);
  await db.tableMembership.create({
    data: {
      personId: coordinator.id,
      regionId: region.id,
      tableKey: 'triage-overleg',
      function: 'voorzitter',
    },
  });
  const casusregisseur = await person(CASUSREGISSEUR, 'Lien Jacobs', team.id, [{ role: 'casusregisseur' }]);
  return { politieId: politie.id, casusregisseurId: casusregisseur.id };
}

/** An aanmelding of two fictitious persons to the police zone, as the API takes it. */
export function aanmelding(organisationId: string, whyNow: string) {
  return {
    organisationId,
    contactEmail: AANMELDER,
    whyNow,
    violenceDescription: 'Herhaald partnergeweld, de laatste keer met letsel.',
    situationAtStart: 'Gezin met een kind.',
    situationNow: 'Het slachtoffer verblijft bij familie.',
    mainRisks: 'Herhaling.',
    clients: [
      { label: 'Persoon A', role: 'slachtoffer', age: 31 },
      { label: 'Persoon B', role: 'pleger', age: 33 },
    ],
    clientRelations: 'A en B zijn partners.',
    servicesInvolved: 'Politie.',
    safetyPlanExists: false,
    questionsAndExpectations: 'Afstemming tussen de diensten.',
    confidentialityConfirmed: true,
    familyInformed: true,
    // Vlaams-Brabant's own question (its aanmeldingscriteria).
    regionAnswers: { aanmeldingscriteria: ['multi-problem', 'partners-nodig'] },
  };
}
