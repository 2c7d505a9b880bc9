import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { createPrismaClient, PrismaService } from '../prisma.service';
import { asTransaction } from '../transaction';
import { PrismaRegionRepository } from './region.repository';

describe('PrismaRegionRepository.idOf', () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient(db.url, 2);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  const region = (key: string) =>
    prisma.region.create({
      data: {
        key,
        name: `Regio ${key}`,
        mailFromName: 'Overlegtafels',
        mailFromAddress: 'overlegtafels@example.be',
      },
      select: { id: true },
    });

  it("returns the region's row id, and the cached one once it has been read", async () => {
    const { id } = await region('regio-cache');
    const regions = new PrismaRegionRepository(prisma as unknown as PrismaService);
    expect(await regions.idOf('regio-cache')).toBe(id);
    // Regions do not change at runtime: a second look-up is served without the database.
    await prisma.region.update({ where: { id }, data: { key: 'regio-hernoemd' } });
    expect(await regions.idOf('regio-cache')).toBe(id);
    expect(await new PrismaRegionRepository(prisma as unknown as PrismaService).idOf('regio-hernoemd')).toBe(
      id,
    );
  });

  it('fails on a region that is not in the database, and keeps failing until it is', async () => {
    const regions = new PrismaRegionRepository(prisma as unknown as PrismaService);
    await expect(regions.idOf('regio-onbekend')).rejects.toThrow(
      'region regio-onbekend is not in the database',
    );
    await expect(regions.idOf('regio-onbekend')).rejects.toThrow(
      'region regio-onbekend is not in the database',
    );
    const { id } = await region('regio-onbekend');
    expect(await regions.idOf('regio-onbekend')).toBe(id);
  });

  it('reads the first look-up in the transaction it is given, not on another connection of the pool', async () => {
    const { id } = await region('regio-transactie');
    // One connection, held by the transaction: a read on the pool would wait for it until the pool gave up.
    const single = createPrismaClient(db.url, 1);
    try {
      const regions = new PrismaRegionRepository(single as unknown as PrismaService);
      const started = Date.now();
      const found = await single.$transaction((tx) => regions.idOf('regio-transactie', asTransaction(tx)));
      expect(found).toBe(id);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await single.$disconnect();
    }
  });
});
