import { Inject, Injectable } from '@nestjs/common';
import type {
  DestroyedDossier,
  DossierRetention,
  EndedDossier,
  Transaction,
} from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on, type Tx } from '../transaction';

const ymd = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Retention in PostgreSQL. `destroy` runs in the caller's transaction: it locks the dossier's row
 * (a second run waits, then finds it gone), collects the ids that hang off it and deletes table
 * by table. The audit log is left alone: it has no foreign key to dossiers, and the app role may
 * only insert into it.
 */
@Injectable()
export class PrismaDossierRetention implements DossierRetention {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async endedDossiers(regionKey: string, endedPhases: readonly string[]): Promise<EndedDossier[]> {
    const rows = await this.prisma.dossier.findMany({
      where: { phase: { in: [...endedPhases] }, region: { key: regionKey } },
      select: {
        id: true,
        code: true,
        phase: true,
        afsluitingDate: true,
        region: { select: { key: true } },
        decisions: {
          where: { kind: 'geen_ketenaanpak' },
          orderBy: { decidedAt: 'desc' },
          take: 1,
          select: { decidedAt: true },
        },
      },
      orderBy: { code: 'asc' },
    });
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      phase: r.phase,
      regionKey: r.region.key,
      afsluitingDate: ymd(r.afsluitingDate),
      endDecisionAt: r.decisions[0]?.decidedAt ?? null,
    }));
  }

  async destroy(
    tx: Transaction,
    dossierId: string,
    phase: string,
  ): Promise<DestroyedDossier | undefined> {
    const db = on(tx, this.prisma);
    const locked = await db.$queryRaw<{ phase: string }[]>`
      SELECT phase FROM dossiers WHERE id = ${dossierId}::uuid FOR UPDATE`;
    if (locked.length === 0 || locked[0]!.phase !== phase) return undefined;
    return destroyDossier(db, dossierId);
  }
}

async function destroyDossier(db: Tx, dossierId: string): Promise<DestroyedDossier> {
  const byDossier = { dossierId };
  const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
  const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { code: true } });
  const itemIds = await ids(db.agendaItem.findMany({ where: byDossier, select: { id: true } }));
  const byItem = { agendaItemId: { in: itemIds } };
  const obligationIds = await ids(db.followUpObligation.findMany({ where: byDossier, select: { id: true } }));
  const pictureIds = await ids(db.riskPicture.findMany({ where: byDossier, select: { id: true } }));
  const factorIds = await ids(
    db.riskPictureFactor.findMany({ where: { pictureId: { in: pictureIds } }, select: { id: true } }),
  );
  const aanmeldingIds = await ids(db.aanmelding.findMany({ where: byDossier, select: { id: true } }));
  const documents = await db.document.findMany({ where: byDossier, select: { id: true, storageKey: true } });
  const made = [
    dossierId,
    ...itemIds,
    ...obligationIds,
    ...pictureIds,
    ...aanmeldingIds,
    ...documents.map((d) => d.id),
    ...(await ids(db.decision.findMany({ where: byDossier, select: { id: true } }))),
    ...(await ids(db.actionPoint.findMany({ where: byItem, select: { id: true } }))),
    ...(await ids(db.obligationReport.findMany({ where: byDossier, select: { id: true } }))),
    ...(await ids(db.childHearing.findMany({ where: byDossier, select: { id: true } }))),
    ...(await ids(db.casusregisseurChange.findMany({ where: byDossier, select: { id: true } }))),
    ...(await ids(db.planVanAanpakVersion.findMany({ where: byDossier, select: { id: true } }))),
  ];
  let rows = 0;
  const count = async (deleted: Promise<{ count: number } | number>) => {
    const r = await deleted;
    rows += typeof r === 'number' ? r : r.count;
  };

  // Submissions that made something of the dossier, or whose answer names it (ids and codes only).
  const quoted = [dossier.code, ...made].map((v) => `%"${v}"%`);
  await count(db.$executeRaw`
    DELETE FROM form_submissions WHERE result_id = ANY(${made}::text[]) OR result::text LIKE ANY(${quoted}::text[])`);
  // Mail about the dossier or its agendapunten, then the bodies no other mail carries.
  const outboxWhere = { OR: [{ dossierId }, { agendaItemId: { in: itemIds } }] };
  const bodyIds = [
    ...new Set(
      (await db.mailOutbox.findMany({ where: outboxWhere, select: { bodyId: true } })).map((m) => m.bodyId),
    ),
  ];
  await count(db.mailOutbox.deleteMany({ where: outboxWhere }));
  await count(db.mailBody.deleteMany({ where: { id: { in: bodyIds }, outbox: { none: {} } } }));
  // The follow-up: action points (on agendapunten, with their obligation), reports, reminders.
  await count(
    db.actionPoint.deleteMany({ where: { OR: [byItem, { obligationId: { in: obligationIds } }] } }),
  );
  await count(
    db.obligationReport.deleteMany({ where: { OR: [byDossier, { obligationId: { in: obligationIds } }] } }),
  );
  await count(db.obligationReminder.deleteMany({ where: { obligationId: { in: obligationIds } } }));
  await count(
    db.followUpObligation.deleteMany({
      where: { OR: [byDossier, { fulfilledByAgendaItemId: { in: itemIds } }] },
    }),
  );
  // What hangs off the agendapunten: the verslag part, preparation (infodeling), guests, briefs.
  await count(db.itemMinutes.deleteMany({ where: byItem }));
  await count(db.itemPreparation.deleteMany({ where: byItem }));
  await count(db.agendaItemGuest.deleteMany({ where: byItem }));
  await count(db.agenderingBrief.deleteMany({ where: byItem }));
  // Risk pictures (they point at decisions and clients), plan van aanpak, decisions, the rest.
  await count(db.riskPictureFactorClient.deleteMany({ where: { factorId: { in: factorIds } } }));
  await count(db.riskPictureFactor.deleteMany({ where: { pictureId: { in: pictureIds } } }));
  await count(db.riskPicture.deleteMany({ where: byDossier }));
  await count(db.planVanAanpakVersion.deleteMany({ where: { OR: [byDossier, byItem] } }));
  await count(db.planVanAanpak.deleteMany({ where: byDossier }));
  await count(db.decision.deleteMany({ where: { OR: [byDossier, byItem] } }));
  await count(db.childHearing.deleteMany({ where: byDossier }));
  await count(db.casusregisseurChange.deleteMany({ where: byDossier }));
  await count(db.dossierReopening.deleteMany({ where: byDossier }));
  await count(db.agendaItem.deleteMany({ where: byDossier }));
  await count(db.document.deleteMany({ where: byDossier }));
  await count(db.aanmeldingClient.deleteMany({ where: { aanmeldingId: { in: aanmeldingIds } } }));
  await count(db.aanmelding.deleteMany({ where: byDossier }));
  await count(db.dossier.deleteMany({ where: { id: dossierId } }));
  return { storageKeys: documents.map((d) => d.storageKey), rows };
}
