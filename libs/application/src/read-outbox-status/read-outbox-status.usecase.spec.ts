import { MailRegions, ReadOutboxStatusUseCase } from '@overlegtafels/application';
import {
  anOutboxMessage,
  ControlledClock,
  FakeAgendaSessionRepository,
  FakeAuditLog,
  FakeDossierRepository,
  FakeMailOutbox,
  FakePersonDirectory,
  principalWith,
} from '@overlegtafels/testing';

const clock = new ControlledClock('2026-12-03T09:00:00Z');
const people = new FakePersonDirectory();
people.addPerson({ id: 'lid-1', email: 'lid@example.be', displayName: 'Lid', regionId: 'region-1' });
people.addPerson({ id: 'lid-2', email: 'ander@example.org', displayName: 'Ander', regionId: 'region-2' });
const regions = new MailRegions(people, new FakeAgendaSessionRepository(), new FakeDossierRepository());
const status = (outbox: FakeMailOutbox, audit = new FakeAuditLog()) =>
  new ReadOutboxStatusUseCase(outbox, regions, audit, clock);

describe('ReadOutboxStatusUseCase', () => {
  const admin = principalWith('admin', [{ role: 'admin', tableKey: null }]);

  it('tells where a message stands, without its recipient or content', async () => {
    const outbox = new FakeMailOutbox();
    const id = await outbox.seed(anOutboxMessage('k', { purpose: 'test' }), {
      status: 'pending',
      attempts: 2,
      lastError: '421 later',
    });
    expect(await status(outbox).execute(admin, { outboxId: id })).toEqual({
      id,
      purpose: 'test',
      status: 'pending',
      attempts: 2,
      lastError: '421 later',
      sentAt: null,
    });
  });

  it('answers not_found for an unknown id', async () => {
    await expect(status(new FakeMailOutbox()).execute(admin, { outboxId: 'nope' })).rejects.toMatchObject({
      code: 'OUTBOX_NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('refuses someone who does not look after the mail', async () => {
    const regisseur = principalWith('r', [{ role: 'casusregisseur', tableKey: null }]);
    await expect(status(new FakeMailOutbox()).execute(regisseur, { outboxId: 'x' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('answers another region’s mail like an unknown one, and logs the attempt', async () => {
    const outbox = new FakeMailOutbox();
    const other = await outbox.seed(anOutboxMessage('k2', { recipientPersonId: 'lid-2' }), {
      status: 'sent',
    });
    const own = await outbox.seed(anOutboxMessage('k3', { recipientPersonId: 'lid-1' }), { status: 'sent' });
    const coordinator = principalWith('c', [{ role: 'coordinator', tableKey: 'ico' }]);
    const audit = new FakeAuditLog();
    await expect(status(outbox, audit).execute(coordinator, { outboxId: other })).rejects.toMatchObject({
      code: 'OUTBOX_NOT_FOUND',
      kind: 'not_found',
    });
    expect(audit.of('mail.status')).toMatchObject([{ entityId: other, outcome: 'denied' }]);
    expect((await status(outbox).execute(coordinator, { outboxId: own })).purpose).toBe('agenda');
  });
});
