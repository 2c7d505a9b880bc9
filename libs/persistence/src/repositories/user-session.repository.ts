import { Inject, Injectable } from '@nestjs/common';
import type { NewStoredSession, SessionStore, StoredSession } from '@overlegtafels/auth';
import { PrismaService } from '../prisma.service';
import { roleKey } from './role-keys';

/** Login sessions of people (not the sessions of a table): hashed tokens, with their person (auth's SessionStore). */
@Injectable()
export class UserSessionRepository implements SessionStore {
  private readonly regionKeys = new Map<string, string>();

  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async create(input: NewStoredSession): Promise<string> {
    const row = await this.prisma.userSession.create({
      data: {
        tokenHash: input.tokenHash,
        personId: input.personId,
        csrfSecret: input.csrfSecret,
        expiresAt: input.expiresAt,
        createdAt: input.startedAt,
        lastSeenAt: input.startedAt,
        userAgent: input.userAgent?.slice(0, 300),
      },
      select: { id: true },
    });
    return row.id;
  }

  async findValid(tokenHash: string, now: Date): Promise<StoredSession | undefined> {
    const row = await this.prisma.userSession.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        csrfSecret: true,
        expiresAt: true,
        lastSeenAt: true,
        person: {
          select: {
            id: true,
            regionId: true,
            displayName: true,
            email: true,
            organisationId: true,
            active: true,
            roleAssignments: { select: { role: true, tableKey: true } },
          },
        },
      },
    });
    if (!row || row.expiresAt <= now || !row.person.active) return undefined;
    const { roleAssignments, ...person } = row.person;
    return {
      ...row,
      person: {
        ...person,
        regionKey: await this.regionKeyOf(person.regionId),
        roles: roleAssignments.map((r) => ({ role: roleKey(String(r.role)), tableKey: r.tableKey })),
      },
    };
  }

  /**
   * A region's key by its id, remembered: a region's key never changes, and every request's session
   * would otherwise read it again (one statement more per request).
   */
  private async regionKeyOf(regionId: string): Promise<string> {
    let key = this.regionKeys.get(regionId);
    if (key === undefined) {
      key = (await this.prisma.region.findUniqueOrThrow({ where: { id: regionId }, select: { key: true } }))
        .key;
      this.regionKeys.set(regionId, key);
    }
    return key;
  }

  async touch(id: string, at: Date): Promise<void> {
    // Never backwards: two requests of the same minute race harmlessly.
    await this.prisma.userSession.updateMany({
      where: { id, lastSeenAt: { lt: at } },
      data: { lastSeenAt: at },
    });
  }

  async delete(tokenHash: string): Promise<void> {
    await this.prisma.userSession.deleteMany({ where: { tokenHash } });
  }
}
