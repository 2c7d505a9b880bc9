import { Inject, Injectable } from '@nestjs/common';
import type { TransactionLimits, UnitOfWork } from '@overlegtafels/application';
import { PrismaService } from './prisma.service';
import { asTransaction, type Transaction } from './transaction';

/**
 * The database's unit of work: one Prisma interactive transaction. The limits are generous by
 * default because a change of an agenda re-allocates a table and writes its mails in the same
 * transaction, under the table's lock.
 */
@Injectable()
export class PrismaUnitOfWork implements UnitOfWork {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Transaction) => Promise<T>, limits: TransactionLimits = {}): Promise<T> {
    return this.prisma.$transaction((client) => work(asTransaction(client)), {
      maxWait: limits.maxWaitMs ?? 20_000,
      timeout: limits.timeoutMs ?? 60_000,
    });
  }
}
