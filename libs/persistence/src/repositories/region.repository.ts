import { Inject, Injectable } from '@nestjs/common';
import type { RegionRepository, RegionRow, Transaction } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on } from '../transaction';

/** The look-ups of a region's row id by its key and back, cached (regions do not change at runtime). */
@Injectable()
export class PrismaRegionRepository implements RegionRepository {
  private readonly ids = new Map<string, string>();
  private readonly keys = new Map<string, string>();

  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async idOf(regionKey: string, tx?: Transaction): Promise<string> {
    const cached = this.ids.get(regionKey);
    if (cached) return cached;
    const row = await on(tx, this.prisma).region.findUnique({
      where: { key: regionKey },
      select: { id: true },
    });
    if (!row) throw new Error(`region ${regionKey} is not in the database`);
    this.remember(regionKey, row.id);
    return row.id;
  }

  async keyOf(regionId: string): Promise<string | undefined> {
    const cached = this.keys.get(regionId);
    if (cached) return cached;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(regionId)) return undefined;
    const row = await this.prisma.region.findUnique({ where: { id: regionId }, select: { key: true } });
    if (!row) return undefined;
    this.remember(row.key, regionId);
    return row.key;
  }

  async ensure(rows: readonly RegionRow[]): Promise<void> {
    for (const r of rows) {
      const data = {
        key: r.key,
        name: r.name,
        timezone: r.timeZone,
        mailFromName: r.mailFromName,
        mailFromAddress: r.mailFromAddress,
      };
      const row = await this.prisma.region
        .upsert({ where: { key: r.key }, update: {}, create: data, select: { id: true } })
        // The api and a worker starting at once: the other's insert won, its row is the one.
        .catch(async (error: unknown) => {
          const made = await this.prisma.region.findUnique({ where: { key: r.key }, select: { id: true } });
          if (!made) throw error;
          return made;
        });
      this.remember(r.key, row.id);
    }
  }

  private remember(key: string, id: string): void {
    this.ids.set(key, id);
    this.keys.set(id, key);
  }
}
