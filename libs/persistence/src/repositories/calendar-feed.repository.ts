import { Inject, Injectable } from '@nestjs/common';
import type {
  CalendarFeedStatus,
  CalendarFeedTokens,
  FeedSlotRecord,
  Transaction,
} from '@overlegtafels/application';
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
  async revoke(personId: string, now: Date, tx?: Transaction): Promise<number> {
    const { count } = await on(tx, this.prisma).calendarFeedToken.updateMany({
      where: { personId, revokedAt: null },
      data: { revokedAt: now },
    });
    return count;
  }

  /** The owner of an active token; a revoked token or a deactivated person finds nothing. */
  async findActiveByHash(
    tokenHash: string,
  ): Promise<{ id: string; personId: string; regionKey: string } | undefined> {
    const row = await this.prisma.calendarFeedToken.findFirst({
      where: { tokenHash, revokedAt: null, person: { active: true } },
      select: { id: true, personId: true, person: { select: { region: { select: { key: true } } } } },
    });
    return row ? { id: row.id, personId: row.personId, regionKey: row.person.region.key } : undefined;
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

  /**
   * The outbox is the record of which slot invitations the person received (as entryHolders reads
   * it): the last one per agendapunt gives the SEQUENCE, the method and the STATUS the person's
   * calendar holds. The item itself gives the current slot and session. Only items in which the
   * person still has a part: the dossier's current casusregisseur or its aanmelder, or a guest.
   */
  async slotsFor(personId: string, regionKey: string): Promise<FeedSlotRecord[]> {
    const mails = await this.prisma.mailOutbox.findMany({
      where: { recipientPersonId: personId, agendaItemId: { not: null }, icsMethod: { not: null } },
      select: { agendaItemId: true, sequence: true, icsMethod: true, icsContent: true },
      orderBy: [{ sequence: 'asc' }, { createdAt: 'asc' }],
    });
    const last = new Map<string, (typeof mails)[number]>();
    for (const m of mails) last.set(m.agendaItemId!, m);
    if (last.size === 0) return [];
    const items = await this.prisma.agendaItem.findMany({
      where: {
        id: { in: [...last.keys()] },
        session: { region: { key: regionKey } },
        OR: [
          { dossier: { casusregisseurId: personId } },
          { dossier: { aanmelderId: personId } },
          { guests: { some: { personId } } },
        ],
      },
      select: {
        id: true,
        tableKey: true,
        itemType: true,
        durationMinutes: true,
        status: true,
        slotStart: true,
        slotEnd: true,
        dossier: { select: { id: true, code: true } },
        session: { select: { startsAt: true, location: true, onlineMeetingUrl: true } },
      },
      orderBy: { id: 'asc' },
    });
    return items.map((item) => {
      const mail = last.get(item.id)!;
      return {
        agendaItemId: item.id,
        dossierId: item.dossier.id,
        dossierCode: item.dossier.code,
        tableKey: item.tableKey,
        itemType: item.itemType,
        durationMinutes: item.durationMinutes,
        withdrawn: item.status === 'withdrawn',
        slotStart: item.slotStart,
        slotEnd: item.slotEnd,
        session: item.session,
        sequence: mail.sequence,
        method: mail.icsMethod === 'CANCEL' ? 'CANCEL' : 'REQUEST',
        tentative: /\r?\nSTATUS:TENTATIVE\r?\n/.test(mail.icsContent ?? ''),
      };
    });
  }
}
