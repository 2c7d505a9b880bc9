import { Inject, Injectable } from '@nestjs/common';
import type { RegionRepository, Transaction } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on } from '../transaction';

/** The one look-up of a region's row id by its key, cached (regions do not change at runtime). */
@Injectable()
export class PrismaRegionRepository implements RegionRepository {
  private readonly ids = new Map<string, string>();

  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async idOf(regionKey: string, tx?: Transaction): Promise<string> {
    const cached = this.ids.get(regionKey);
    if (cached) return cached;
    const row = await on(tx, this.prisma).region.findUnique({
      where: { key: regionKey },
      select: { id: true },
    });
    if (!row) throw new Error(`region ${regionKey} is not in the database`);
    this.ids.set(regionKey, row.id);
    return row.id;
  }
}
