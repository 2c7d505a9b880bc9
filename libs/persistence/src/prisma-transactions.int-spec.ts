import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { createPrismaClient } from './prisma.service';

/**
 * Prisma reads an include's relations side by side; inside an interactive transaction they share
 * one pg connection, and pg warns (pg 9 will refuse) when a query is sent while another runs.
 */
describe('queries of an interactive transaction', () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;
  /** The most queries one pg connection had running at once (pg 9 refuses more than one). */
  let mostAtOnce = 0;
  const running = new WeakMap<Client, number>();

  beforeAll(async () => {
    db = await createTestDatabase({ seed: 'demo' });
    prisma = createPrismaClient(db.url, 2);
    const query = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const now = (running.get(this) ?? 0) + 1;
      running.set(this, now);
      mostAtOnce = Math.max(mostAtOnce, now);
      const done = () => running.set(this, (running.get(this) ?? 1) - 1);
      const result = query.apply(this, args);
      if (result instanceof Promise) void result.then(done, done);
      else done();
      return result as never;
    });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('go to the connection one after the other, with the same rows as outside', async () => {
    const outside = await prisma.region.findFirstOrThrow({
      include: { organisations: true, persons: true, tableMemberships: true },
    });
    const inside = await prisma.$transaction((tx) =>
      tx.region.findFirstOrThrow({
        include: { organisations: true, persons: true, tableMemberships: true },
      }),
    );

    expect(inside.persons.length).toBeGreaterThan(5);
    expect(inside.organisations.map((o) => o.id).sort()).toEqual(
      outside.organisations.map((o) => o.id).sort(),
    );
    expect(inside.tableMemberships).toHaveLength(outside.tableMemberships.length);
    expect(mostAtOnce).toBe(1);
  });

  it('keep going after a statement of the transaction fails', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SELECT no_such_column FROM "Region"');
      }),
    ).rejects.toThrow();
    const count = await prisma.$transaction((tx) => tx.region.count());
    expect(count).toBeGreaterThan(0);
  });
});
