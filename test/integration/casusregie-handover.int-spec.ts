import { ReconcileObligationsUseCase } from '@overlegtafels/application';
import { inRegion } from '@overlegtafels/config';
import { activeCasusregisseurPhaseKeys, casusregieFollowUpTable } from '@overlegtafels/domain';
import { createPrismaClient } from '@overlegtafels/persistence';
import { getRegion } from '@overlegtafels/regions';
import { ControlledClock } from '@overlegtafels/testing';
import { addFirstBeheerder } from '../support/first-beheerder';
import { WITH_OTHER_REGION } from '../support/other-region';
import { pageUser } from '../support/page-client';
import { callerFor, send } from '../support/route-requests';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

interface Listed {
  id: string;
  dossierCode: string;
  ruleKey: string;
  ownerRole: string;
  status: string;
}

/**
 * Sara El Idrissi (CAW), casusregisseur of demo dossier CO3-2026-0001 in casusregie with its open
 * follow-up tasks, leaves: the beheerder deactivates her on Monday 4 May 2026. In that change the
 * coordinators of the region's casusregie follow-up table are mailed that the dossier needs a new
 * casusregisseur, the tasks are theirs on "Mijn opvolging" (one is marked done there), the dossier
 * page says so; the beheerder reads counts only. Then Lotte appoints Tom Peeters, and the open
 * tasks left are his. A beheerder of another region can do none of it.
 */
