import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  intakeTableName,
  isInCasusregie,
  riskPictureProblems,
  type RiskInstrument,
  type RiskPictureEntry,
  type RiskPictureOccasion,
} from '@overlegtafels/domain';
import { scopedRegion } from '../region-time-zone';
import { AgendaRefusal, InputError } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import type { DossierRecord } from '../ports/dossier.repository.port';
import { RiskPictureRepository } from '../ports/risk-picture.repository.port';
import type { Transaction } from '../ports/unit-of-work.port';
import type { RiskPictureInput } from './record-risk-picture.command';

export interface RecordedRiskPicture {
  readonly id: string;
  readonly version: number;
}

/** Who records, on which route: ids only, for the audit log. */
interface Recorder {
  readonly personId: string;
  readonly route?: string | null;
}

/**
 * Stores one version of a dossier's risk picture inside the caller's transaction, after checking
 * it against the region's instrument (every factor known, once, for the dossier's own clients, a
 * present factor motivated). The ICO decision and the casusregisseur's update both come here, so
 * a picture is validated and audited the same way whoever records it.
 */
@Injectable()
export class RiskPictureRecorder {
  /** The region's instrument; a region without one records no picture. */
  get instrument(): RiskInstrument | undefined {
    return scopedRegion(this.config).riskInstrument;
  }

  /** The intake table's name without its article, for the instroom picture's label. */
  get intakeName(): string {
    return intakeTableName(scopedRegion(this.config).dossierLife).name;
  }

  /** Whether a dossier in this phase has its risk picture updated: during casusregie (its kind). */
  updatesIn(phase: string): boolean {
    return isInCasusregie(scopedRegion(this.config).dossierLife, phase);
  }

  constructor(
    @Inject(RiskPictureRepository) private readonly pictures: RiskPictureRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(
    tx: Transaction,
    recording: {
      actor: Recorder;
      dossier: Pick<DossierRecord, 'id' | 'code'>;
      occasion: RiskPictureOccasion;
      picture: RiskPictureInput;
      decisionId?: string;
      now: Date;
      /** Where the picture sits in the caller's input (`riskPicture` in a decision). */
      fieldPrefix?: string;
    },
  ): Promise<RecordedRiskPicture> {
    const { actor, dossier, occasion, picture, now } = recording;
    const instrument = this.instrument;
    if (!instrument) {
      throw new AgendaRefusal(
        'NO_RISK_INSTRUMENT',
        'Deze regio werkt niet met een risicotaxatie in de dienst.',
        undefined,
        'conflict',
      );
    }
    const factors: RiskPictureEntry[] = picture.factors.map((f) => ({
      factorKey: f.factorKey,
      mark: f.mark,
      motivation: f.motivation ?? null,
      clientIds: [...new Set(f.clientIds)],
    }));
    const clients = await this.pictures.clientsOf(tx, dossier.id);
    const problems = riskPictureProblems(
      instrument,
      factors,
      clients.map((c) => c.id),
    );
    if (problems.length > 0) {
      const prefix = recording.fieldPrefix ? `${recording.fieldPrefix}.` : '';
      throw new InputError(
        problems.map((p) => ({ field: prefix + p.field, code: p.code, message: p.message })),
      );
    }
    const stored = await this.pictures.record(tx, dossier.id, {
      occasion,
      instrumentKey: instrument.key,
      decisionId: recording.decisionId ?? null,
      recordedById: actor.personId,
      recordedAt: now,
      factors,
    });
    // What was marked and why stays in the dossier: the log keeps the version and the counts.
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: 'risk-picture.record',
        entityType: 'risk_picture',
        entityId: stored.id,
        dossierId: dossier.id,
        outcome: 'allowed',
        route: actor.route ?? null,
        details: {
          code: dossier.code,
          version: stored.version,
          occasion,
          factors: factors.length,
          present: factors.filter((f) => f.mark === 'aanwezig').length,
        },
      },
      now,
      tx,
    );
    return stored;
  }
}
