import { FreezeSessionUseCase, SendAgendaUseCase } from '@overlegtafels/application';
import { CaughtMailDetail } from '@overlegtafels/mail';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, inputValue, pageUser, textOf } from '../support/page-client';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Every outcome of the ICO of Friday 4 December 2026, recorded through the real use cases, tells
 * whoever must hear of it: the mails are read as delivered to the SMTP sink (recipient, subject
 * with the code only, body), the herbespreking puts the dossier on the next ICO with the aanmelder
 * as guest (and its agenda invites them), and what the ICO planned for casusregie becomes
 * obligations the casusregisseur fulfils on their follow-up page. Fictitious people only: the
 * demo aanmelders Eva Wouters (a GP practice, kind "andere") and Karim Bouzid (police).
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday, the ICO of 4 December is open
const ICO = 'Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen';
const CRIMINOLOGEN = 'criminologen@co3.example.be';

function aanmelding(organisationId: string, contactEmail: string, whyNow: string) {
  return {
    organisationId,
    contactEmail,
    whyNow,
    violenceDescription: 'Psychisch partnergeweld, recent ook fysiek.',
    situationAtStart: 'Gezin met twee kinderen.',
    situationNow: 'Het slachtoffer verblijft tijdelijk elders.',
    mainRisks: 'Herhaling, kinderen getuige.',
    clients: [
      { label: 'Persoon A', role: 'slachtoffer', age: 34 },
      { label: 'Persoon B', role: 'pleger', age: 36 },
      { label: 'Kind 1', role: 'kind', age: 13 },
    ],
    clientRelations: 'A en B zijn partners; kind 1 is hun kind.',
    servicesInvolved: 'Huisarts en politie.',
    safetyPlanExists: false,
    questionsAndExpectations: 'Afstemming tussen de diensten.',
    confidentialityConfirmed: true,
    familyInformed: true,
  };
}

