import { Inject, Injectable } from '@nestjs/common';
import type {
  DecisionAftermath,
  DecisionHistory,
  DecisionWithdrawal,
  StandingDecision,
} from '@overlegtafels/application';
import type { DecisionKind, DossierSnapshot, LocalDateString } from '@overlegtafels/domain';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../prisma.service';
import { on, type Transaction } from '../../transaction';

const dayOf = (d: Date | null): LocalDateString | null => (d ? d.toISOString().slice(0, 10) : null);
const dateColumn = (day: LocalDateString | null): Date | null => (day ? new Date(`${day}T00:00:00.000Z`) : null);

/** A snapshot as stored (JSONB), or null for a decision recorded before they were kept. */
function snapshotOf(value: Prisma.JsonValue | null): DossierSnapshot | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as unknown as DossierSnapshot) : null;
}

/** Letters of a decision carry its id between bars in their idempotency key (DecisionLetters). */
const letterKeyPart = (decisionId: string) => `|${decisionId}|`;

@Injectable()
export class PrismaDecisionHistory implements DecisionHistory {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async standingOfItem(tx: Transaction | undefined, itemId: string): Promise<StandingDecision | undefined> {
    const row = await on(tx, this.prisma).decision.findUnique({
      where: { agendaItemId: itemId },
      include: { decidedItem: { select: { session: { select: { startsAt: true } } } } },
    });
    if (!row || row.withdrawnAt) return undefined;
    return {
      id: row.id,
      dossierId: row.dossierId,
      agendaItemId: row.decidedItemId,
      tableKey: row.tableKey,
      kind: row.kind as DecisionKind,
      decidedAt: row.decidedAt,
      sessionStartsAt: row.decidedItem.session.startsAt,
      priorState: snapshotOf(row.priorState),
      resultState: snapshotOf(row.resultState),
      followUpItemId: row.followUpItemId,
      adviceText: row.adviceText,
      safetyPlanAdvice: row.safetyPlanAdvice,
      parketmeldingAdvies: row.parketmeldingAdvies,
      missingInformation: row.missingInformation,
      casusregisseurId: row.casusregisseurId,
      startDate: dayOf(row.startDate),
      terugkomdatum: dayOf(row.terugkomdatum),
      vervolgoverlegDate: dayOf(row.vervolgoverlegDate),
      casusregisseurAbsent: row.casusregisseurAbsent,
      bijkomendCasusoverlegDate: dayOf(row.bijkomendCasusoverlegDate),
    };
  }

  async aftermathOf(tx: Transaction | undefined, decision: StandingDecision): Promise<DecisionAftermath> {
    const db = on(tx, this.prisma);
    const later = await db.decision.findMany({
      where: { dossierId: decision.dossierId, withdrawnAt: null, decidedAt: { gt: decision.decidedAt } },
      select: { kind: true, decidedItem: { select: { session: { select: { startsAt: true } } } } },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
    const items = await db.agendaItem.findMany({
      where: {
        dossierId: decision.dossierId,
        status: { not: 'withdrawn' },
        submittedAt: { gt: decision.decidedAt },
        ...(decision.followUpItemId && { id: { not: decision.followUpItemId } }),
      },
      select: { tableKey: true, session: { select: { startsAt: true } } },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    });
    const fulfilled = await db.followUpObligation.findMany({
      where: {
        dossierId: decision.dossierId,
        status: 'fulfilled',
        fulfilmentKind: { in: ['manual', 'form'] },
        // A decision fulfils no obligation by hand: one done at its very moment was done on it.
        fulfilledAt: { gte: decision.decidedAt },
      },
      select: { ruleKey: true, fulfilledAt: true },
      orderBy: [{ fulfilledAt: 'asc' }, { id: 'asc' }],
    });
    const followUp = decision.followUpItemId
      ? await db.agendaItem.findUnique({ where: { id: decision.followUpItemId }, select: { status: true } })
      : null;
    const letters = await db.mailOutbox.findMany({
      where: { dossierId: decision.dossierId, idempotencyKey: { contains: letterKeyPart(decision.id) } },
      select: { recipientEmail: true, recipientPersonId: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const told = new Map<string, { email: string; personId: string | null }>();
    for (const l of letters) {
      const key = l.recipientEmail.toLowerCase();
      if (!told.has(key)) told.set(key, { email: l.recipientEmail, personId: l.recipientPersonId });
    }
    return {
      laterDecisions: later.map((d) => ({
        kind: d.kind as DecisionKind,
        sessionStartsAt: d.decidedItem.session.startsAt,
      })),
      laterItems: items.map((i) => ({ tableKey: i.tableKey, sessionStartsAt: i.session.startsAt })),
      fulfilledSince: fulfilled.map((o) => ({ ruleKey: o.ruleKey, fulfilledAt: o.fulfilledAt as Date })),
      followUpItemStatus: followUp?.status ?? null,
      told: [...told.values()],
    };
  }

  async withdraw(
    tx: Transaction,
    decision: StandingDecision,
    restore: DossierSnapshot,
    withdrawal: DecisionWithdrawal,
  ): Promise<boolean> {
    const db = on(tx, this.prisma);
    // First, under the row's lock: a concurrent withdrawal finds it withdrawn and writes nothing.
    const taken = await db.decision.updateMany({
      where: { id: decision.id, withdrawnAt: null },
      data: {
        agendaItemId: null,
        withdrawnAt: withdrawal.at,
        withdrawnById: withdrawal.byId,
        withdrawalReason: withdrawal.reason,
      },
    });
    if (taken.count !== 1) return false;
    await db.dossier.update({
      where: { id: decision.dossierId },
      data: {
        phase: restore.phase,
        casusregisseurId: restore.casusregisseurId,
        casusregiePlannedStartDate: dateColumn(restore.casusregiePlannedStartDate),
        casusregieStartDate: dateColumn(restore.casusregieStartDate),
        afrondingDate: dateColumn(restore.afrondingDate),
        afsluitingDate: dateColumn(restore.afsluitingDate),
        noConsentReturns: restore.noConsentReturns,
        consentVerifiedAt: restore.consentVerifiedAt ? new Date(restore.consentVerifiedAt) : null,
        consentVerifiedById: restore.consentVerifiedById,
        consentGivenBy: restore.consentGivenBy,
        traject: restore.traject ?? null,
      },
    });
    // The agendapunt awaits a decision again, as before it (rolled over stays rolled over).
    const item = await db.agendaItem.findUniqueOrThrow({
      where: { id: decision.agendaItemId },
      select: { originalSessionId: true },
    });
    await db.agendaItem.update({
      where: { id: decision.agendaItemId },
      data: { status: item.originalSessionId ? 'rolled_over' : 'placed' },
    });
    if (decision.followUpItemId) {
      await db.agendaItem.updateMany({
        where: { id: decision.followUpItemId, status: { in: ['placed', 'rolled_over'] } },
        data: { status: 'withdrawn' },
      });
    }
    return true;
  }

  async markReplaced(tx: Transaction, decisionId: string, replacedById: string): Promise<void> {
    await on(tx, this.prisma).decision.update({ where: { id: decisionId }, data: { replacedById } });
  }
}
