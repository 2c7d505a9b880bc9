import { ListFailedMailUseCase } from '@overlegtafels/application';
import { anOutboxMessage, FakeMailOutbox, principalWith } from '@overlegtafels/testing';

describe('ListFailedMailUseCase', () => {
  const coordinator = principalWith('coord', [{ role: 'coordinator', tableKey: 'ico' }]);

  it('lists only the failed rows, most recently failed first, up to the limit', async () => {
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
    expect(failed.map((f) => f.idempotencyKey)).toEqual(['new', 'old']);
    expect(failed[0]).toMatchObject({ subject: 'Nieuw', attempts: 5, lastError: '550 mailbox unavailable' });
    expect((await useCase.execute(coordinator, { limit: 1 })).map((f) => f.idempotencyKey)).toEqual(['new']);
  });

  it('shows a beheerder who coordinates nothing the failed mails without their subjects (dossier codes)', async () => {
    const outbox = new FakeMailOutbox();
    await outbox.seed(anOutboxMessage('m1', { subject: 'Agenda ICO – CO3-2026-0001' }), { status: 'failed' });
    const beheerder = principalWith('beheer', [{ role: 'admin', tableKey: null }]);
    const failed = await new ListFailedMailUseCase(outbox).execute(beheerder);
    expect(failed.map((f) => [f.idempotencyKey, f.subject])).toEqual([['m1', '']]);
  });

  it('refuses a table member', async () => {
    const member = principalWith('lid', [{ role: 'member', tableKey: 'ico' }]);
    await expect(new ListFailedMailUseCase(new FakeMailOutbox()).execute(member)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});
