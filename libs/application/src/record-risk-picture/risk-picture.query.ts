import { Inject, Injectable } from '@nestjs/common';
import { dossierAccess, type Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import {
  compareRiskPictures,
  riskOccasionLabel,
  type RiskComparison,
  type RiskFactorKind,
  type RiskFactorMark,
  type RiskInstrument,
  type RiskPictureOccasion,
} from '@overlegtafels/domain';
import { coordinatesTable, type Viewer } from '../agenda/agenda-queries';
import { AuditLog } from '../ports/audit-log.port';
import { ofRegion } from '../region-fence/region-fence';
import { DossierRecord, DossierRepository } from '../ports/dossier.repository.port';
import {
  DossierClient,
  RiskPictureRecord,
  RiskPictureRepository,
} from '../ports/risk-picture.repository.port';
import { RiskPictureRecorder } from './risk-picture-recorder';

export interface RiskPictureFactorView {
  readonly key: string;
  readonly label: string;
  readonly kind: RiskFactorKind;
  readonly mark: RiskFactorMark;
  readonly motivation: string | null;
  readonly clients: readonly DossierClient[];
}

export interface RiskPictureVersionView {
  readonly version: number;
  readonly occasion: RiskPictureOccasion;
  readonly occasionLabel: string;
  readonly recordedAt: Date;
  readonly recordedByName: string | null;
  /** Per domain of the instrument, the factors the version keeps (empty domains left out). */
  readonly domains: readonly { key: string; label: string; factors: readonly RiskPictureFactorView[] }[];
  /** The raw entries, for an edit form to start from. */
  readonly entries: RiskPictureRecord['factors'];
}

export interface RiskPictureView {
  readonly code: string;
  readonly instrumentName: string;
  readonly clients: readonly DossierClient[];
  /** Oldest first; the first is the picture "bij aanvang". */
  readonly versions: readonly RiskPictureVersionView[];
  readonly current: RiskPictureVersionView | null;
  /** The first version beside the latest, once there are two (III.E). */
  readonly comparison: RiskComparison | null;
}

/** Who may see a dossier's risk picture (see RiskPictureQuery). */
export function canSeeRiskPicture(principal: Principal, dossier: DossierRecord): boolean {
  // The dossier's need-to-know without the aanmelder's own access: the picture is casusregie's.
  return dossierAccess(principal, { ...dossier, aanmelderId: null }) === 'full';
}

/**
 * Reads a dossier's risk picture, its versions and the comparison with the start. Need-to-know as
 * for the dossier's content: its casusregisseur, the region's coordinators (and the strategic
 * coordinators once it is closed); the aanmelder not, unless they are its casusregisseur; on the
 * agenda, the table's members for an item the coordinator shared. Every read is audited.
 */
@Injectable()
export class RiskPictureQuery {
  constructor(
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(RiskPictureRepository) private readonly pictures: RiskPictureRepository,
    @Inject(RiskPictureRecorder) private readonly recorder: RiskPictureRecorder,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether the region records risk pictures at all. */
  get enabled(): boolean {
    return this.recorder.instrument !== undefined;
  }

  /** Whether a dossier in this phase has its risk picture updated (during casusregie). */
  updatesIn(phase: string): boolean {
    return this.recorder.updatesIn(phase);
  }

  /** The region's instrument, for the forms; undefined for a region without one. */
  get instrument(): RiskInstrument | undefined {
    return this.recorder.instrument;
  }

  /**
   * The family members the ICO's decision form offers for the picture at instroom: for the
   * coordinator of the table only (who records the decision), audited like any read of the dossier.
   */
  async clientsForDecision(
    viewer: Viewer,
    item: { dossierCode: string; tableKey: string; itemId: string },
  ): Promise<DossierClient[] | undefined> {
    const dossier = await this.dossiers.byCode(undefined, item.dossierCode);
    if (!this.enabled || !ofRegion(viewer, dossier)) return undefined;
    if (!coordinatesTable(viewer, item.tableKey)) return undefined;
    const clients = await this.pictures.clientsOf(undefined, dossier.id);
    await this.audit.append(
      {
        actorPersonId: viewer.personId,
        action: 'risk-picture.read',
        entityType: 'dossier',
        entityId: dossier.id,
        dossierId: dossier.id,
        outcome: 'allowed',
        route: viewer.route ?? null,
        details: { code: dossier.code, via: `decision-form:${item.itemId}` },
      },
      this.clock.now(),
    );
    return clients;
  }

  /**
   * For the dossier page and the API; undefined when the principal may not see it. `asked`: the
   * picture itself was requested (the API), so a refusal is audited too.
   */
  async forDossier(
    principal: Principal,
    /** The dossier, or its row as the caller just opened it (then it is not read again). */
    of: string | DossierRecord,
    route: string,
    asked = false,
  ): Promise<RiskPictureView | undefined> {
    const dossier = typeof of === 'string' ? await this.dossiers.byId(undefined, of) : of;
    if (!this.enabled || !dossier) return undefined;
    if (!canSeeRiskPicture(principal, dossier)) {
      // Asked for (the API), not merely left off a page: the refusal is kept.
      if (asked) await this.denied(principal.personId, dossier, route);
      return undefined;
    }
    return this.read(principal.personId, dossier, route, 'dossier');
  }

  /**
   * For an agendapunt (the afronding's comparison on the agenda): the table's coordinator, the
   * dossier's casusregisseur, or a member of the table when the item is shared with the session.
   */
  async forAgendaItem(
    viewer: Viewer,
    item: { dossierCode: string; tableKey: string; shared: boolean; itemId: string },
  ): Promise<RiskPictureView | undefined> {
    const dossier = await this.dossiers.byCode(undefined, item.dossierCode);
    if (!this.enabled || !ofRegion(viewer, dossier)) return undefined;
    const allowed =
      coordinatesTable(viewer, item.tableKey) ||
      dossier.casusregisseurId === viewer.personId ||
      (item.shared && viewer.memberTables.includes(item.tableKey));
    if (!allowed) return undefined;
    return this.read(viewer.personId, dossier, viewer.route ?? null, item.itemId);
  }

  private denied(personId: string, dossier: DossierRecord, route: string): Promise<void> {
    return this.audit.append(
      {
        actorPersonId: personId,
        action: 'risk-picture.read',
        entityType: 'dossier',
        entityId: dossier.id,
        dossierId: dossier.id,
        outcome: 'denied',
        route,
        details: { code: dossier.code },
      },
      this.clock.now(),
    );
  }

  private async read(
    personId: string,
    dossier: DossierRecord,
    route: string | null,
    via: string,
  ): Promise<RiskPictureView> {
    const instrument = this.recorder.instrument!;
    const [records, clients] = await Promise.all([
      this.pictures.picturesOf(undefined, dossier.id),
      this.pictures.clientsOf(undefined, dossier.id),
    ]);
    await this.audit.append(
      {
        actorPersonId: personId,
        action: 'risk-picture.read',
        entityType: 'dossier',
        entityId: dossier.id,
        dossierId: dossier.id,
        outcome: 'allowed',
        route,
        details: { code: dossier.code, versions: records.length, via },
      },
      this.clock.now(),
    );
    const byId = new Map(clients.map((c) => [c.id, c]));
    const versions = records.map((r): RiskPictureVersionView => {
      const domains = instrument.domains
        .map((d) => ({
          key: d.key,
          label: d.label,
          factors: [
            ...d.riskFactors.map((f) => ({ f, kind: 'risico' as const })),
            ...d.protectiveFactors.map((f) => ({ f, kind: 'beschermend' as const })),
          ].flatMap(({ f, kind }): RiskPictureFactorView[] => {
            const entry = r.factors.find((e) => e.factorKey === f.key);
            if (!entry) return [];
            return [
              {
                key: f.key,
                label: f.label,
                kind,
                mark: entry.mark,
                motivation: entry.motivation,
                clients: entry.clientIds.flatMap((id) => byId.get(id) ?? []),
              },
            ];
          }),
        }))
        .filter((d) => d.factors.length > 0);
      return {
        version: r.version,
        occasion: r.occasion,
        occasionLabel: riskOccasionLabel(r.occasion, this.recorder.intakeName),
        recordedAt: r.recordedAt,
        recordedByName: r.recordedByName,
        domains,
        entries: r.factors,
      };
    });
    const first = records[0];
    const last = records.at(-1);
    return {
      code: dossier.code,
      instrumentName: instrument.name,
      clients,
      versions,
      current: versions.at(-1) ?? null,
      comparison:
        first && last && first !== last ? compareRiskPictures(instrument, first.factors, last.factors) : null,
    };
  }
}
