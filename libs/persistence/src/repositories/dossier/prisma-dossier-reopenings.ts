import { Inject, Injectable } from '@nestjs/common';
import type { DossierReopenings, NewReopening, Transaction } from '@overlegtafels/application';
import type { DossierState } from '@overlegtafels/domain';
import { PrismaService } from '../../prisma.service';
import { on } from '../../transaction';

const day = (ymd: string | undefined) => (ymd ? new Date(`${ymd}T00:00:00Z`) : null);

/** Stores a heropening (bound to the DossierReopenings port): the new life's state and the row. */
@Injectable()
export class PrismaDossierReopenings implements DossierReopenings {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async reopen(
    tx: Transaction,
    dossierId: string,
    next: DossierState,
    reopening: NewReopening,
  ): Promise<{ id: string } | undefined> {
    const db = on(tx, this.prisma);
    // What the earlier life established is in its decisions and in the reopening's prior state.
    // Only while it is still in the phase it was read in: of two at once, one reopens.
    const changed = await db.dossier.updateMany({
      where: { id: dossierId, phase: reopening.fromPhase },
      data: {
        phase: next.phase,
        casusregisseurId: next.casusregisseurId ?? null,
        casusregiePlannedStartDate: day(next.casusregiePlannedStartDate),
        casusregieStartDate: day(next.casusregieStartDate),
        afrondingDate: day(next.afrondingDate),
        afsluitingDate: day(next.afsluitingDate),
        noConsentReturns: next.noConsentReturns,
        traject: next.traject ?? null,
        consentVerifiedAt: null,
        consentVerifiedById: null,
        consentGivenBy: null,
        consulentConsultedOn: null,
        consulentConsultedById: null,
      },
    });
    if (changed.count === 0) return undefined;
    return db.dossierReopening.create({
      data: {
        dossierId,
        fromPhase: reopening.fromPhase,
        toPhase: reopening.toPhase,
        reason: reopening.reason,
        priorState: { ...reopening.priorState },
        reopenedById: reopening.reopenedById,
        reopenedAt: reopening.reopenedAt,
      },
      select: { id: true },
    });
  }
}
