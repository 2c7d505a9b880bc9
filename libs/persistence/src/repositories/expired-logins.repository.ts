import { Inject, Injectable } from '@nestjs/common';
import type { ExpiredLogins, LoginCutoffs, PurgedLogins } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';

/** Deletes the expired login rows, each kind by the moment that ends it. */
@Injectable()
export class PrismaExpiredLogins implements ExpiredLogins {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async purge({ now, lastSeenBefore, windowsBefore }: LoginCutoffs): Promise<PurgedLogins> {
    const [sessions, loginTokens, attemptCounters] = await this.prisma.$transaction([
      this.prisma.userSession.deleteMany({
        where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: lastSeenBefore } }] },
      }),
      this.prisma.loginToken.deleteMany({ where: { expiresAt: { lte: now } } }),
      this.prisma.loginAttemptCounter.deleteMany({ where: { windowStart: { lt: windowsBefore } } }),
    ]);
    return {
      sessions: sessions.count,
      loginTokens: loginTokens.count,
      attemptCounters: attemptCounters.count,
    };
  }
}
