export * from './prisma-obligation-read-model';
export { PrismaObligationRepository } from './prisma-obligation.repository';
export * from './prisma-reminder-sweep-claim';
export * from './prisma-reconcile-ledger';
