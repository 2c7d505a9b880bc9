import { ListFailedMailUseCase } from '@overlegtafels/application';
import { anOutboxMessage, FakeMailOutbox, principalWith } from '@overlegtafels/testing';

describe('ListFailedMailUseCase', () => {
  const coordinator = principalWith('coord', [{ role: 'coordinator', tableKey: 'ico' }]);

  it('lists only the failed rows, most recently failed first, a page at a time with the total', async () => {
    const outbox = new FakeMailOutbox();
    await outbox.seed(anOutboxMessage('old'), {
      status: 'failed',
      updatedAt: new Date('2026-03-01T08:00:00Z'),
    });
    await outbox.seed(anOutboxMessage('sent'), { status: 'sent' });
    await outbox.seed(anOutboxMessage('new', { subject: 'Nieuw' }), {
      status: 'failed',
      attempts: 5,
      lastError: '550 mailbox unavailable',
      updatedAt: new Date('2026-03-02T08:00:00Z'),
    });
    const useCase = new ListFailedMailUseCase(outbox);
    const failed = await useCase.execute(coordinator);
    expect(failed.items.map((f) => f.idempotencyKey)).toEqual(['new', 'old']);
    expect([failed.total, failed.next, failed.previous]).toEqual([2, undefined, undefined]);
    expect(failed.items[0]).toMatchObject({
      subject: 'Nieuw',
      attempts: 5,
      lastError: '550 mailbox unavailable',
    });
    const first = await useCase.execute(coordinator, { limit: 1 });
    expect([first.items.map((f) => f.idempotencyKey), first.total]).toEqual([['new'], 2]);
    const second = await useCase.execute(coordinator, { limit: 1, after: first.next });
    expect([second.items.map((f) => f.idempotencyKey), second.next]).toEqual([['old'], undefined]);
    const back = await useCase.execute(coordinator, { limit: 1, before: second.previous });
    expect(back.items.map((f) => f.idempotencyKey)).toEqual(['new']);
    await expect(useCase.execute(coordinator, { after: 'gisteren' })).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'after' })],
    });
  });

  it('shows a beheerder who coordinates nothing the failed mails without their subjects (dossier codes)', async () => {
    const outbox = new FakeMailOutbox();
    await outbox.seed(anOutboxMessage('m1', { subject: 'Agenda ICO – CO3-2026-0001' }), { status: 'failed' });
    const beheerder = principalWith('beheer', [{ role: 'admin', tableKey: null }]);
    const failed = await new ListFailedMailUseCase(outbox).execute(beheerder);
    expect(failed.items.map((f) => [f.idempotencyKey, f.subject])).toEqual([['m1', '']]);
  });

  it('refuses a table member', async () => {
    const member = principalWith('lid', [{ role: 'member', tableKey: 'ico' }]);
    await expect(new ListFailedMailUseCase(new FakeMailOutbox()).execute(member)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});
