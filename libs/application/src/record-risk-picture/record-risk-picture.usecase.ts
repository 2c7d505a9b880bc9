import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { dossierForCasusregisseur } from '../agenda/casusregisseur-guard';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { RecordRiskPictureCommand } from './record-risk-picture.command';
import { RecordedRiskPicture, RiskPictureRecorder } from './risk-picture-recorder';

/**
 * The casusregisseur (or a coordinator) records a new version of the dossier's risk picture during
 * casusregie (annex E, III.3: "zorgen voor een update"): when the plan changes, for the interim
 * evaluation at the Ronde Tafel, or to compare with the start at the afronding. Each recording is a
 * new version; the earlier ones stay as they were.
 */
@Injectable()
export class RecordRiskPictureUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(RiskPictureRecorder) private readonly recorder: RiskPictureRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, dossierId, picture }: RecordRiskPictureCommand): Promise<RecordedRiskPicture> {
    const now = this.clock.now();
    const seen = await dossierForCasusregisseur(
      this.dossiers,
      this.audit,
      actor,
      dossierId,
      'risk-picture.record',
      now,
    );
    return this.uow.run(async (tx) => {
      const dossier = (await this.dossiers.byId(tx, seen.id))!;
      if (dossier.phase !== 'casusregie') {
        throw new AgendaRefusal(
          'ILLEGAL_TRANSITION',
          'De risicotaxatie wordt bijgewerkt tijdens de casusregie.',
          undefined,
          'conflict',
        );
      }
      return this.recorder.record(tx, { actor, dossier, occasion: picture.occasion, picture, now });
    });
  }
}
