import { SendOutboxMailUseCase } from '@overlegtafels/application';
import { anOutboxMessage, ControlledClock, FakeMailSender, FakeMailOutbox } from '@overlegtafels/testing';

describe('SendOutboxMailUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let outbox: FakeMailOutbox;
  let smtp: FakeMailSender;
  let useCase: SendOutboxMailUseCase;

  beforeEach(() => {
    outbox = new FakeMailOutbox();
    smtp = new FakeMailSender();
    useCase = new SendOutboxMailUseCase(outbox, smtp, clock);
  });

  it('hands the stored message to SMTP once and marks the row sent', async () => {
    const { id } = await outbox.add(anOutboxMessage('agenda|s1|lid', { textBody: 'De agenda van maandag.' }));
    expect(await useCase.execute({ outboxId: id })).toBe('sent');
    expect(smtp.sent).toHaveLength(1);
    expect(smtp.sent[0]!.envelope).toEqual({ from: 'overlegtafels@example.be', to: 'lid@example.be' });
    expect(smtp.sent[0]!.raw.toString('latin1')).toContain(
      'Message-ID: <agenda-s1-lid@overlegtafels.example.be>',
    );
    expect(await outbox.find(id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now() });
  });

  it('claims a row once: a second job for a sent row sends nothing', async () => {
    const { id } = await outbox.add(anOutboxMessage('k'));
    await useCase.execute({ outboxId: id });
    expect(await useCase.execute({ outboxId: id })).toBe('already-sent');
    expect(smtp.sent).toHaveLength(1);
    expect((await outbox.find(id))?.attempts).toBe(1);
  });

  it('answers missing for a row that does not exist', async () => {
    expect(await useCase.execute({ outboxId: 'nope' })).toBe('missing');
    expect(smtp.sent).toEqual([]);
  });

  it('marks a row it refuses to assemble failed at once, without sending', async () => {
    const { id } = await outbox.add(anOutboxMessage('k', { recipientEmail: 'geen adres' }));
    expect(await useCase.execute({ outboxId: id })).toBe('refused');
    expect(smtp.sent).toEqual([]);
    expect(await outbox.find(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await outbox.find(id))?.lastError).toBeTruthy();
  });

  it('lets an SMTP failure through for the job to retry, and leaves the row unsent', async () => {
    const { id } = await outbox.add(anOutboxMessage('k'));
    smtp.failWith = new Error('421 try again later');
    await expect(useCase.execute({ outboxId: id })).rejects.toThrow('421 try again later');
    expect((await outbox.find(id))?.status).toBe('sending');
    await useCase.recordFailure({ outboxId: id }, smtp.failWith, false);
    expect(await outbox.find(id)).toMatchObject({ status: 'pending', lastError: '421 try again later' });
    await useCase.recordFailure({ outboxId: id }, smtp.failWith, true);
    expect((await outbox.find(id))?.status).toBe('failed');
  });

  it('fails the job when the row’s body is gone', async () => {
    const { id } = await outbox.add(anOutboxMessage('k'));
    outbox.bodies.restore(new Map());
    await expect(useCase.execute({ outboxId: id })).rejects.toThrow(/body .* not found/);
    expect(smtp.sent).toEqual([]);
  });
});
