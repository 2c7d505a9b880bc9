import { Inject, Injectable } from '@nestjs/common';
import type {
  EarlierSubmission,
  SubmissionLedger,
  SubmissionRef,
  Transaction,
} from '@overlegtafels/application';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { on } from '../transaction';

/** The advisory-lock namespace of submission keys. */
const LEDGER_LOCK_NAMESPACE = 4_106;

/**
 * form_submissions: the key is locked for the transaction with pg_advisory_xact_lock before it is
 * looked up, so racing submissions with one key wait for the first to commit and then find it;
 * the unique index on (actor, scope, key) stands behind the lock.
 */
@Injectable()
export class PrismaSubmissionLedger implements SubmissionLedger {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async claim(tx: Transaction, ref: SubmissionRef): Promise<EarlierSubmission | undefined> {
    const db = on(tx, this.prisma);
    await db.$executeRaw`SELECT pg_advisory_xact_lock(${LEDGER_LOCK_NAMESPACE}::int, hashtext(${`${ref.actorPersonId}:${ref.scope}:${ref.key}`}))`;
    const row = await db.formSubmission.findUnique({
      where: {
        actorPersonId_scope_key: { actorPersonId: ref.actorPersonId, scope: ref.scope, key: ref.key },
      },
      select: { fingerprint: true, result: true },
    });
    return row ? { fingerprint: row.fingerprint, result: row.result } : undefined;
  }

  async record(
    tx: Transaction,
    ref: SubmissionRef,
    made: {
      readonly fingerprint: string;
      readonly resultId?: string;
      readonly result: unknown;
      readonly at: Date;
    },
  ): Promise<void> {
    await on(tx, this.prisma).formSubmission.create({
      data: {
        actorPersonId: ref.actorPersonId,
        scope: ref.scope,
        key: ref.key,
        fingerprint: made.fingerprint,
        resultId: made.resultId ?? null,
        result: (made.result ?? null) as Prisma.InputJsonValue,
        createdAt: made.at,
      },
    });
  }

  async resultOf(actorPersonId: string, scope: string, resultId: string): Promise<unknown> {
    const row = await this.prisma.formSubmission.findFirst({
      where: { actorPersonId, scope, resultId },
      select: { result: true },
      orderBy: { createdAt: 'asc' },
    });
    return row?.result ?? undefined;
  }
}
