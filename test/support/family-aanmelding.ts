import { createPrismaClient } from '@overlegtafels/persistence';
import { loginAs, TestApp } from './test-app';

/**
 * A fictitious family referred over the API by the demo aanmelder (police): the answers every
 * aanmelding needs, with these clients. Returns the dossier code and the ICO's agendapunt.
 */
export async function fileFamilyAanmelding(
  t: TestApp,
  clients: { label: string; role: string; age: number }[],
): Promise<{ dossierCode: string; agendaItemId: string }> {
  const db = createPrismaClient(t.db.url, 1);
  const organisationId = (await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } })).id;
  await db.$disconnect();
  const eva = await loginAs(t, 'eva.wouters@example.org');
  const filed = await eva.post('/api/aanmeldingen', {
    organisationId,
    contactEmail: 'eva.wouters@example.org',
    whyNow: 'Nieuw incident.',
    violenceDescription: 'Partnergeweld.',
    situationAtStart: 'Koppel met een kind.',
    situationNow: 'Spanningen blijven.',
    mainRisks: 'Herhaling.',
    clients,
    clientRelations: 'Een koppel.',
    servicesInvolved: 'CAW.',
    safetyPlanExists: false,
    questionsAndExpectations: 'Afstemming.',
    confidentialityConfirmed: true,
    familyInformed: true,
  });
  if (filed.status !== 201) throw new Error(`aanmelding refused: ${filed.status} ${await filed.text()}`);
  return (await filed.json()) as { dossierCode: string; agendaItemId: string };
}
