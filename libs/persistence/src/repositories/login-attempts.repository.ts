import { Inject, Injectable } from '@nestjs/common';
import type { LoginAttempts } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';

/** The login's attempt counters: one row per counted thing and window, raised in one statement. */
@Injectable()
export class PrismaLoginAttempts implements LoginAttempts {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async hit(bucket: string, keyHash: string, windowStart: Date): Promise<number> {
    // An upsert that counts: concurrent attempts of several processes each get their own number.
    const rows = await this.prisma.$queryRaw<{ count: number }[]>`
      INSERT INTO login_attempt_counters (bucket, key_hash, window_start, count)
      VALUES (${bucket}, ${keyHash}, ${windowStart}, 1)
      ON CONFLICT (bucket, key_hash, window_start)
      DO UPDATE SET count = login_attempt_counters.count + 1
      RETURNING count`;
    return Number(rows[0]!.count);
  }

  async forgetBefore(before: Date): Promise<void> {
    await this.prisma.loginAttemptCounter.deleteMany({ where: { windowStart: { lt: before } } });
  }
}
