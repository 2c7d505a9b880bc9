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

  it('answers the key of a row id, and nothing for an id that names no region', async () => {
    const { id } = await region('regio-sleutel');
    const regions = new PrismaRegionRepository(prisma as unknown as PrismaService);
    expect(await regions.keyOf(id)).toBe('regio-sleutel');
    expect(await regions.keyOf('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await regions.keyOf('geen-uuid')).toBeUndefined();
  });

  it('gives every region of the installation its row, twice at once too, and keeps what a row holds', async () => {
    const row = (key: string, name: string) => ({
      key,
      name,
      timeZone: 'Europe/Brussels',
      mailFromName: `${name} overlegtafels`,
      mailFromAddress: `overlegtafels@${key}.example.be`,
    });
    const [a, b] = [PrismaRegionRepository, PrismaRegionRepository].map(
      (R) => new R(prisma as unknown as PrismaService),
    );
    await Promise.all([
      a!.ensure([row('regio-a', 'Regio A'), row('regio-b', 'Regio B')]),
      b!.ensure([row('regio-a', 'Regio A'), row('regio-b', 'Regio B')]),
    ]);
    const made = await prisma.region.findMany({
      where: { key: { in: ['regio-a', 'regio-b'] } },
      orderBy: { key: 'asc' },
    });
    expect(made.map((r) => [r.key, r.name, r.mailFromAddress])).toEqual([
      ['regio-a', 'Regio A', 'overlegtafels@regio-a.example.be'],
      ['regio-b', 'Regio B', 'overlegtafels@regio-b.example.be'],
    ]);
    await a!.ensure([row('regio-a', 'Andere naam')]);
    expect((await prisma.region.findUniqueOrThrow({ where: { key: 'regio-a' } })).name).toBe('Regio A');
    expect(await a!.idOf('regio-b')).toBe(made[1]!.id);
  });
});
