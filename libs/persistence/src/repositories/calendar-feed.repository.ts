import { Inject, Injectable } from '@nestjs/common';
import type { CalendarFeedStatus, CalendarFeedTokens, Transaction } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on } from '../transaction';

/**
 * A person's calendar subscription: only the SHA-256 of the secret token is stored, and at most
 * one token is active per person (renewing revokes the old one).
 */
@Injectable()
export class CalendarFeedRepository implements CalendarFeedTokens {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async active(personId: string): Promise<CalendarFeedStatus | undefined> {
    const row = await this.prisma.calendarFeedToken.findFirst({
      where: { personId, revokedAt: null },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true, lastUsedAt: true },
    });
    return row ?? undefined;
  }

  /** Revokes every active token of the person and stores the new one, in one transaction. */
  async renew(personId: string, tokenHash: string, now: Date, tx?: Transaction): Promise<void> {
    if (tx) {
      const db = on(tx, this.prisma);
      await db.calendarFeedToken.updateMany({
        where: { personId, revokedAt: null },
        data: { revokedAt: now },
      });
      await db.calendarFeedToken.create({ data: { personId, tokenHash, createdAt: now } });
      return;
    }
    await this.prisma.$transaction([
      this.prisma.calendarFeedToken.updateMany({
        where: { personId, revokedAt: null },
        data: { revokedAt: now },
      }),
      this.prisma.calendarFeedToken.create({ data: { personId, tokenHash, createdAt: now } }),
    ]);
  }

  /** How many tokens were revoked (0 when there was no active feed). */
  async revoke(personId: string, now: Date): Promise<number> {
    const { count } = await this.prisma.calendarFeedToken.updateMany({
      where: { personId, revokedAt: null },
      data: { revokedAt: now },
    });
    return count;
  }

  /** The owner of an active token; a revoked token or a deactivated person finds nothing. */
  async findActiveByHash(tokenHash: string): Promise<{ id: string; personId: string } | undefined> {
    const row = await this.prisma.calendarFeedToken.findFirst({
      where: { tokenHash, revokedAt: null, person: { active: true } },
      select: { id: true, personId: true },
    });
    return row ?? undefined;
  }

  async markUsed(id: string, now: Date): Promise<void> {
    await this.prisma.calendarFeedToken.update({ where: { id }, data: { lastUsedAt: now } });
  }

  /** Tables the person sits at for good: standing member or coordinator of. */
  async tableKeysFor(personId: string, regionKey: string): Promise<string[]> {
    const [memberships, coordinated] = await Promise.all([
      this.prisma.tableMembership.findMany({
        where: { personId, standing: true, region: { key: regionKey } },
        select: { tableKey: true },
      }),
      this.prisma.roleAssignment.findMany({
        where: { personId, role: 'coordinator', tableKey: { not: null } },
        select: { tableKey: true },
      }),
    ]);
    const keys = [...memberships, ...coordinated].map((r) => r.tableKey).filter((k): k is string => !!k);
    return [...new Set(keys)].sort();
  }
}
