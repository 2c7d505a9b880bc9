import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

/** People as the use cases address or choose them (bound to the application's PersonDirectory). */
@Injectable()
export class PrismaPersonDirectory {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async isCasusregisseur(tx: Transaction, regionId: string, personId: string): Promise<boolean> {
    const row = await on(tx, this.prisma).roleAssignment.findFirst({
      where: { personId, role: 'casusregisseur', person: { regionId, active: true } },
      select: { id: true },
    });
    return row !== null;
  }

  async contactOf(
    tx: Transaction,
    personId: string,
  ): Promise<{ id: string; email: string; displayName: string } | undefined> {
    const row = await on(tx, this.prisma).person.findUnique({
      where: { id: personId },
      select: { id: true, email: true, displayName: true },
    });
    return row ?? undefined;
  }

  /** Active people of the region by e-mail (guests who have an account are linked to it). */
  async personIdsByEmail(
    tx: Transaction,
    regionId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const rows = await on(tx, this.prisma).person.findMany({
      where: { regionId, active: true, email: { in: [...emails] } },
      select: { id: true, email: true },
    });
    return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
  }
}
