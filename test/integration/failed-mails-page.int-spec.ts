import { randomUUID } from 'node:crypto';
import { createPrismaClient, mailBodyDigest } from '@overlegtafels/persistence';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/** The coordinators' page of mails the worker gave up on, and its retry button. */
describe('failed mails page', () => {
  let t: TestApp;
  let prisma: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp();
    prisma = createPrismaClient(t.db.url, 1);
  }, 60_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await t?.close();
  });

  /** A row as the worker leaves it after its last attempt. */
  async function failedMail(to: string): Promise<string> {
    const row = await prisma.mailOutbox.create({
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
    });
    return row.id;
  }

  const pageHeaders = (cookie: string) => ({ cookie, accept: 'text/html' });

  it('lists a failed mail for a coordinator, links it in the menu, and refuses an aanmelder', async () => {
    const id = await failedMail('mislukt-1@example.org');
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await fetch(`${t.baseUrl}/beheer/mails`, { headers: pageHeaders(coordinator.cookie) });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('mislukt-1@example.org');
    expect(html).toContain('Uitnodiging ICO-2026-0042');
    expect(html).toContain('connect ECONNREFUSED 127.0.0.1:25');
    expect(html).toContain(`action="/beheer/mails/${id}/retry"`);
    expect(html).toContain(`name="_csrf" value="${coordinator.csrfToken}"`);
    expect(html).toContain('href="/beheer/mails"');

    const aanmelder = await loginAs(t, 'eva.wouters@example.org');
    const refused = await fetch(`${t.baseUrl}/beheer/mails`, { headers: pageHeaders(aanmelder.cookie) });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('mislukt-1@example.org');
    const home = await (await fetch(`${t.baseUrl}/`, { headers: pageHeaders(aanmelder.cookie) })).text();
    expect(home).not.toContain('href="/beheer/mails"');
  });

  it('refuses a retry without the CSRF token and leaves the row failed', async () => {
    const id = await failedMail('mislukt-2@example.org');
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await fetch(`${t.baseUrl}/beheer/mails/${id}/retry`, {
      method: 'POST',
      headers: { ...pageHeaders(coordinator.cookie), 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect((await prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).status).toBe('failed');
  });

  it('retries through the worker to SMTP with the form, and marks the row sent', async () => {
    const id = await failedMail('mislukt-3@example.org');
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await fetch(`${t.baseUrl}/beheer/mails/${id}/retry`, {
      method: 'POST',
      headers: { ...pageHeaders(coordinator.cookie), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: coordinator.csrfToken }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/beheer/mails?melding=opnieuw');

    await eventually(
      async () => (await t.sink.list()).find((m) => m.to.includes('mislukt-3@example.org')),
      'the retried mail reaches SMTP',
    );
    const row = await eventually(async () => {
      const r = await prisma.mailOutbox.findUniqueOrThrow({ where: { id } });
      return r.status === 'sent' ? r : undefined;
    }, 'the outbox row is marked sent');
    expect(row.lastError).toBeNull();

    const page = await fetch(`${t.baseUrl}/beheer/mails?melding=opnieuw`, {
      headers: pageHeaders(coordinator.cookie),
    });
    const html = await page.text();
    expect(html).toContain('De mail staat opnieuw in de wachtrij.');
    expect(html).not.toContain('mislukt-3@example.org');

    // A second click on a stale page finds nothing to retry and says so.
    const again = await coordinator.post(`/api/admin/mail/outbox/${id}/retry`);
    expect(again.status).toBe(404);
  });
});