describe('deactivating a casusregisseur hands their dossiers and tasks to the coordinators', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock('2026-05-04T10:00:00+02:00');
  const CODE = 'CO3-2026-0001';
  const region = getRegion('co3-antwerpen')!;
  const followUp = casusregieFollowUpTable(region.dossierLife);
  let saraId: string;
  let tomId: string;
  let directed: number;
  let owned: number;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: WITH_OTHER_REGION });
    db = createPrismaClient(t.db.url, 1);
    await inRegion('co3-antwerpen', () => t.app.get(ReconcileObligationsUseCase).execute());
    saraId = (await db.person.findFirstOrThrow({ where: { email: 'sara.elidrissi@example.org' } })).id;
    tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
    // What the handover must move, counted before (Sara may direct more than one demo dossier).
    directed = await db.dossier.count({
      where: {
        casusregisseurId: saraId,
        phase: { in: activeCasusregisseurPhaseKeys(region.dossierLife) },
      },
    });
    owned = await db.followUpObligation.count({ where: { ownerId: saraId, status: 'open' } });
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const openOf = (code: string) =>
    db.followUpObligation.findMany({
      where: { dossier: { code }, status: 'open' },
      select: { id: true, ruleKey: true, ownerId: true, ownerRole: true, tableKey: true },
      orderBy: { ruleKey: 'asc' },
    });

  it('lets a beheerder of another region hand over nothing', async () => {
    const bea = await callerFor(
      t,
      await addFirstBeheerder(t, {
        region: 'vlaams-brabant',
        email: 'bea.beheer@example.be',
        name: 'Bea Beheer',
        reason: 'Eerste beheerder van de regio',
      }),
    );
    const res = await send(t, bea, 'POST', `/api/beheer/personen/${saraId}/deactiveren`, {
      reason: 'Poging',
    });
    expect(res.status).toBe(404);
    expect((await db.person.findUniqueOrThrow({ where: { id: saraId } })).active).toBe(true);
    expect((await openOf(CODE)).every((o) => o.ownerId === saraId)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'dossier.casusregie-handover' } })).toBe(0);
  });

  it('deactivates Sara: the beheerder reads how many dossiers and tasks went to the coordinators, nothing more', async () => {
    expect(directed).toBeGreaterThanOrEqual(1);
    expect((await openOf(CODE)).length).toBeGreaterThanOrEqual(2);
    const beheerder = await pageUser(t, 'beheer@example.be');
    const done = await beheerder.post(`/beheer/personen/${saraId}/deactiveren`, {
      reason: 'Vertrokken bij het CAW',
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe(
      `/beheer/personen/${saraId}?melding=gedeactiveerd&dossiers=${directed}&taken=${owned}&actiepunten=0`,
    );
    const page = await beheerder.get(done.location!);
    expect(page.html).toContain(`Overgedragen aan de coördinatoren: ${directed} dossier`);
    expect(page.html).toContain(`${owned} opvolgingstaken`);
    expect(page.html).not.toContain(CODE);
    expect(page.html).toContain('Weer activeren geeft niets vanzelf terug');

    // Already inactive: the API answers counts, and nothing more is handed over.
    const api = await loginAs(t, 'beheer@example.be');
    const again = await api.post(`/api/beheer/personen/${saraId}/deactiveren`, { reason: 'Nogmaals' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      personId: saraId,
      active: false,
      handedOver: { dossiers: 0, obligations: 0, actionPoints: 0 },
      repeated: false,
    });

    const open = await openOf(CODE);
    expect(open.map((o) => [o.ownerId, o.ownerRole, o.tableKey])).toEqual(
      open.map(() => [null, 'coordinator', followUp]),
    );
    const audit = await db.auditEvent.findMany({
      where: { action: 'dossier.casusregie-handover' },
      select: { details: true, dossierId: true },
    });
    expect(audit).toHaveLength(directed);
    expect(audit.map((a) => a.details)).toContainEqual(
      expect.objectContaining({
        code: CODE,
        personId: saraId,
        casusregisseur: true,
        obligations: open.length,
      }),
    );
  });

  it('mails the coordinators of the follow-up table, with the code only and the link to the change', async () => {
    const coordinators = await db.person.findMany({
      where: {
        active: true,
        roleAssignments: { some: { role: 'coordinator', OR: [{ tableKey: followUp }, { tableKey: null }] } },
      },
      select: { email: true },
    });
    expect(coordinators.length).toBeGreaterThanOrEqual(1);
    for (const { email } of coordinators) {
      const mail = await eventually(
        async () =>
          (await t.sink.list()).find(
            (m) => m.to.includes(email) && m.subject === `Casusregie: ${CODE} – CO3 Antwerpen`,
          ),
        `the handover mail to ${email}`,
      );
      const text = (await t.sink.read(mail.id))!.text;
      expect(text).toContain(`dossier ${CODE} niet meer actief`);
      expect(text).toContain('nieuwe casusregisseur nodig');
      expect(text).toContain(`http://localhost:3999/dossiers/${CODE}#casusregisseurs`);
      expect(text).not.toContain('Sara');
    }
  });

  it('puts the tasks on the coordinator’s Mijn opvolging, to mark done there; the dossier page says so', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const mine = (await (await lotte.get(`/api/opvolging?code=${CODE}`)).json()) as {
      obligations: Listed[];
    };
    const ofDossier = mine.obligations.filter((o) => o.dossierCode === CODE);
    const open = await openOf(CODE);
    expect(ofDossier.map((o) => o.id).sort()).toEqual(open.map((o) => o.id).sort());
    expect(ofDossier.every((o) => o.ownerRole === 'coordinator')).toBe(true);

    const first = ofDossier[0]!;
    const done = await lotte.post(`/api/opvolging/${first.id}/afgerond`, {
      note: 'Afgestemd met het CAW na het vertrek van de casusregisseur.',
    });
    expect(done.status).toBe(200);
    expect((await db.followUpObligation.findUniqueOrThrow({ where: { id: first.id } })).status).toBe(
      'fulfilled',
    );

    const page = await pageUser(t, 'lotte.verbeke@example.be');
    const dossier = await page.get(`/dossiers/${CODE}`);
    expect(dossier.status).toBe(200);
    expect(dossier.html).toContain('casusregisseur niet meer actief');
    expect(dossier.html).toContain('action="/dossiers/CO3-2026-0001/casusregisseur"');
  });

  it('gives the open tasks left to the new casusregisseur Lotte appoints, on his Mijn opvolging', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await lotte.post(`/api/dossiers/${CODE}/casusregisseur`, {
      casusregisseurId: tomId,
      effectiveDate: '2026-05-04',
      reason: 'vertrek',
    });
    expect(res.status).toBe(200);
    const open = await openOf(CODE);
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.map((o) => [o.ownerId, o.ownerRole])).toEqual(open.map(() => [tomId, 'casusregisseur']));

    const tom = await loginAs(t, 'tom.peeters@example.org');
    const his = (await (await tom.get(`/api/opvolging?code=${CODE}`)).json()) as { obligations: Listed[] };
    expect(
      his.obligations
        .filter((o) => o.dossierCode === CODE)
        .map((o) => o.id)
        .sort(),
    ).toEqual(open.map((o) => o.id).sort());
    const page = await pageUser(t, 'lotte.verbeke@example.be');
    expect((await page.get(`/dossiers/${CODE}`)).html).not.toContain('casusregisseur niet meer actief');
    // Tom hears of it; Sara, who left, no longer gets mail.
    await eventually(
      async () => (await t.sink.list()).find((m) => m.to.includes('tom.peeters@example.org')),
      'the casusregie mail to Tom',
    );
    expect(
      await db.mailOutbox.count({ where: { recipientPersonId: saraId, purpose: 'casusregie-change' } }),
    ).toBe(0);
  });
});
