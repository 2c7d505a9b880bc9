import { hashToken } from '@overlegtafels/auth';
import type { AppConfig } from '@overlegtafels/config';
import { RequestLoginLinkUseCase } from '@overlegtafels/application';
import { mailIdentity, MailComposer } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeMailJobQueue,
  FakeMailOutbox,
  FakePersonDirectory,
} from '@overlegtafels/testing';

const identity = mailIdentity('Overlegtafels <overlegtafels@example.be>', 'CO3 (demo)');
const config = { regions: ['co3'], publicUrl: 'https://overleg.example.be' } as AppConfig;

describe('RequestLoginLinkUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let people: FakePersonDirectory;
  let outbox: FakeMailOutbox;
  let queue: FakeMailJobQueue;
  let useCase: RequestLoginLinkUseCase;

  beforeEach(() => {
    people = new FakePersonDirectory().addPeople([
      { id: 'p1', displayName: 'Lotte Verbeke', email: 'lotte@example.be', regionKey: 'co3', active: true },
      { id: 'p2', displayName: 'Oud Lid', email: 'oud@example.be', regionKey: 'co3', active: false },
      {
        id: 'p3',
        displayName: 'Elders',
        email: 'elders@example.be',
        regionKey: 'vlaams-brabant',
        active: true,
      },
    ]);
    outbox = new FakeMailOutbox();
    queue = new FakeMailJobQueue();
    useCase = new RequestLoginLinkUseCase(
      people,
      outbox,
      queue,
      new MailComposer(identity),
      identity,
      clock,
      config,
    );
  });

  it('mails a known address a one-time link valid for 15 minutes, storing only the token’s hash', async () => {
    await useCase.execute({ email: 'Lotte@Example.be', next: '/tafels' });
    expect(people.loginTokens).toHaveLength(1);
    const [token] = people.loginTokens;
    expect(token).toMatchObject({ personId: 'p1', expiresAt: new Date('2026-03-02T09:15:00Z') });
    const [row] = outbox.rows.all();
    expect(row).toMatchObject({
      purpose: 'login-link',
      recipientEmail: 'lotte@example.be',
      status: 'pending',
    });
    expect(row!.message.payload).toEqual({ personId: 'p1' });
    const link = row!.message.textBody.match(
      /https:\/\/overleg\.example\.be\/login\/link\/([\w-]{43})\?next=%2Ftafels/,
    );
    expect(link).not.toBeNull();
    expect(hashToken(link![1]!)).toBe(token!.tokenHash);
    expect(row!.message.subject).not.toContain('Lotte');
    expect(queue.jobs).toEqual([{ outboxId: row!.id, idempotencyKey: row!.idempotencyKey, delayMs: 0 }]);
  });

  it('replaces the person’s unused link with the new one: one valid link at a time', async () => {
    await useCase.execute({ email: 'lotte@example.be' });
    const [first] = people.loginTokens;
    await useCase.execute({ email: 'lotte@example.be' });
    expect(people.loginTokens).toHaveLength(1);
    expect(people.loginTokens[0]!.tokenHash).not.toBe(first!.tokenHash);
    expect(await people.consumeLoginToken(first!.tokenHash, clock.now())).toBeUndefined();
    expect(await people.consumeLoginToken(people.loginTokens[0]!.tokenHash, clock.now())).toBe('p1');
  });

  it.each([
    ['an unknown address', 'niemand@example.be'],
    ['an inactive person', 'oud@example.be'],
    ['a person of another region', 'elders@example.be'],
  ])('answers %s the same, and sends nothing', async (_who, email) => {
    await expect(useCase.execute({ email })).resolves.toBeUndefined();
    expect(people.loginTokens).toEqual([]);
    expect(outbox.rows.all()).toEqual([]);
    expect(queue.jobs).toEqual([]);
  });
});
