import { ReadOutboxStatusUseCase } from '@overlegtafels/application';
import { anOutboxMessage, FakeMailOutbox, principalWith } from '@overlegtafels/testing';

describe('ReadOutboxStatusUseCase', () => {
  const admin = principalWith('admin', [{ role: 'admin', tableKey: null }]);

  it('tells where a message stands, without its recipient or content', async () => {
    const outbox = new FakeMailOutbox();
    const id = await outbox.seed(anOutboxMessage('k', { purpose: 'test' }), {
      status: 'pending',
      attempts: 2,
      lastError: '421 later',
    });
    expect(await new ReadOutboxStatusUseCase(outbox).execute(admin, { outboxId: id })).toEqual({
      id,
      purpose: 'test',
      status: 'pending',
      attempts: 2,
      lastError: '421 later',
      sentAt: null,
    });
  });

  it('answers not_found for an unknown id', async () => {
    await expect(
      new ReadOutboxStatusUseCase(new FakeMailOutbox()).execute(admin, { outboxId: 'nope' }),
    ).rejects.toMatchObject({ code: 'OUTBOX_NOT_FOUND', kind: 'not_found' });
  });

  it('refuses someone who does not look after the mail', async () => {
    const regisseur = principalWith('r', [{ role: 'casusregisseur', tableKey: null }]);
    await expect(
      new ReadOutboxStatusUseCase(new FakeMailOutbox()).execute(regisseur, { outboxId: 'x' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