describe('the effects of every ICO outcome', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let lotte: Awaited<ReturnType<typeof loginAs>>;
  const code: Record<'advies' | 'zonder' | 'instroom' | 'herbespreking' | 'instemming', string> = {
    advies: '',
    zonder: '',
    instroom: '',
    herbespreking: '',
    instemming: '',
  };
  const item: Record<keyof typeof code, string> = { ...code };
  let icoSessionId: string;
  let tomId: string;
  let karimId: string;

  /** The delivered mails whose subject carries `dossierCode`, with their text. */
  const delivered = async (dossierCode: string, count: number): Promise<CaughtMailDetail[]> => {
    const caught = await eventually(async () => {
      const mails = (await t.sink.list(1000)).filter(
        (m) => m.subject.includes(dossierCode) && !m.subject.startsWith('Aanmelding ontvangen'),
      );
      return mails.length >= count && mails;
    }, `${count} decision mails about ${dossierCode} are delivered`);
    return Promise.all(caught.map(async (m) => (await t.sink.read(m.id))!));
  };
  const to = (mails: readonly CaughtMailDetail[], address: string) => {
    const found = mails.filter((m) => m.to.includes(address));
    expect([address, found.length]).toEqual([address, 1]);
    return found[0]!;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 2);
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const karim = await loginAs(t, 'karim.bouzid@example.be');
    const orgOf = async (email: string) =>
      (await db.person.findFirstOrThrow({ where: { email }, select: { organisationId: true } }))
        .organisationId!;
    const evaOrg = await orgOf('eva.wouters@example.org');
    const karimOrg = await orgOf('karim.bouzid@example.be');
    const file = async (who: typeof eva, org: string, email: string, why: string) => {
      const res = await who.post('/api/aanmeldingen', aanmelding(org, email, why));
      expect(res.status).toBe(201);
      return (await res.json()) as { dossierCode: string; agendaItemId: string };
    };
    const files: [keyof typeof code, typeof eva, string, string][] = [
      ['advies', eva, evaOrg, 'eva.wouters@example.org'],
      ['zonder', karim, karimOrg, 'karim.bouzid@example.be'],
      ['instroom', eva, evaOrg, 'eva.wouters@example.org'],
      ['herbespreking', karim, karimOrg, 'karim.bouzid@example.be'],
      ['instemming', eva, evaOrg, 'eva.wouters@example.org'],
    ];
    for (const [key, who, org, email] of files) {
      const filed = await file(who, org, email, `Aanmelding voor ${key}.`);
      code[key] = filed.dossierCode;
      item[key] = filed.agendaItemId;
    }
    icoSessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: item.advies } })).sessionId;
    tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
    karimId = karim.personId;
    // The ICO of Friday 4 December has started.
    clock.set('2026-12-04T09:40:00+01:00');
    lotte = await loginAs(t, 'lotte.verbeke@example.be');
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const decide = async (key: keyof typeof code, decision: Record<string, unknown>, status = 201) => {
    lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await lotte.post(`/api/agenda-items/${item[key]}/decision`, decision);
    const body = (await res.json()) as Record<string, unknown>;
    expect([key, res.status]).toEqual([key, status]);
    return body;
  };

  it('geen ketenaanpak: the advice letter names the safety plan and the parketmelding; the advice itself is behind login', async () => {
    await decide('advies', {
      kind: 'geen_ketenaanpak',
      adviceText: 'Schakel de huisarts in voor een doorverwijzing naar het CAW.',
      safetyPlanAdvice: 'Maak met Persoon A afspraken over een veilige plek.',
      parketmeldingAdvies: true,
    });
    const [letter] = await delivered(code.advies, 1);
    expect(letter!.to).toEqual(['eva.wouters@example.org']);
    expect(letter!.subject).toBe(`Beslissing: ${code.advies} – ${ICO}`);
    expect(letter!.text).toContain('– advies voor het opmaken van een veiligheidsplan');
    expect(letter!.text).toContain('– het advies om het parket in te lichten (een parketmelding).');
    expect(letter!.text).toContain(`http://localhost:3999/dossiers/${code.advies}#beslissingen`);
    expect(letter!.text).not.toMatch(/huisarts|Persoon A|veilige plek/);
    // Behind the link, for the aanmelder: the advice as the table wrote it.
    const page = textOf(
      (await (await pageUser(t, 'eva.wouters@example.org')).get(`/dossiers/${code.advies}`)).html,
    );
    expect(page).toContain('Advies Schakel de huisarts in voor een doorverwijzing naar het CAW.');
    expect(page).toContain(
      'Advies over een veiligheidsplan Maak met Persoon A afspraken over een veilige plek.',
    );
    expect(page).toContain('Parketmelding Het ICO adviseert een melding bij het parket.');
  });

  it('refuses "zonder casusregisseur" for an aanmelder I.I does not name, and the form says why', async () => {
    const refused = await decide('instroom', { kind: 'zonder_casusregisseur' }, 422);
    expect(refused).toMatchObject({ code: 'AANMELDER_NOT_ELIGIBLE', field: 'kind' });
    expect(String(refused.message)).toContain('deze aanmelder is van Andere');
    const page = (await (await pageUser(t, 'lotte.verbeke@example.be')).get(`/agenda/${icoSessionId}`)).html;
    const form = new RegExp(`<form id="beslissing-${item.instroom}"[\\s\\S]*?</form>`).exec(page)![0];
    expect(form).toMatch(/value="zonder_casusregisseur" disabled aria-describedby="[^"]+-waarom"/);
    expect(textOf(form)).toContain(
      'Een ketenaanpak zonder casusregisseur kan alleen met een aanmelder van Politie',
    );
    const karimForm = new RegExp(`<form id="beslissing-${item.zonder}"[\\s\\S]*?</form>`).exec(page)![0];
    expect(karimForm).not.toContain('disabled');
  });

  it('the decision form plans the vervolgoverleg and the bijkomend casusoverleg, with errors next to the fields', async () => {
    const coordinator = await pageUser(t, 'lotte.verbeke@example.be');
    const page = (await coordinator.get(`/agenda/${icoSessionId}`)).html;
    const id = (field: string) => `beslissing-${item.instroom}-${field}`;
    expect(page).toContain(`id="${id('vervolgoverlegDate')}" name="vervolgoverlegDate" type="date"`);
    expect(page).toContain(`id="${id('casusregisseurAbsent')}" name="casusregisseurAbsent"`);
    expect(page).toContain(
      `id="${id('bijkomendCasusoverlegDate')}" name="bijkomendCasusoverlegDate" type="date"`,
    );
    const absent = await coordinator.post(`/agenda/${icoSessionId}/punten/${item.instroom}/beslissing`, {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: '2026-12-07',
      consentVerified: 'on',
      vervolgoverlegDate: '2027-01-19',
      casusregisseurAbsent: 'on',
      bijkomendCasusoverlegDate: '',
    });
    expect(absent.status).toBe(422);
    expect(errorNextTo(absent.html, id('bijkomendCasusoverlegDate'))).toBe(
      'De datum van het bijkomend casusoverleg is verplicht: was de casusregisseur niet op het ICO, dan volgt een bijkomend casusoverleg met hem of haar.',
    );
    expect(inputValue(absent.html, id('vervolgoverlegDate'))).toBe('2027-01-19');
    const early = await coordinator.post(`/agenda/${icoSessionId}/punten/${item.instroom}/beslissing`, {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: '2026-12-07',
      consentVerified: 'on',
      vervolgoverlegDate: '2026-12-04',
    });
    expect(early.status).toBe(422);
    expect(errorNextTo(early.html, id('vervolgoverlegDate'))).toBe(
      'De datum van het eerste vervolgoverleg (4 december 2026) moet na het ICO van 4 december 2026 liggen.',
    );
    const api = await decide(
      'instroom',
      {
        kind: 'met_casusregie',
        casusregisseurId: tomId,
        startDate: '2026-12-07',
        consentVerified: true,
        vervolgoverlegDate: 'morgen',
      },
      400,
    );
    expect(api).toMatchObject({ field: 'vervolgoverlegDate' });
  });

  it('zonder casusregisseur: the aanmelder gets the criminologists’ address, the criminologists the aanmelder’s', async () => {
    await decide('zonder', { kind: 'zonder_casusregisseur' });
    const mails = await delivered(code.zonder, 2);
    const aanmelder = to(mails, 'karim.bouzid@example.be');
    expect(aanmelder.subject).toBe(`Beslissing: ${code.zonder} – ${ICO}`);
    expect(aanmelder.text).toContain('De partners oordelen dat er nood is aan een ketenaanpak');
    expect(aanmelder.text).toContain(`U bereikt hen op ${CRIMINOLOGEN}.`);
    const criminologen = to(mails, CRIMINOLOGEN);
    expect(criminologen.subject).toBe(`Beslissing: ${code.zonder} – ${ICO}`);
    expect(criminologen.text).toContain(
      `besliste voor dossier ${code.zonder} tot een ketenaanpak zonder casusregisseur`,
    );
    expect(criminologen.text).toContain('Karim Bouzid\nkarim.bouzid@example.be');
    expect(criminologen.text).not.toMatch(/Persoon|partnergeweld/);
  });

  it('met casusregie: the aanmelder and the appointed casusregisseur, with the dossier link and the first obligations', async () => {
    await decide('instroom', {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: '2026-12-07',
      consentVerified: true,
      vervolgoverlegDate: '2027-01-19',
      casusregisseurAbsent: true,
      bijkomendCasusoverlegDate: '2026-12-10',
    });
    const mails = await delivered(code.instroom, 2);
    const aanmelder = to(mails, 'eva.wouters@example.org');
    expect(aanmelder.subject).toBe(`Beslissing: ${code.instroom} – ${ICO}`);
    expect(aanmelder.text).toContain('met casusregie vanaf maandag 7 december 2026.');
    expect(aanmelder.text).toContain('Het eerste vervolgoverleg is vastgelegd op dinsdag 19 januari 2027.');
    const tom = to(mails, 'tom.peeters@example.org');
    expect(tom.subject).toBe(`Casusregie: ${code.instroom} – ${ICO}`);
    expect(tom.text).toContain('Beste Tom Peeters,');
    expect(tom.text).toContain('Op donderdag 10 december 2026 volgt een bijkomend casusoverleg');
    expect(tom.text).toContain(
      'Uw eerste opvolging:\n' +
        '– Bijkomend casusoverleg met de casusregisseur: uiterlijk donderdag 10 december 2026 om 17:00\n' +
        '– Eerste vervolgoverleg dat het ICO vastlegde: uiterlijk dinsdag 19 januari 2027 om 17:00\n' +
        '– Kinderen ouder dan 12 jaar gehoord: uiterlijk maandag 1 februari 2027 om 12:00\n' +
        '– Eerste plan van aanpak op de Weegploeg: uiterlijk maandag 1 februari 2027 om 12:00\n',
    );
    expect(tom.text).toContain(`http://localhost:3999/dossiers/${code.instroom}#beslissingen`);
    expect(tom.text).toContain('http://localhost:3999/opvolging');
  });

  it('what the ICO planned are obligations with reminders, fulfilled by the casusregisseur on their page', async () => {
    const planned = await db.followUpObligation.findMany({
      where: {
        dossier: { code: code.instroom },
        ruleKey: { in: ['eerste-vervolgoverleg', 'bijkomend-casusoverleg'] },
      },
      include: { reminders: { orderBy: { sendAt: 'asc' } } },
      orderBy: { dueAt: 'asc' },
    });
    expect(planned.map((o) => [o.ruleKey, o.ownerId, o.status, o.dueAt.toISOString()])).toEqual([
      ['bijkomend-casusoverleg', tomId, 'open', '2026-12-10T16:00:00.000Z'],
      ['eerste-vervolgoverleg', tomId, 'open', '2027-01-19T16:00:00.000Z'],
    ]);
    expect(planned[1]!.reminders.map((r) => r.sendAt.toISOString())).toEqual([
      '2027-01-12T07:00:00.000Z',
      '2027-01-18T07:00:00.000Z',
      '2027-01-19T07:00:00.000Z',
      '2027-01-20T07:00:00.000Z',
    ]);
    // On the day of the bijkomend casusoverleg (logins last 12 hours, so log in on that day).
    clock.set('2026-12-10T15:30:00+01:00');
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const list = await tom.get('/opvolging');
    expect(textOf(list.html)).toContain('Bijkomend casusoverleg met de casusregisseur');
    expect(list.html).toContain(`action="/opvolging/${planned[0]!.id}/afgerond"`);
    const done = await tom.post(`/opvolging/${planned[0]!.id}/afgerond`, {
      note: 'Gehouden met de aanmelder.',
    });
    expect([done.status, done.location]).toEqual([303, '/opvolging?melding=afgerond']);
    const after = await db.followUpObligation.findUniqueOrThrow({ where: { id: planned[0]!.id } });
    expect([after.status, after.fulfilledById, after.fulfilmentNote]).toEqual([
      'fulfilled',
      tomId,
      'Gehouden met de aanmelder.',
    ]);
    clock.set('2026-12-04T11:00:00+01:00');
  });

  it('herbespreking: the dossier is on the next ICO with the aanmelder as guest, who is told and then invited', async () => {
    const body = await decide('herbespreking', {
      kind: 'herbespreking',
      missingInformation: 'De school brengt haar verslag mee.',
    });
    const follow = await db.agendaItem.findUniqueOrThrow({
      where: { id: String(body.followUpItemId) },
      include: { session: true, guests: true },
    });
    // Decided on Friday 4 December: the deadline for 11 December (Friday 00:00) has passed.
    expect([follow.itemType, follow.session.startsAt.toISOString()]).toEqual([
      'herbespreking',
      '2026-12-18T08:30:00.000Z',
    ]);
    expect(follow.guests.map((g) => [g.kind, g.personId, g.email])).toEqual([
      ['aanmelder', karimId, 'karim.bouzid@example.be'],
    ]);
    const [letter] = await delivered(code.herbespreking, 1);
    expect(letter!.to).toEqual(['karim.bouzid@example.be']);
    expect(letter!.subject).toBe(`Beslissing: ${code.herbespreking} – ${ICO}`);
    expect(letter!.text).toContain(
      'Het dossier komt daarom terug op de zitting Verkennend casusoverleg (ICO) van vrijdag 18 december 2026, als aanvullend verkennend casusoverleg.',
    );
    expect(letter!.text).toContain('wanneer de agenda vertrekt, op donderdag 17 december 2026 om 13:00.');
    expect(letter!.text).not.toContain('school');

    // When that ICO's agenda goes out, the aanmelder gets the invitation for their slot.
    clock.set('2026-12-17T13:00:00+01:00');
    expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(follow.sessionId)).toBe('sent');
    const invitation = await eventually(
      async () =>
        (await t.sink.list(1000)).find(
          (m) =>
            m.to.includes('karim.bouzid@example.be') &&
            m.subject.startsWith(`Uitnodiging: ${code.herbespreking}`),
        ),
      'the aanmelder is invited to the aanvullend verkennend casusoverleg',
    );
    expect(invitation.subject).toBe(
      `Uitnodiging: ${code.herbespreking}, aanvullend verkennend casusoverleg – Verkennend casusoverleg (ICO) 18 december 2026 – CO3 Antwerpen`,
    );
    const invitationMail = (await t.sink.read(invitation.id))!;
    expect(invitationMail.attachments.map((a) => a.contentType)).toContain('text/calendar');
    // The link opens the dossier page, which the aanmelder may see; not the ICO's agenda, which
    // answers "niet gevonden" to someone who is no member of the table.
    expect(invitationMail.text).toContain(`/dossiers/${code.herbespreking}`);
    expect(invitationMail.text).not.toContain(`/agenda/${follow.sessionId}`);

    // The item is the aanmelder's again: the ICO's agenda froze as it went out, and the mails
    // about the slot went to them only, not to the coordinator who recorded the decision.
    expect(follow.submittedById).toBe(karimId);
    expect(await t.app.get(FreezeSessionUseCase, { strict: false }).freezeNow(follow.sessionId)).toBe(
      'not-planned',
    );
    const aboutItem = await db.mailOutbox.findMany({
      where: { agendaItemId: follow.id },
      select: { purpose: true, recipientEmail: true },
    });
    // One mail per person (issue #15): the slot's invitation, without a separate "Bevestigd".
    expect(aboutItem.length).toBeGreaterThan(0);
    expect(new Set(aboutItem.map((m) => m.recipientEmail))).toEqual(new Set(['karim.bouzid@example.be']));
    clock.set('2026-12-04T11:00:00+01:00');
  });

  it('geen instemming: the advice (behind login) and the returns left go to the aanmelder', async () => {
    await decide('instemming', {
      kind: 'geen_instemming',
      adviceText: 'Bespreek met Persoon A een noodplan.',
    });
    const [letter] = await delivered(code.instemming, 1);
    expect(letter!.to).toEqual(['eva.wouters@example.org']);
    expect(letter!.subject).toBe(`Beslissing: ${code.instemming} – ${ICO}`);
    expect(letter!.text).toContain(
      'Casusregie kan pas starten zodra minstens één volwassen gezinslid instemt.',
    );
    expect(letter!.text).toContain('De partners geven u advies om intussen de veiligheid te verhogen.');
    expect(letter!.text).toContain('U kunt nog 2 keer terugkomen naar het verkennend casusoverleg');
    expect(letter!.text).not.toContain('noodplan');
  });

  it('sends each decision’s mails once: one outbox row per recipient, keyed by decision and recipient', async () => {
    const purposes = [
      'advice-letter',
      'casusregie-appointed',
      'criminologen-referral',
      'herbespreking-letter',
      'instroom-letter',
      'no-consent-letter',
      'zonder-casusregisseur-letter',
    ];
    const rows = await db.mailOutbox.findMany({
      where: { dossier: { code: { in: Object.values(code) } }, purpose: { in: purposes } },
      select: { purpose: true, recipientEmail: true, idempotencyKey: true, status: true, dossier: true },
      orderBy: { purpose: 'asc' },
    });
    expect(rows.map((r) => [r.purpose, r.dossier!.code, r.recipientEmail])).toEqual([
      ['advice-letter', code.advies, 'eva.wouters@example.org'],
      ['casusregie-appointed', code.instroom, 'tom.peeters@example.org'],
      ['criminologen-referral', code.zonder, CRIMINOLOGEN],
      ['herbespreking-letter', code.herbespreking, 'karim.bouzid@example.be'],
      ['instroom-letter', code.instroom, 'eva.wouters@example.org'],
      ['no-consent-letter', code.instemming, 'eva.wouters@example.org'],
      ['zonder-casusregisseur-letter', code.zonder, 'karim.bouzid@example.be'],
    ]);
    for (const r of rows) {
      expect(r.idempotencyKey).toMatch(new RegExp(`^${r.purpose}\\|[0-9a-f-]{36}\\|`));
      expect(r.status).toBe('sent');
    }
  });
});
