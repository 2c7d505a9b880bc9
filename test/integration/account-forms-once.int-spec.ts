import { randomUUID } from 'node:crypto';
import { createPrismaClient, mailBodyDigest } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { inputValue, pageUser, textOf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for a partner's preparation of an ICO item, the calendar subscription and the
 * coordinators' retry of a failed mail: fifteen posts of one form (or fifteen API calls with one
 * Idempotency-Key) save once, make one subscription and send one mail, and answer the first result
 * each time. Monday 16 November 2026: an aanmelding goes to the ICO of Friday 27 November, whose
 * preparation runs from Friday 20 November. Real HTTP, real PostgreSQL, the worker and SMTP sink.
 */
const clock = new ControlledClock('2026-11-16T09:00:00Z');
const RACERS = 15;
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

describe('a preparation, a subscription and a mail retry are made once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 2);
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('the preparation: fifteen posts of one form save once (one audit event), all redirected; a reload is a GET', async () => {
    const eva = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    const code = await fileAanmelding(
      await pageUser(t, eva.email),
      eva.organisationId!,
      eva.email,
      'Zorgen.',
    );
    const { id: itemId } = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code } } });
    clock.set('2026-11-24T09:00:00Z');
    const griet = await pageUser(t, 'griet.willems@example.be');
    const action = `/voorbereiding/${itemId}`;
    const submissionKey = formKey((await griet.get(action)).html, action);
    const fields = { known: 'ja', summary: 'Leefloon sinds 2025.', visibility: 'tafel', submissionKey };
    const answers = await postConcurrently(griet, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/voorbereiding/${itemId}?melding=opgeslagen`]),
    );
    const saved = () => db.auditEvent.count({ where: { action: 'preparation.record', outcome: 'allowed' } });
    expect(await saved()).toBe(1);
    expect(await db.itemPreparation.count({ where: { agendaItemId: itemId } })).toBe(1);
    expect((await griet.get(answers[0]!.location!)).status).toBe(200);
    const changed = await griet.post(action, { ...fields, summary: 'Iets anders.' });
    expect(changed.status).toBe(409);
    expect(textOf(changed.html)).toContain(REUSED);
    expect(changed.html).toContain('Iets anders.');
    expect((await db.itemPreparation.findFirstOrThrow({ where: { agendaItemId: itemId } })).summary).toBe(
      'Leefloon sinds 2025.',
    );
    expect(await saved()).toBe(1);
  }, 90_000);

  it('the subscription: fifteen posts of one form make one link, shown alike in every answer, and it works', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const submissionKey = formKey((await lotte.get('/agenda-abonnement')).html, '/agenda-abonnement');
    const answers = await postConcurrently(lotte, '/agenda-abonnement', { submissionKey }, RACERS);
    expect(answers.map((a) => a.status)).toEqual(Array(RACERS).fill(200));
    const urls = new Set(answers.map((a) => inputValue(a.html, 'feed-url')));
    expect(urls.size).toBe(1);
    const [url] = [...urls];
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await db.calendarFeedToken.count({ where: { personId: lotte.personId } })).toBe(1);
    const feed = await fetch(`${t.baseUrl}${new URL(url!).pathname}`);
    expect([feed.status, (await feed.text()).startsWith('BEGIN:VCALENDAR')]).toEqual([200, true]);
    // The browser's reload posts the same key again: the same link, nothing new made.
    const reload = await lotte.post('/agenda-abonnement', { submissionKey });
    expect(inputValue(reload.html, 'feed-url')).toBe(url);
    expect(await db.calendarFeedToken.count({ where: { personId: lotte.personId } })).toBe(1);
    // The link is on no GET, and the ledger keeps neither the key nor the token.
    expect((await lotte.get('/agenda-abonnement')).html).not.toContain(url!);
    const kept = JSON.stringify(
      await db.formSubmission.findMany({ where: { scope: 'calendar-feed-renew' } }),
    );
    expect(kept).not.toContain(submissionKey);
    expect(kept).not.toContain(new URL(url!).pathname.slice('/calendar/'.length, -'.ics'.length));
    // A fresh form is a new link, and the old one stops working.
    const next = await lotte.post('/agenda-abonnement', {
      submissionKey: formKey((await lotte.get('/agenda-abonnement')).html, '/agenda-abonnement'),
    });
    expect(inputValue(next.html, 'feed-url')).not.toBe(url);
    expect((await fetch(`${t.baseUrl}${new URL(url!).pathname}`)).status).toBe(404);
  }, 60_000);

  it('revoking the subscription and the reminder choice: fifteen posts of one form change once and all land alike', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const revokeAt = '/agenda-abonnement/intrekken';
    const revokeKey = formKey((await lotte.get('/agenda-abonnement')).html, revokeAt);
    const revoked = await postConcurrently(lotte, revokeAt, { submissionKey: revokeKey }, RACERS);
    // Every press lands on "ingetrokken", none on "u had geen actief abonnement".
    expect(revoked.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, '/agenda-abonnement?melding=ingetrokken']),
    );
    expect(await db.calendarFeedToken.count({ where: { personId: lotte.personId, revokedAt: null } })).toBe(
      0,
    );
    expect(await db.formSubmission.count({ where: { key: revokeKey, scope: 'calendar-feed-revoke' } })).toBe(
      1,
    );
    // Without the key (an old form) the repeat finds nothing left to revoke.
    expect((await lotte.post(revokeAt, {})).location).toBe('/agenda-abonnement?melding=geen');

    const reminderAt = '/agenda-abonnement/herinnering';
    const submissionKey = formKey((await lotte.get('/agenda-abonnement')).html, reminderAt);
    const chosen = await postConcurrently(lotte, reminderAt, { herinnering: '1u', submissionKey }, RACERS);
    expect(chosen.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, '/agenda-abonnement?melding=herinnering']),
    );
    const minutes = async () =>
      (await db.person.findUniqueOrThrow({ where: { id: lotte.personId } })).calendarReminderMinutes;
    expect(await minutes()).toBe(60);
    expect(await db.formSubmission.count({ where: { key: submissionKey, scope: 'calendar-reminder' } })).toBe(
      1,
    );
    const reload = await lotte.get(chosen[0]!.location!);
    expect(textOf(reload.html)).toContain('Uw keuze voor de herinnering is bewaard.');
    const other = await lotte.post(reminderAt, { herinnering: '1d', submissionKey });
    expect(other.status).toBe(409);
    expect(textOf(other.html)).toContain(REUSED);
    expect(await minutes()).toBe(60);
  }, 60_000);

  /** A row as the worker leaves it after its last attempt. */
  const failedMail = async (to: string): Promise<string> =>
    (
      await db.mailOutbox.create({
        data: {
          idempotencyKey: `test-failed|${randomUUID()}`,
          purpose: 'test',
          templateKey: 'test',
          recipientEmail: to,
          messageId: `<${randomUUID()}@overlegtafels.example.be>`,
          fromAddress: 'CO3 Antwerpen overlegtafels <overlegtafels@example.be>',
          subject: 'Uitnodiging ICO-2026-0042',
          body: {
            connectOrCreate: {
              where: { digest: mailBodyDigest('Testbericht.', null) },
              create: { digest: mailBodyDigest('Testbericht.', null), textBody: 'Testbericht.' },
            },
          },
          status: 'failed',
          attempts: 5,
          lastError: 'connect ECONNREFUSED 127.0.0.1:25',
        },
        select: { id: true },
      })
    ).id;
  const delivered = async (to: string) => (await t.sink.list()).filter((m) => m.to.includes(to)).length;
  const sentRow = (id: string) =>
    eventually(async () => {
      const row = await db.mailOutbox.findUniqueOrThrow({ where: { id } });
      return row.status === 'sent' ? row : undefined;
    }, 'the outbox row is marked sent');

  it('the retry of a failed mail: fifteen presses of one button send it once; a later reload answers the same', async () => {
    const id = await failedMail('opnieuw-1@example.org');
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const action = `/beheer/mails/${id}/retry`;
    const submissionKey = formKey((await lotte.get('/beheer/mails')).html, action);
    const answers = await postConcurrently(lotte, action, { submissionKey }, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, '/beheer/mails?melding=opnieuw']),
    );
    await sentRow(id);
    await eventually(async () => ((await delivered('opnieuw-1@example.org')) > 0 ? true : undefined), 'sent');
    // Pressed again once it is sent: the first answer ("in de wachtrij"), not "niet (meer) mislukt".
    const again = await lotte.post(action, { submissionKey });
    expect([again.status, again.location]).toEqual([303, '/beheer/mails?melding=opnieuw']);
    expect(textOf((await lotte.get(again.location!)).html)).toContain(
      'De mail staat opnieuw in de wachtrij.',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await delivered('opnieuw-1@example.org')).toBe(1);
    expect(await db.formSubmission.count({ where: { scope: 'mail-retry', key: submissionKey } })).toBe(1);
  }, 90_000);

  it('the retry over the API: fifteen calls with one Idempotency-Key send once; the key for another mail is a 409', async () => {
    const id = await failedMail('opnieuw-2@example.org');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const url = `/api/admin/mail/outbox/${id}/retry`;
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, lotte, url, {}, 'retry-lotte-0001')),
    );
    expect(answers).toEqual(Array(RACERS).fill({ status: 202, body: { id, status: 'pending' } }));
    await sentRow(id);
    const other = await failedMail('opnieuw-3@example.org');
    const reused = await postWithKey(
      t,
      lotte,
      `/api/admin/mail/outbox/${other}/retry`,
      {},
      'retry-lotte-0001',
    );
    expect(reused.status).toBe(409);
    expect((await db.mailOutbox.findUniqueOrThrow({ where: { id: other } })).status).toBe('failed');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await delivered('opnieuw-2@example.org')).toBe(1);
    expect(await delivered('opnieuw-3@example.org')).toBe(0);
  }, 90_000);

  it('the beheerder’s deactivation and activation: eight posts of one form change and audit once each', async () => {
    const beheer = await pageUser(t, 'beheer@example.be');
    const tom = await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } });
    const audited = (action: string) => db.auditEvent.count({ where: { action, entityId: tom.id } });
    for (const [form, action, active] of [
      ['deactiveren', 'beheer.person.deactivate', false],
      ['activeren', 'beheer.person.activate', true],
    ] as const) {
      const url = `/beheer/personen/${tom.id}/${form}`;
      const submissionKey = formKey((await beheer.get(`/beheer/personen/${tom.id}`)).html, url);
      const answers = await postConcurrently(beheer, url, { reason: 'Overgeplaatst.', submissionKey }, 8);
      expect(new Set(answers.map((a) => `${a.status} ${a.location}`)).size).toBe(1);
      expect(answers[0]!.status).toBe(303);
      expect((await db.person.findUniqueOrThrow({ where: { id: tom.id } })).active).toBe(active);
      expect(await audited(action)).toBe(1);
    }
  }, 60_000);
});
