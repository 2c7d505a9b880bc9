import { Inject, Injectable } from '@nestjs/common';
import { scopedRegion } from '../region-time-zone';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import {
  EMPTY_PLAN,
  PlanFactorChoiceDomain,
  planFactorChoices,
  isInCasusregie,
  RegionConfig,
  RiskFactorMark,
  RiskInstrument,
} from '@overlegtafels/domain';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';
import { AuditLog } from '../ports/audit-log.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { OrganisationDirectory } from '../ports/organisation-directory.port';
import { FamilyMember, PlanVanAanpakRepository } from '../ports/plan-van-aanpak.repository.port';
import { RiskPictureRepository } from '../ports/risk-picture.repository.port';
import { instrumentOf, planDossier } from '../plan-van-aanpak/plan-dossier';
import { PlanView, planView } from '../plan-van-aanpak/plan-version-view';

export interface ReadPlanVanAanpakCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierCode: string;
}

/** The editor's view: the draft with labels, what its rows may refer to, and the versions so far. */
export interface PlanVanAanpakEditorView {
  readonly dossierCode: string;
  readonly phase: string;
  readonly editable: boolean;
  readonly draft: PlanView & { readonly updatedAt: Date | null };
  readonly instrument: RiskInstrument;
  /**
   * What a row's factor is chosen from: per domain of the instrument, the factors the dossier's
   * current risk picture marks present first, then those it marks not known, then the others.
   */
  readonly factorChoices: readonly PlanFactorChoiceDomain[];
  /** The dossier's current risk picture: its version and how it marks each factor it keeps. */
  readonly riskPicture: {
    readonly version: number;
    readonly recordedAt: Date;
    readonly marks: Readonly<Record<string, RiskFactorMark>>;
  } | null;
  readonly familyMembers: readonly FamilyMember[];
  readonly organisations: readonly { id: string; name: string }[];
  readonly versions: readonly {
    readonly number: number;
    readonly agendaItemId: string;
    readonly tableKey: string;
    readonly itemType: string;
    readonly sessionStartsAt: Date;
    readonly frozenAt: Date;
    readonly withdrawn: boolean;
  }[];
}

/**
 * The casusregisseur (or a coordinator) opens the dossier's plan van aanpak: the same
 * need-to-know as writing it, and every look audited (ids and counts, never content).
 */
@Injectable()
export class ReadPlanVanAanpakUseCase {
  /** The region of the current work (the reader's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(PlanVanAanpakRepository) private readonly plans: PlanVanAanpakRepository,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(RiskPictureRepository) private readonly pictures: RiskPictureRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actor, dossierCode }: ReadPlanVanAanpakCommand): Promise<PlanVanAanpakEditorView> {
    const now = this.clock.now();
    const instrument = instrumentOf(this.region);
    const dossier = await planDossier(
      this.dossiers,
      this.audit,
      actor,
      dossierCode,
      'plan-van-aanpak.read',
      now,
    );
    const [draft, familyMembers, organisations, versions, pictures] = await Promise.all([
      this.plans.draftOf(undefined, dossier.id),
      this.plans.familyMembersOf(undefined, dossier.id),
      this.organisations.list(dossier.regionId),
      this.plans.versionsOf(undefined, dossier.id),
      this.pictures.picturesOf(undefined, dossier.id),
    ]);
    const current = pictures.reduce<(typeof pictures)[number] | undefined>(
      (latest, p) => (!latest || p.version > latest.version ? p : latest),
      undefined,
    );
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: 'plan-van-aanpak.read',
        entityType: 'dossier',
        entityId: dossier.id,
        dossierId: dossier.id,
        outcome: 'allowed',
        route: actor.route ?? null,
        details: {
          code: dossier.code,
          rows: draft?.rows.length ?? 0,
          versions: versions.length,
          riskPicture: current?.version ?? null,
        },
      },
      now,
    );
    const labels = { instrument, familyMembers, organisations };
    return {
      dossierCode: dossier.code,
      phase: dossier.phase,
      editable: isInCasusregie(this.region.dossierLife, dossier.phase),
      draft: { ...planView(draft ?? EMPTY_PLAN, labels), updatedAt: draft?.updatedAt ?? null },
      instrument,
      factorChoices: planFactorChoices(instrument, current?.factors),
      riskPicture: current
        ? {
            version: current.version,
            recordedAt: current.recordedAt,
            marks: Object.fromEntries(current.factors.map((f) => [f.factorKey, f.mark])),
          }
        : null,
      familyMembers,
      organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
      versions: versions.map((v) => ({
        number: v.number,
        agendaItemId: v.agendaItemId,
        tableKey: v.tableKey,
        itemType: v.itemType,
        sessionStartsAt: v.sessionStartsAt,
        frozenAt: v.frozenAt,
        withdrawn: v.withdrawn,
      })),
    };
  }
}
