import { inRegion } from '@overlegtafels/config';
import { SweepRemindersUseCase } from '@overlegtafels/application';
import { CaughtMailDetail } from '@overlegtafels/mail';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { OTHER_REGION_EMAIL, otherRegionCoordinator, WITH_OTHER_REGION } from '../support/other-region';
import { errorNextTo, inputValue, pageUser, textOf } from '../support/page-client';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 8: a decision withdrawn or changed with a reason, its effects following. The ICO
 * of Friday 4 December 2026 appoints Tom Peeters (VK) as casusregisseur of two dossiers of the
 * demo aanmelder Eva Wouters, with a bijkomend casusoverleg and a first vervolgoverleg; all through
 * the real use cases, the API and the pages, mails read as the SMTP sink got them. Fictitious people.
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday, the ICO of 4 December is open
const EVA = 'eva.wouters@example.org';
const TOM = 'tom.peeters@example.org';
const LOTTE = 'lotte.verbeke@example.be';
const REASON = 'Verkeerd dossier: Persoon A werd met een ander gezin verward.';

const aanmelding = (organisationId: string, whyNow: string) => ({
  organisationId,
  contactEmail: EVA,
  whyNow,
  violenceDescription: 'Psychisch partnergeweld, recent ook fysiek.',
  situationAtStart: 'Gezin met twee kinderen.',
  situationNow: 'Het slachtoffer verblijft tijdelijk elders.',
  mainRisks: 'Herhaling, kinderen getuige.',
  clients: [
    { label: 'Persoon A', role: 'slachtoffer', age: 34 },
    { label: 'Persoon B', role: 'pleger', age: 36 },
  ],
  clientRelations: 'A en B zijn partners.',
  servicesInvolved: 'Huisarts.',
  safetyPlanExists: false,
  questionsAndExpectations: 'Afstemming tussen de diensten.',
  confidentialityConfirmed: true,
  familyInformed: true,
});

