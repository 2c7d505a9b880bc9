import { seedDemoAgenda } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { writeRoutes } from '../support/app-routes';
import { casesOf, crossRegionWriteFailures, Ids, tableSnapshot } from '../support/region-routes';
import {
  Caller,
  callerFor,
  jsonBodySchema,
  OpenApiDocument,
  sampleOf,
  send,
} from '../support/route-requests';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #17, item 1: no write across regions. Every route that changes something, read from the
 * app's own router (so a route another branch adds is in the list), is tried by a person of a
 * second, fictitious region who holds every role, against CO3's rows: the answer is the same 404
 * as for an id that does not exist, not one row of any table changes, and the attempt is audited.
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday

describe('no write across regions (every write route, as a person of another region)', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let stranger: Caller;
  let strangerOrganisationId: string;
  let ids: Ids;
  let doc: OpenApiDocument;
  let snapshot: () => Promise<Record<string, string>>;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    await seedDemoAgenda(t.app);
    db = createPrismaClient(t.db.url, 2);
    snapshot = await tableSnapshot(db);
    const co3 = await db.region.findFirstOrThrow({ where: { key: 'co3-antwerpen' } });
    const item = await db.agendaItem.findFirstOrThrow({
      where: { status: 'placed' },
      include: { dossier: true },
    });
    const otherSession = await db.session.findFirstOrThrow({ where: { id: { not: item.sessionId } } });
    const obligation = await db.followUpObligation.findFirstOrThrow({ where: { status: 'open' } });
    const casusregisseur = await db.person.findFirstOrThrow({
      where: { regionId: co3.id, roleAssignments: { some: { role: 'casusregisseur' } } },
    });
    const organisationId = (await db.organisation.findFirstOrThrow({ where: { regionId: co3.id } })).id;
    ids = {
      person: casusregisseur.id,
      organisation: organisationId,
      dossier: item.dossierId,
      dossierCode: item.dossier.code,
      session: item.sessionId,
      otherSession: otherSession.id,
      item: item.id,
      obligation: obligation.id,
      outbox: (await db.mailOutbox.findFirstOrThrow()).id,
      organisationId,
      casusregisseurId: casusregisseur.id,
      table: (await db.session.findUniqueOrThrow({ where: { id: item.sessionId } })).tableKey,
    };
    // A second region with one fictitious person holding every role on every table.
    const oost = await db.region.create({
      data: {
        key: 'testregio-oost',
        name: 'Testregio Oost',
        mailFromName: 'Oost',
        mailFromAddress: 'oost@example.org',
      },
    });
    const org = await db.organisation.create({
      data: {
        regionId: oost.id,
        kind: 'politie',
        name: 'Politiezone Oost (fictief)',
        contactEmail: 'pz@example.org',
      },
    });
    const tableKeys = ['ico', 'weegploeg', 'ronde-tafel'];
    const person = await db.person.create({
      data: {
        regionId: oost.id,
        organisationId: org.id,
        displayName: 'Noor Oostveld',
        email: 'noor.oostveld@example.org',
        roleAssignments: {
          create: [
            ...tableKeys.map((tableKey) => ({ role: 'coordinator' as const, tableKey })),
            ...(['admin', 'casusregisseur', 'aanmelder', 'member', 'strategisch_coordinator'] as const).map(
              (role) => ({ role, tableKey: null }),
            ),
          ],
        },
      },
    });
    stranger = await callerFor(t, person.id);
    strangerOrganisationId = org.id;
    const owner = await callerFor(t, casusregisseur.id);
    doc = (await (
      await send(t, owner, 'GET', '/api/docs/openapi.json', undefined)
    ).json()) as OpenApiDocument;
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('knows every write route: each names its row, or is the caller’s own', () => {
    const { cases, unclassified } = casesOf(writeRoutes(t.app), doc, ids);
    expect(unclassified).toEqual([]);
    expect(cases.length).toBeGreaterThan(35);
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'POST /api/agenda-items/:id/share',
        'POST /api/agenda-items/:id/move',
        'POST /agenda/:sessionId/punten/:itemId/volgorde',
        'POST /agenda/:sessionId/punten/:itemId/delen',
        'POST /agenda/:sessionId/punten/:itemId/verplaatsen',
      ]),
    );
  });

  it('opens no dossier in this installation’s region for an aanmelder of another, not even with their own organisation', async () => {
    const before = await snapshot();
    const schema = jsonBodySchema(doc, 'POST', '/api/aanmeldingen')!;
    const body = sampleOf(schema, { organisationId: strangerOrganisationId }) as Record<string, unknown>;
    const res = await send(t, stranger, 'POST', '/api/aanmeldingen', body);
    expect([res.status, ((await res.json()) as { field?: string }).field]).toEqual([400, 'organisationId']);
    expect(await snapshot()).toEqual(before);
  });

  it('answers each as for a row that does not exist, changes nothing, and audits the attempt', async () => {
    const { cases } = casesOf(writeRoutes(t.app), doc, ids);
    const failures = await crossRegionWriteFailures(t, db, stranger, cases);
    expect(failures).toEqual([]);
  }, 60_000);
});
