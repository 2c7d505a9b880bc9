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
  describe('a batch job', () => {
    const refusal = () => Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 });

    it('sends its rows in order and holds them for its job only', async () => {
      const ids: string[] = [];
      for (const k of ['a', 'b', 'c']) ids.push((await outbox.add(anOutboxMessage(`batch|${k}`))).id);
      const other = await outbox.claimMany([ids[2]!], clock.now(), {
        jobId: 'other-job',
        heldAfter: new Date(0),
      });
      expect(other).toHaveLength(1);

      expect(await useCase.executeBatch({ outboxIds: ids }, 'batch-job')).toEqual({
        sent: 2,
        refused: 0,
        rejected: 0,
        skipped: 1,
      });
      expect(smtp.sent.map((m) => m.envelope.to)).toEqual(['lid@example.be', 'lid@example.be']);
      expect((await outbox.find(ids[2]!))?.status).toBe('sending');
    });

    it('fails a recipient refused for good and goes on; any other error ends the batch', async () => {
      const ids: string[] = [];
      for (const k of ['a', 'b', 'c']) ids.push((await outbox.add(anOutboxMessage(`batch|${k}`))).id);
      const send = smtp.send.bind(smtp);
      let n = 0;
      jest.spyOn(smtp, 'send').mockImplementation(async (m) => {
        n++;
        if (n === 1) throw refusal();
        if (n === 2) throw new Error('421 try again later');
        return send(m);
      });

      await expect(useCase.executeBatch({ outboxIds: ids }, 'batch-job')).rejects.toThrow('421');
      expect(await outbox.find(ids[0]!)).toMatchObject({
        status: 'failed',
        lastError: '550 5.1.1 mailbox unavailable',
      });
      expect((await outbox.find(ids[1]!))?.status).toBe('sending');

      expect(await useCase.executeBatch({ outboxIds: ids }, 'batch-job')).toMatchObject({
        sent: 2,
        skipped: 1,
      });
      expect(smtp.sent).toHaveLength(2);
      expect((await Promise.all(ids.map((id) => outbox.find(id)))).map((r) => r?.status)).toEqual([
        'failed',
        'sent',
        'sent',
      ]);
    });

    it('outside a batch a 5xx goes to the job, whose retries decide', async () => {
      const { id } = await outbox.add(anOutboxMessage('k'));
      smtp.failWith = refusal();
      await expect(useCase.execute({ outboxId: id }, 'single-job')).rejects.toThrow('550');
      expect((await outbox.find(id))?.status).toBe('sending');
    });
  });
});