describe('withdrawing and changing a decision', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let tomId: string;
  let sessionId: string;
  const code = { a: '', b: '' };
  const item = { a: '', b: '' };

  const metCasusregie = (over: Record<string, unknown> = {}) => ({
    kind: 'met_casusregie',
    casusregisseurId: tomId,
    startDate: '2026-12-07',
    consentVerified: true,
    consentGivenBy: 'moeder',
    vervolgoverlegDate: '2027-01-19',
    casusregisseurAbsent: true,
    bijkomendCasusoverlegDate: '2026-12-10',
    ...over,
  });
  const api = async (email: string) => loginAs(t, email);
  /** A JSON post with an Idempotency-Key, as an integrating system retries it. */
  const postOnce = (who: Awaited<ReturnType<typeof loginAs>>, url: string, body: unknown, key: string) =>
    fetch(`${t.baseUrl}${url}`, {
      method: 'POST',
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
  /** The mails delivered about `dossierCode` whose subject starts with `prefix`. */
  const delivered = async (
    dossierCode: string,
    prefix: string,
    count: number,
  ): Promise<CaughtMailDetail[]> => {
    const caught = await eventually(async () => {
      const mails = (await t.sink.list(1000)).filter(
        (m) => m.subject.includes(dossierCode) && m.subject.startsWith(prefix),
      );
      return mails.length >= count && mails;
    }, `${count} mails "${prefix}" about ${dossierCode}`);
    expect(caught).toHaveLength(count);
    return Promise.all(caught.map(async (m) => (await t.sink.read(m.id))!));
  };
  const dossier = (c: string) => db.dossier.findUniqueOrThrow({ where: { code: c } });
  const obligations = (c: string) =>
    db.followUpObligation.findMany({
      where: { dossier: { code: c }, ruleKey: { in: ['bijkomend-casusoverleg', 'eerste-vervolgoverleg'] } },
      include: { reminders: true },
      orderBy: { ruleKey: 'asc' },
    });

  beforeAll(async () => {
    t = await startTestApp({ clock, env: WITH_OTHER_REGION });
    db = createPrismaClient(t.db.url, 2);
    await otherRegionCoordinator(t);
    const eva = await api(EVA);
    const org = (await db.person.findFirstOrThrow({ where: { email: EVA } })).organisationId!;
    for (const key of ['a', 'b'] as const) {
      const res = await eva.post('/api/aanmeldingen', aanmelding(org, `Aanmelding ${key}.`));
      expect(res.status).toBe(201);
      const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
      code[key] = filed.dossierCode;
      item[key] = filed.agendaItemId;
    }
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: item.a } })).sessionId;
    tomId = (await db.person.findFirstOrThrow({ where: { email: TOM } })).id;
    clock.set('2026-12-04T09:40:00+01:00'); // the ICO has started
    const lotte = await api(LOTTE);
    for (const key of ['a', 'b'] as const) {
      const res = await lotte.post(`/api/agenda-items/${item[key]}/decision`, metCasusregie());
      expect([key, res.status]).toEqual([key, 201]);
    }
    await delivered(code.a, 'Casusregie:', 1);
    await delivered(code.b, 'Casusregie:', 1);
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('refuses another region (404), someone who is not a coordinator (403) and a missing reason (400), changing nothing', async () => {
    const rik = await api(OTHER_REGION_EMAIL);
    expect((await rik.post(`/api/agenda-items/${item.a}/decision/withdraw`, { reason: REASON })).status).toBe(
      404,
    );
    expect(
      (
        await rik.post(`/api/agenda-items/${item.a}/decision/replace`, {
          reason: REASON,
          decision: metCasusregie(),
        })
      ).status,
    ).toBe(404);
    expect(
      (await (await pageUser(t, OTHER_REGION_EMAIL)).get(`/agenda/${sessionId}/punten/${item.a}/intrekken`))
        .status,
    ).toBe(404);
    const tom = await api(TOM);
    expect((await tom.post(`/api/agenda-items/${item.a}/decision/withdraw`, { reason: REASON })).status).toBe(
      403,
    );
    const lotte = await api(LOTTE);
    const missing = await lotte.post(`/api/agenda-items/${item.a}/decision/withdraw`, {});
    expect([missing.status, ((await missing.json()) as { field: string }).field]).toEqual([400, 'reason']);
    const noKind = await lotte.post(`/api/agenda-items/${item.a}/decision/replace`, {
      reason: REASON,
      decision: { casusregisseurId: tomId },
    });
    expect([noKind.status, ((await noKind.json()) as { field: string }).field]).toEqual([
      400,
      'decision.kind',
    ]);
    const stands = await db.decision.findUniqueOrThrow({ where: { agendaItemId: item.a } });
    expect(stands.withdrawnAt).toBeNull();
    expect((await dossier(code.a)).phase).toBe('casusregie');
    const denied = await db.auditEvent.findMany({
      where: { outcome: 'denied', dossierId: stands.dossierId },
      select: { action: true },
      orderBy: { id: 'asc' },
    });
    expect(denied.map((e) => e.action)).toEqual([
      'decision.withdraw',
      'decision.replace',
      'decision.withdrawal.view',
    ]);
  });

  it('asks to confirm on its own page, saying what it undoes and whom it tells, and wants a reason', async () => {
    const lotte = await pageUser(t, LOTTE);
    const agenda = (await lotte.get(`/agenda/${sessionId}`)).html;
    expect(agenda).toContain(`href="/agenda/${sessionId}/punten/${item.a}/intrekken">Intrekken</a>`);
    expect(agenda).toContain(`href="/agenda/${sessionId}/punten/${item.a}/wijzigen">Beslissing wijzigen</a>`);
    const page = await lotte.get(`/agenda/${sessionId}/punten/${item.a}/intrekken`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Het dossier gaat terug naar de fase “aangemeld” (nu “casusregie”).');
    expect(text).toContain('De aanstelling van de casusregisseur vervalt');
    expect(text).toContain('De 2 personen die over de beslissing een e-mail kregen, krijgen bericht');
    const empty = await lotte.post(`/agenda/${sessionId}/punten/${item.a}/intrekken`, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(errorNextTo(empty.html, 'intrekken-reason')).toBe('Reden is verplicht.');
    expect((await dossier(code.a)).phase).toBe('casusregie');
  });

  it('withdraws: the dossier back as before, obligations cancelled with their reminders, the item awaiting a decision', async () => {
    const lotte = await pageUser(t, LOTTE);
    const res = await lotte.post(`/agenda/${sessionId}/punten/${item.a}/intrekken`, {
      reason: REASON,
      submissionKey: 'intrekken-a-0001',
    });
    expect([res.status, res.location]).toEqual([
      303,
      `/agenda/${sessionId}?melding=ingetrokken#punt-${item.a}`,
    ]);
    const again = await lotte.post(`/agenda/${sessionId}/punten/${item.a}/intrekken`, {
      reason: REASON,
      submissionKey: 'intrekken-a-0001',
    });
    expect(again.status).toBe(303);
    const d = await dossier(code.a);
    expect([
      d.phase,
      d.casusregisseurId,
      d.casusregiePlannedStartDate,
      d.casusregieStartDate,
      d.consentVerifiedAt,
    ]).toEqual(['aangemeld', null, null, null, null]);
    const row = await db.decision.findFirstOrThrow({ where: { decidedItemId: item.a } });
    expect([row.agendaItemId, row.withdrawalReason, row.withdrawnById, row.replacedById]).toEqual([
      null,
      REASON,
      lotte.personId,
      null,
    ]);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.a } })).status).toBe('placed');
    const planned = await obligations(code.a);
    expect(planned.map((o) => [o.ruleKey, o.status, o.cancelReason])).toEqual([
      ['bijkomend-casusoverleg', 'cancelled', 'De beslissing van 4 december 2026 werd ingetrokken.'],
      ['eerste-vervolgoverleg', 'cancelled', 'De beslissing van 4 december 2026 werd ingetrokken.'],
    ]);
    expect(planned.flatMap((o) => o.reminders.filter((r) => !r.enqueuedAt))).toEqual([]);
    expect(await db.followUpObligation.count({ where: { dossier: { code: code.a }, status: 'open' } })).toBe(
      0,
    );
    // Tom no longer has the dossier; the agenda offers the decision form again.
    expect((await (await api(TOM)).get(`/api/dossiers/${code.a}`)).status).toBe(404);
    expect((await lotte.get(`/agenda/${sessionId}`)).html).toContain(`<form id="beslissing-${item.a}"`);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'decision.withdraw', outcome: 'allowed' },
    });
    expect([audit.dossierId, audit.entityId]).toEqual([d.id, row.id]);
  });

  it('tells the aanmelder and the casusregisseur once each, with the code only in the subject and not the reason', async () => {
    const mails = await delivered(code.a, 'Beslissing ingetrokken', 2);
    expect(mails.map((m) => m.to).sort()).toEqual([[EVA], [TOM]]);
    for (const m of mails) {
      expect(m.subject).toBe(`Beslissing ingetrokken: ${code.a} – CO3 Antwerpen`);
      expect(m.text).toContain(
        `De beslissing van de zitting Verkennend casusoverleg (ICO) van vrijdag 4 december 2026 over dossier ${code.a}`,
      );
      expect(m.text).not.toMatch(/Persoon|verward|moeder/);
    }
  });

  it('sends no reminder of a withdrawn decision: the sweep reminds only the dossier whose decision stands', async () => {
    clock.set('2026-12-10T09:00:00+01:00'); // the morning of the bijkomend casusoverleg
    await inRegion('co3-antwerpen', () => t.app.get(SweepRemindersUseCase).execute());
    const reminders = await db.mailOutbox.findMany({
      where: { purpose: 'obligation-reminder', dossier: { code: { in: [code.a, code.b] } } },
      select: { dossier: { select: { code: true } } },
    });
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.map((r) => r.dossier!.code))).toEqual(new Set([code.b]));
  });

  it('changes the dates on the page: the form starts from the decision, the obligations follow the new dates', async () => {
    const lotte = await pageUser(t, LOTTE);
    const form = await lotte.get(`/agenda/${sessionId}/punten/${item.b}/wijzigen`);
    expect(form.status).toBe(200);
    expect(inputValue(form.html, 'wijzigen-vervolgoverlegDate')).toBe('2027-01-19');
    expect(form.html).toMatch(/value="met_casusregie" checked/);
    const fields = {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: '2026-12-07',
      consentVerified: 'on',
      consentGivenBy: 'moeder',
      vervolgoverlegDate: '2027-01-26',
      casusregisseurAbsent: 'on',
      bijkomendCasusoverlegDate: '2026-12-10',
    };
    const noReason = await lotte.post(`/agenda/${sessionId}/punten/${item.b}/wijzigen`, fields);
    expect(noReason.status).toBe(400);
    expect(errorNextTo(noReason.html, 'wijzigen-reason')).toBe('Reden is verplicht.');
    expect(inputValue(noReason.html, 'wijzigen-vervolgoverlegDate')).toBe('2027-01-26');
    const res = await lotte.post(`/agenda/${sessionId}/punten/${item.b}/wijzigen`, {
      ...fields,
      reason: 'Het vervolgoverleg werd een week later gelegd.',
    });
    expect([res.status, res.location]).toEqual([
      303,
      `/agenda/${sessionId}?melding=gewijzigd#punt-${item.b}`,
    ]);
    const rows = await db.decision.findMany({
      where: { decidedItemId: item.b },
      orderBy: { decidedAt: 'asc' },
    });
    expect(rows).toHaveLength(2);
    expect([rows[0]!.replacedById, rows[0]!.agendaItemId, rows[1]!.agendaItemId]).toEqual([
      rows[1]!.id,
      null,
      item.b,
    ]);
    expect(rows[1]!.vervolgoverlegDate?.toISOString().slice(0, 10)).toBe('2027-01-26');
    const d = await dossier(code.b);
    expect([d.phase, d.casusregisseurId]).toEqual(['casusregie', tomId]);
    const vervolg = (await obligations(code.b)).find((o) => o.ruleKey === 'eerste-vervolgoverleg')!;
    expect([vervolg.status, vervolg.dueAt.toISOString()]).toEqual(['open', '2027-01-26T16:00:00.000Z']);
    const changed = await delivered(code.b, 'Beslissing gewijzigd', 2);
    expect(changed.map((m) => m.to).sort()).toEqual([[EVA], [TOM]]);
    const letters = await delivered(code.b, 'Casusregie:', 2);
    expect(letters.some((m) => m.text.includes('uiterlijk dinsdag 26 januari 2027 om 17:00'))).toBe(true);
  });

  it('changes the kind over the API (once per key): geen ketenaanpak cancels casusregie and sends the advice', async () => {
    const lotte = await api(LOTTE);
    const body = {
      reason: 'De tafel herzag haar oordeel.',
      decision: {
        kind: 'geen_ketenaanpak',
        adviceText: 'Schakel het CAW in.',
        safetyPlanAdvice: 'Maak afspraken over een veilige plek.',
      },
    };
    const first = await postOnce(
      lotte,
      `/api/agenda-items/${item.b}/decision/replace`,
      body,
      'wijzig-b-0002',
    );
    expect(first.status).toBe(200);
    const result = (await first.json()) as { decisionId: string; replacedDecisionId: string; phase: string };
    expect(result.phase).toBe('geen_ketenaanpak');
    const repeat = await postOnce(
      lotte,
      `/api/agenda-items/${item.b}/decision/replace`,
      body,
      'wijzig-b-0002',
    );
    expect([repeat.status, ((await repeat.json()) as { decisionId: string }).decisionId]).toEqual([
      200,
      result.decisionId,
    ]);
    const d = await dossier(code.b);
    expect([d.phase, d.casusregisseurId]).toEqual(['geen_ketenaanpak', null]);
    expect(await db.followUpObligation.count({ where: { dossierId: d.id, status: 'open' } })).toBe(0);
    expect(await db.decision.count({ where: { decidedItemId: item.b } })).toBe(3);
    const advice = await delivered(code.b, 'Beslissing:', 3); // two instroom letters and the advice
    expect(advice.filter((m) => m.text.includes('veiligheidsplan'))).toHaveLength(1);
    expect(await delivered(code.b, 'Beslissing gewijzigd', 4)).toHaveLength(4);
    // The dossier keeps the history: all three decisions, the replaced ones marked, with their reasons.
    const page = await (await pageUser(t, LOTTE)).get(`/dossiers/${code.b}`);
    expect(page.html.match(/data-withdrawn="gewijzigd"/g)).toHaveLength(2);
    expect(textOf(page.html)).toContain('Reden: De tafel herzag haar oordeel.');
    expect(textOf(page.html)).toContain('Reden: Het vervolgoverleg werd een week later gelegd.');
  });

  it('refuses once something was built on the decision, naming it', async () => {
    clock.set('2026-12-10T15:00:00+01:00');
    const lotte = await api(LOTTE);
    expect((await lotte.post(`/api/agenda-items/${item.a}/decision`, metCasusregie())).status).toBe(201);
    const bijkomend = (await obligations(code.a)).find((o) => o.ruleKey === 'bijkomend-casusoverleg')!;
    expect(bijkomend.status).toBe('open');
    const tom = await api(TOM);
    expect((await tom.post(`/api/opvolging/${bijkomend.id}/afgerond`, { note: 'Gehouden.' })).status).toBe(
      200,
    );
    const refused = await (
      await api(LOTTE)
    ).post(`/api/agenda-items/${item.a}/decision/withdraw`, { reason: REASON });
    const body = (await refused.json()) as { code: string; message: string };
    expect([refused.status, body.code]).toEqual([409, 'DECISION_BUILT_UPON']);
    expect(body.message).toContain(
      'de opvolgingstaak "Bijkomend casusoverleg met de casusregisseur" werd op 10 december 2026 al uitgevoerd.',
    );
    const page = await (await pageUser(t, LOTTE)).get(`/agenda/${sessionId}/punten/${item.a}/intrekken`);
    expect(textOf(page.html)).toContain('Deze beslissing kan niet worden ingetrokken');
    expect(page.html).not.toContain('<form id="intrekken"');
    expect((await dossier(code.a)).phase).toBe('casusregie');
  });

  it('withdraws a herbespreking: its item leaves the next ICO, and the dossier is back as before it', async () => {
    const lotte = await api(LOTTE);
    const changed = await lotte.post(`/api/agenda-items/${item.b}/decision/replace`, {
      reason: 'Er ontbreekt toch informatie.',
      decision: { kind: 'herbespreking', missingInformation: 'De school brengt haar verslag mee.' },
    });
    expect(changed.status).toBe(200);
    const { followUpItemId } = (await changed.json()) as { followUpItemId: string };
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: followUpItemId } })).status).toBe('placed');
    expect((await dossier(code.b)).phase).toBe('herbespreking');
    const withdrawn = await lotte.post(`/api/agenda-items/${item.b}/decision/withdraw`, { reason: REASON });
    expect([withdrawn.status, ((await withdrawn.json()) as { phase: string }).phase]).toEqual([
      200,
      'aangemeld',
    ]);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: followUpItemId } })).status).toBe(
      'withdrawn',
    );
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.b } })).status).toBe('placed');
  });
});
