import path from 'node:path';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { addFirstBeheerder } from '../support/first-beheerder';
import { Caller, callerFor, send } from '../support/route-requests';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #14: a region added as a configuration file alone works end to end, without a code change.
 * The fictitious fifth region (test/fixtures/regions/voorbeeldstreek.json: one casustafel on
 * Wednesdays, dossier codes VBS) is served beside CO3 Antwerpen by one installation
 * (REGIONS=co3-antwerpen,voorbeeldstreek, REGION_DIR=the fixtures). Its beheerder makes its people,
 * an aanmelding lands on its table, the agenda reaches the table's standing member, the table takes
 * the dossier up and the region's own follow-up rule plans its obligation; CO3 sees none of it.
 */

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'regions');
const clock = new ControlledClock('2026-12-07T09:00:00+01:00'); // Monday

describe('a fifth region from a configuration file (REGION_DIR)', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let beheerder: Caller;
  let vera: { personId: string; caller: Caller };
  let organisationId: string;
  let filed: { dossierCode: string; agendaItemId: string; dossierId: string };

  async function person(displayName: string, email: string, roles: string[], standing: boolean) {
    const added = await send(t, beheerder, 'POST', '/api/beheer/personen', {
      displayName,
      email,
      organisationId,
      roles,
      coordinatorTables: roles.includes('coordinator') ? ['casustafel'] : [],
      reason: 'Nieuwe medewerker van de voorbeeldstreek',
    });
    expect(added.status).toBe(201);
    const { personId } = (await added.json()) as { personId: string };
    const seat = await send(t, beheerder, 'POST', `/api/beheer/personen/${personId}/tafels`, {
      tableKey: 'casustafel',
      function: standing ? 'lid' : 'voorzitter',
      standing,
      reason: 'Deelnemer van de casustafel',
    });
    expect(seat.status).toBe(204);
    return { personId, caller: await callerFor(t, personId) };
  }

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      env: { REGIONS: 'co3-antwerpen,voorbeeldstreek', REGION_DIR: FIXTURES },
    });
    db = createPrismaClient(t.db.url, 2);
    // The region has its row from the start (REGIONS); its first beheerder comes from the operator's
    // CLI, as for any new region.
    const first = await addFirstBeheerder(
      t,
      {
        region: 'voorbeeldstreek',
        email: 'bo.beheer@example.be',
        name: 'Bo Beheer',
        reason: 'Eerste beheerder van de regio',
      },
      { REGION_DIR: FIXTURES },
    );
    beheerder = await callerFor(t, first);
    const org = await send(t, beheerder, 'POST', '/api/beheer/organisaties', {
      name: 'Politiezone Voorbeeldstreek (fictief)',
      kind: 'politie',
      contactEmail: 'pz.voorbeeldstreek@example.be',
      reason: 'Partner van de casustafel',
    });
    expect(org.status).toBe(201);
    organisationId = ((await org.json()) as { organisationId: string }).organisationId;
    vera = await person(
      'Vera Voorbeeld',
      'vera.voorbeeld@example.be',
      ['aanmelder', 'casusregisseur', 'coordinator'],
      false,
    );
    await person('Mats Lid', 'mats.lid@example.be', [], true);
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it("asks the region's own question of an aanmelding, and refuses one without its answer, naming the field", async () => {
    const res = await send(
      t,
      vera.caller,
      'POST',
      '/api/aanmeldingen',
      aanmeldingInput(organisationId, 'vera.voorbeeld@example.be', 'Zonder de criteria.'),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [
        {
          field: 'regionAnswers.aanmeldingscriteria',
          message: 'Aan welke criteria van de voorbeeldstreek voldoet de situatie?: kies uit de lijst.',
        },
      ],
    });
    expect(await db.aanmelding.count({ where: { dossier: { region: { key: 'voorbeeldstreek' } } } })).toBe(0);
  });

  it("files an aanmelding with the region's own code on its table: after Friday's deadline, the Wednesday of 16 December", async () => {
    const res = await send(t, vera.caller, 'POST', '/api/aanmeldingen', {
      ...aanmeldingInput(organisationId, 'vera.voorbeeld@example.be', 'Nieuwe melding van de politie.'),
      regionAnswers: { aanmeldingscriteria: ['vastgelopen', 'complex'] },
    });
    expect(res.status).toBe(201);
    filed = (await res.json()) as typeof filed;
    expect(filed.dossierCode).toBe('VBS-2026-0001');
    const item = await db.agendaItem.findUniqueOrThrow({
      where: { id: filed.agendaItemId },
      select: { itemType: true, session: { select: { tableKey: true, startsAt: true } } },
    });
    expect(item).toEqual({
      itemType: 'aanmelding',
      session: { tableKey: 'casustafel', startsAt: new Date('2026-12-16T08:00:00.000Z') },
    });
    const stored = await db.aanmelding.findFirstOrThrow({ where: { dossierId: filed.dossierId } });
    expect(stored.regionAnswers).toEqual({ aanmeldingscriteria: ['complex', 'vastgelopen'] });
  });

  it("sends the agenda to the table's standing member with the region's sender and an invitation for 16 December", async () => {
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: filed.agendaItemId } });
    const sent = await send(t, vera.caller, 'POST', `/api/sessions/${item.sessionId}/send`, {});
    expect(sent.status).toBeLessThan(300);
    const mail = await eventually(
      async () => (await t.sink.list(1000)).find((m) => m.to.includes('mats.lid@example.be')),
      'the agenda mail to the standing member',
    );
    // The region file's mailFrom: the region's own sender.
    expect(mail.from).toBe('casustafel@voorbeeldstreek.example.be');
    expect(mail.subject).not.toContain('Vera');
    const detail = await t.sink.read(mail.id);
    expect(detail?.attachments.map((a) => a.contentType)).toContain('text/calendar');
    // The invitation it carried (the outbox row it was sent from), in the table's zone.
    const row = await db.mailOutbox.findFirstOrThrow({
      where: { recipientEmail: 'mats.lid@example.be', sessionId: item.sessionId, icsContent: { not: null } },
    });
    expect(row.icsContent).toMatch(/DTSTART;TZID=Europe\/Brussels:20261216T090000/);
  });

  it("takes the dossier up at the casustafel, and the region's own rule plans the voortgang three months on", async () => {
    clock.set('2026-12-16T10:00:00+01:00');
    // Nine days on, the login of the first day has ended: Vera logs in again.
    const again = await callerFor(t, vera.personId);
    const res = await send(t, again, 'POST', `/api/agenda-items/${filed.agendaItemId}/decision`, {
      kind: 'met_casusregie',
      casusregisseurId: vera.personId,
      startDate: '2026-12-21',
      consentVerified: true,
      consentVerifiedOn: '2026-12-16',
    });
    expect(res.status).toBe(201);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: filed.dossierCode } });
    expect(dossier.phase).toBe('casusregie');
    const obligations = await db.followUpObligation.findMany({
      where: { dossierId: dossier.id },
      select: { ruleKey: true, status: true, dueAt: true, ownerId: true },
    });
    expect(obligations).toEqual([
      {
        ruleKey: 'voortgang-op-de-casustafel',
        status: 'open',
        // 21 March 2027, 17:00 in Brussels (winter time: UTC+1).
        dueAt: new Date('2027-03-21T16:00:00.000Z'),
        ownerId: vera.personId,
      },
    ]);
  });

  it("shows CO3's coordinator nothing of the fifth region's dossier", async () => {
    const co3 = await db.person.findFirstOrThrow({ where: { email: 'lotte.verbeke@example.be' } });
    const caller = await callerFor(t, co3.id);
    const res = await send(t, caller, 'GET', `/api/dossiers/${filed.dossierCode}`, undefined);
    expect(res.status).toBe(404);
  });
});
