import { ReconcileObligationsUseCase, SweepRemindersUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, pageUser } from '../support/page-client';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

interface ObligationJson {
  id: string;
  dossierCode: string;
  ruleKey: string;
  status: string;
  form: string | null;
  pageUrl: string;
}

/**
 * After the afronding of demo dossier CO3-2026-0003 (Pieter Vandamme, justitiehuis; afgerond on
 * Tuesday 8 September 2026): the casusregisseur's six-month report reaches the coordinators of
 * the Ronde Tafel (Lotte Verbeke, Jonas Maes), the Ronde Tafel closes the dossier, and the
 * strategic coordinator (Ines Goossens) does the quality check, which no one else can.
 */
describe('the six-month report and the quality check after the afronding', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock('2027-03-01T10:00:00+01:00');
  const CODE = 'CO3-2026-0003';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 1);
    await t.app.get(ReconcileObligationsUseCase).execute();
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const mine = async (email: string): Promise<ObligationJson[]> => {
    const who = await loginAs(t, email);
    return ((await (await who.get('/api/opvolging')).json()) as { obligations: ObligationJson[] })
      .obligations;
  };
  const obligation = (ruleKey: string) =>
    db.followUpObligation.findFirstOrThrow({ where: { dossier: { code: CODE }, ruleKey } });

  it('asks the casusregisseur for the six-month report through a form on the task’s own page', async () => {
    const task = (await mine('pieter.vandamme@example.be')).find(
      (o) => o.ruleKey === 'controle-zes-maanden-na-afronding',
    )!;
    expect(task).toMatchObject({ dossierCode: CODE, form: 'vervolghulp', pageUrl: `/opvolging/${task.id}` });
    const pieter = await pageUser(t, 'pieter.vandamme@example.be');
    const page = await pieter.get(task.pageUrl);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`action="/opvolging/${task.id}/vervolghulp"`);
    expect(page.html).toContain('value="cgg"');
    // A note alone does not do for the owner.
    const api = await loginAs(t, 'pieter.vandamme@example.be');
    const note = await api.post(`/api/opvolging/${task.id}/afgerond`, { note: 'Alles goed' });
    expect(note.status).toBe(403);
    // Started, but which help? The error next to the field, what was typed kept.
    const bad = await pieter.post(`/opvolging/${task.id}/vervolghulp`, {
      started: 'ja',
      remarks: 'Loopt goed.',
    });
    expect(bad.status).toBe(422);
    expect(errorNextTo(bad.html, 'vervolghulp-helpKinds')).toBe(
      'Kies welke vervolghulp gestart is, of beschrijf ze bij "andere hulp".',
    );
    expect(bad.html).toContain('Loopt goed.</textarea>');
    const unknown = await api.post(`/api/opvolging/${task.id}/vervolghulp`, {
      started: 'ja',
      helpKinds: ['tovenaar'],
    });
    expect([unknown.status, ((await unknown.json()) as { field: string }).field]).toEqual([
      400,
      'helpKinds.0',
    ]);
    expect((await obligation('controle-zes-maanden-na-afronding')).status).toBe('open');
  });

  it('fulfils it with the answer and tells the Ronde Tafel’s coordinators, who read it on the dossier page', async () => {
    const task = await obligation('controle-zes-maanden-na-afronding');
    const pieter = await loginAs(t, 'pieter.vandamme@example.be');
    const res = await pieter.post(`/api/opvolging/${task.id}/vervolghulp`, {
      started: 'gedeeltelijk',
      helpKinds: ['cgg', 'caw'],
      otherHelp: 'Praatgroep op school',
      remarks: 'CGG pas na de wachtlijst, in april.',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ obligationId: task.id, dossierCode: CODE, told: 2 });
    expect(await obligation('controle-zes-maanden-na-afronding')).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'form',
      fulfilledById: pieter.personId,
    });
    const again = await pieter.post(`/api/opvolging/${task.id}/vervolghulp`, {
      started: 'ja',
      helpKinds: ['cgg'],
    });
    expect(again.status).toBe(409);

    for (const address of ['lotte.verbeke@example.be', 'jonas.maes@example.be']) {
      const mail = await eventually(
        async () =>
          (await t.sink.list()).find((m) => m.to.includes(address) && m.subject.startsWith('Vervolghulp')),
        `report mail to ${address}`,
      );
      expect(mail.subject).toBe(`Vervolghulp: ${CODE} – CO3 Antwerpen`);
      const text = (await t.sink.read(mail.id))!.text;
      expect(text).toContain(
        `Voor dossier ${CODE} heeft de casusregisseur de controle zes maanden na de afronding ingevuld`,
      );
      expect(text).toContain(`http://localhost:3999/dossiers/${CODE}#vervolghulp`);
      expect(text).not.toContain('wachtlijst');
    }
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const page = (await lotte.get(`/dossiers/${CODE}`)).html;
    expect(page).toContain('<section class="card" id="vervolghulp">');
    expect(page).toContain('<dt>Is de vervolghulp gestart?</dt><dd class="pre">gedeeltelijk</dd>');
    expect(page).toContain('<dd class="pre">CGG, CAW, Praatgroep op school</dd>');
    expect(page).toContain('CGG pas na de wachtlijst, in april.');
    expect(
      await db.auditEvent.findMany({
        where: { action: 'obligation.form', outcome: 'allowed' },
        select: { actorPersonId: true, entityId: true, route: true, details: true },
      }),
    ).toEqual([
      {
        actorPersonId: pieter.personId,
        entityId: task.id,
        route: 'POST /api/opvolging/:id/vervolghulp',
        details: {
          form: 'vervolghulp',
          ruleKey: 'controle-zes-maanden-na-afronding',
          code: CODE,
          started: 'gedeeltelijk',
        },
      },
    ]);
  });

  it('gives the quality check after the afsluiting to the strategic coordinators, not the Ronde Tafel', async () => {
    // The afsluiting, agendered by the casusregisseur once six months have passed, decided at the Ronde Tafel.
    clock.set('2027-03-09T10:00:00+01:00');
    const pieter = await loginAs(t, 'pieter.vandamme@example.be');
    const agendering = await pieter.post('/api/agenderingen', {
      dossierCode: CODE,
      tableKey: 'ronde-tafel',
      itemType: 'afsluiting',
      questions: 'Laatste check op nieuwe feiten.',
    });
    expect(agendering.status).toBe(201);
    const { agendaItemId, slot } = (await agendering.json()) as {
      agendaItemId: string;
      slot: { sessionStart: string };
    };
    expect(slot.sessionStart).toBe('2027-03-18T08:15:00.000Z');
    clock.set('2027-03-18T10:30:00+01:00');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const decision = await lotte.post(`/api/agenda-items/${agendaItemId}/decision`, {
      kind: 'afsluiting_bevestigd',
    });
    expect(decision.status).toBe(201);
    expect(await decision.json()).toMatchObject({ phase: 'afgesloten' });

    const check = await obligation('kwaliteitscontrole');
    expect(check).toMatchObject({ status: 'open', ownerRole: 'strategisch_coordinator', ownerId: null });
    // Four weeks after Thursday 18 March, 09:00.
    expect(check.dueAt.toISOString()).toBe('2027-04-15T07:00:00.000Z');
    expect((await mine('ines.goossens@example.be')).map((o) => [o.dossierCode, o.ruleKey, o.form])).toEqual([
      [CODE, 'kwaliteitscontrole', 'kwaliteitscontrole'],
    ]);
    expect((await mine('lotte.verbeke@example.be')).some((o) => o.ruleKey === 'kwaliteitscontrole')).toBe(
      false,
    );
    expect((await lotte.get(`/api/opvolging/${check.id}`)).status).toBe(404);
    const byLotte = await lotte.post(`/api/opvolging/${check.id}/kwaliteitscontrole`, { checks: {} });
    expect(byLotte.status).toBe(403);
    // The strategic coordinator sees the closed dossier, and only the closed ones.
    const ines = await pageUser(t, 'ines.goossens@example.be');
    expect((await ines.get(`/dossiers/${CODE}`)).status).toBe(200);
    expect((await ines.get('/dossiers/CO3-2026-0001')).status).toBe(404);
  });

  it('lets the strategic coordinator do the check on its page; a point not in order needs a remark', async () => {
    clock.set('2027-03-25T14:00:00+01:00');
    const check = await obligation('kwaliteitscontrole');
    const ines = await pageUser(t, 'ines.goossens@example.be');
    const page = await ines.get(`/opvolging/${check.id}`);
    expect(page.html).toContain(`action="/opvolging/${check.id}/kwaliteitscontrole"`);
    expect(page.html).toContain('name="check-instemming"');
    const ticks = {
      'check-plan-van-aanpak': 'on',
      'check-afronding': 'on',
      'check-vervolghulp': 'on',
      'check-afsluiting': 'on',
    };
    const bad = await ines.post(`/opvolging/${check.id}/kwaliteitscontrole`, ticks);
    expect(bad.status).toBe(422);
    expect(errorNextTo(bad.html, 'kwaliteitscontrole-remarks')).toBe(
      'Noteer wat niet in orde of onduidelijk is.',
    );
    expect(bad.html).toContain(
      'id="kwaliteitscontrole-check-afronding" name="check-afronding" value="on" checked',
    );
    const good = await ines.post(`/opvolging/${check.id}/kwaliteitscontrole`, {
      ...ticks,
      remarks: 'Instemming niet geregistreerd: navragen bij de casusregisseur.',
    });
    expect(good.status).toBe(303);
    expect((await ines.get(good.location!)).html).toContain(
      'Het formulier is ingediend; de taak is afgerond.',
    );
    expect(await obligation('kwaliteitscontrole')).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'form',
    });
    const report = await db.obligationReport.findUniqueOrThrow({ where: { obligationId: check.id } });
    expect(report.answers).toEqual({
      checks: {
        instemming: false,
        'plan-van-aanpak': true,
        afronding: true,
        vervolghulp: true,
        afsluiting: true,
      },
      remarks: 'Instemming niet geregistreerd: navragen bij de casusregisseur.',
    });

    // Coordinators read the outcome on the dossier page; the aanmelder sees the dossier, not the check.
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const seen = (await lotte.get(`/dossiers/${CODE}`)).html;
    expect(seen).toContain('<section class="card" id="kwaliteitscontrole">');
    expect(seen).toContain('<dd class="pre">onduidelijkheden</dd>');
    const karim = await pageUser(t, 'karim.bouzid@example.be');
    const his = (await karim.get(`/dossiers/${CODE}`)).html;
    expect(his).toContain('id="vervolghulp"');
    expect(his).not.toContain('id="kwaliteitscontrole"');
  });

  it('sends no reminder or escalation for a check that was done', async () => {
    const check = await obligation('kwaliteitscontrole');
    clock.set('2027-04-19T09:00:00+02:00');
    await t.app.get(SweepRemindersUseCase).execute();
    const mails = await db.mailOutbox.findMany({
      where: { dossier: { code: CODE }, purpose: { startsWith: 'obligation-' } },
      select: { purpose: true, payload: true },
    });
    expect(mails.filter((m) => (m.payload as { obligationId: string }).obligationId === check.id)).toEqual(
      [],
    );
    expect(await db.obligationReminder.count({ where: { obligationId: check.id, enqueuedAt: null } })).toBe(
      0,
    );
  });

  it('documents the obligation and its forms in OpenAPI, and keeps the pages out of it', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const doc = (await (await lotte.get('/api/docs/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>>;
    };
    expect(doc.paths['/api/opvolging/{id}']?.get?.tags).toEqual(['opvolging']);
    expect(doc.paths['/api/opvolging/{id}/vervolghulp']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/opvolging/{id}/kwaliteitscontrole']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths)).not.toContain('/opvolging/{id}');
  });

  it('lists the demo strategic coordinator on the demo login page, in a group of her own', async () => {
    const html = await (await fetch(`${t.baseUrl}/login`, { headers: { accept: 'text/html' } })).text();
    const group = html.indexOf('Strategisch coördinatoren');
    expect(group).toBeGreaterThan(-1);
    expect(html.indexOf('Ines Goossens', group)).toBeGreaterThan(group);
    expect(html).toContain('strategisch coördinator');
  });
});
