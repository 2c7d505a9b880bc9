import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { createPrismaClient, PrismaService } from '../../prisma.service';
import { seedIfEmpty } from '../../seed/seed';
import { asTransaction, type Transaction } from '../../transaction';
import { PrismaCalendarStateRepository } from '../calendar-state.repository';
import { PrismaObligationReadModel } from './prisma-obligation-read-model';
import { PrismaObligationRepository } from './prisma-obligation.repository';
import { PrismaReminderSweepClaim } from './prisma-reminder-sweep-claim';

const placement = {
  ownerId: null,
  ownerRole: 'casusregisseur' as const,
  tableKey: 'weegploeg',
  itemType: 'plan-van-aanpak',
  sessionKey: 'weegploeg:2026-05-05',
};

describe('the obligation repositories on PostgreSQL', () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;
  let repo: PrismaObligationRepository;
  let claims: PrismaReminderSweepClaim;
  let reads: PrismaObligationReadModel;
  let dossierId: string;
  let regionId: string;
  let sequence = 0;

  const tx = <T>(work: (t: Transaction) => Promise<T>) => prisma.$transaction((c) => work(asTransaction(c)));
  const stepsOf = (obligationId: string) =>
    prisma.obligationReminder.findMany({
      where: { obligationId },
      select: { stepKey: true, enqueuedAt: true, superseded: true },
      orderBy: { stepKey: 'asc' },
    });
  const add = (steps: { stepKey: string; sendAt: Date }[], dueAt = new Date('2026-05-04T10:00:00Z')) =>
    tx((t) =>
      repo.addObligation(
        t,
        {
          dossierId,
          ruleKey: 'test-rule',
          sequence: sequence++,
          placement,
          dueAt,
          status: 'open',
          fulfilment: null,
        },
        steps,
      ),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.url, { demo: true });
    prisma = createPrismaClient(db.url, 3);
    const service = prisma as unknown as PrismaService;
    repo = new PrismaObligationRepository(service, new PrismaCalendarStateRepository(service));
    claims = new PrismaReminderSweepClaim(service);
    reads = new PrismaObligationReadModel(service);
    const dossier = await prisma.dossier.findFirstOrThrow({ select: { id: true, regionId: true } });
    dossierId = dossier.id;
    regionId = dossier.regionId;
  }, 60_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('reads a dossier to plan under its lock, and nothing for an unknown one', async () => {
    const read = await tx((t) => repo.lockDossierToPlan(t, dossierId));
    expect(read?.dossier.id).toBe(dossierId);
    expect(Array.isArray(read?.decisions) && Array.isArray(read?.agendaItems)).toBe(true);
    expect(
      await tx((t) => repo.lockDossierToPlan(t, '00000000-0000-4000-8000-000000000000')),
    ).toBeUndefined();
  });

  it('replaces the unsent steps on a new due date and keeps the ones sent; fulfilment drops the unsent ones', async () => {
    const id = await add([
      { stepKey: 'reminder-2d-due-2026-05-04', sendAt: new Date('2026-05-01T06:00:00Z') },
      { stepKey: 'reminder-0d-due-2026-05-04', sendAt: new Date('2026-05-04T06:00:00Z') },
    ]);
    await tx((t) =>
      claims.markSent(t, id, { stepKey: 'reminder-2d-due-2026-05-04', sendAt: new Date() }, new Date()),
    );
    await tx((t) =>
      repo.reschedule(t, id, { placement, dueAt: new Date('2026-05-18T10:00:00Z'), reopen: false }, [
        { stepKey: 'reminder-0d-due-2026-05-18', sendAt: new Date('2026-05-18T06:00:00Z') },
      ]),
    );
    expect((await stepsOf(id)).map((s) => [s.stepKey, s.enqueuedAt !== null])).toEqual([
      ['reminder-0d-due-2026-05-18', false],
      ['reminder-2d-due-2026-05-04', true],
    ]);
    await tx((t) =>
      repo.markFulfilled(t, id, {
        at: new Date('2026-05-10T09:00:00Z'),
        kind: 'agenda-item',
        agendaItemId: null,
      }),
    );
    expect((await stepsOf(id)).map((s) => s.stepKey)).toEqual(['reminder-2d-due-2026-05-04']);
    expect(await prisma.followUpObligation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'agenda-item',
      dueAt: new Date('2026-05-18T10:00:00Z'),
    });
  });

  it('marks done by hand once: a second time finds it no longer open', async () => {
    const id = await add([]);
    const person = await prisma.person.findFirstOrThrow({ select: { id: true } });
    const at = new Date('2026-05-05T09:00:00Z');
    expect(await tx((t) => repo.fulfilManually(t, id, person.id, 'Gebeld.', at))).toBe(true);
    expect(await tx((t) => repo.fulfilManually(t, id, person.id, 'Nog eens.', at))).toBe(false);
    expect(await repo.findToFulfil(id)).toMatchObject({ id, dossierId, regionId, status: 'fulfilled' });
    const listed = await reads.list({ regionId, dossierId, status: 'fulfilled' });
    expect(listed.find((r) => r.id === id)).toMatchObject({
      fulfilmentNote: 'Gebeld.',
      fulfilmentKind: 'manual',
    });
  });

  it('finds due unsent steps of open obligations, and lets one sweep claim an obligation while another skips it', async () => {
    const id = await add([
      { stepKey: 'reminder-0d-due-2026-05-04', sendAt: new Date('2026-05-04T06:00:00Z') },
    ]);
    const now = new Date('2026-05-04T07:00:00Z');
    expect((await claims.findDueSteps(now, 100)).filter((s) => s.obligationId === id)).toEqual([
      {
        obligationId: id,
        stepKey: 'reminder-0d-due-2026-05-04',
        ruleKey: 'test-rule',
        dueAt: new Date('2026-05-04T10:00:00Z'),
      },
    ]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let claimed!: () => void;
    const first = new Promise<void>((resolve) => (claimed = resolve));
    const holder = tx(async (t) => {
      const o = await claims.claim(t, id);
      claimed();
      await held;
      return o?.id;
    });
    await first;
    expect(await tx((t) => claims.claim(t, id))).toBeUndefined();
    release();
    expect(await holder).toBe(id);
    await tx((t) => repo.cancel(t, id, now, 'weg'));
    expect((await claims.findDueSteps(now, 100)).filter((s) => s.obligationId === id)).toEqual([]);
    expect(await tx((t) => claims.claim(t, id))).toBeUndefined();
  });
});
