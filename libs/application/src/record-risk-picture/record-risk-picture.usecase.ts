import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { dossierForCasusregisseur } from '../agenda/casusregisseur-guard';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { RecordRiskPictureCommand } from './record-risk-picture.command';
import { RecordedRiskPicture, RiskPictureRecorder } from './risk-picture-recorder';

/** The ledger's scope of a risk picture's one-time key. */
export const RISK_PICTURE_SCOPE = 'risk-picture';

/**
 * The casusregisseur (or a coordinator) records a new version of the dossier's risk picture during
 * casusregie (annex E, III.3: "zorgen voor een update"): when the plan changes, for the interim
 * evaluation at the Ronde Tafel, or to compare with the start at the afronding. Each recording is a
 * new version; the earlier ones stay as they were. One submission (a form's key, an API call's
 * Idempotency-Key) makes one version: a repeat answers the first one and makes nothing.
 */
@Injectable()
export class RecordRiskPictureUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(RiskPictureRecorder) private readonly recorder: RiskPictureRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute({
    actor,
    dossierId,
    picture,
    submissionKey,
  }: RecordRiskPictureCommand): Promise<RecordedRiskPicture> {
    const now = this.clock.now();
    const seen = await dossierForCasusregisseur(
      this.dossiers,
      this.audit,
      actor,
      dossierId,
      'risk-picture.record',
      now,
    );
    const once = { actorPersonId: actor.personId, scope: RISK_PICTURE_SCOPE, key: submissionKey, at: now };
    const content = { dossierId: seen.id, picture };
    return this.uow.run(async (tx) => {
      const made = await this.once.run(
        tx,
        { ...once, content, resultIdOf: (r: RecordedRiskPicture) => r.id },
        () => this.recordIn(tx, seen.id, actor, picture, now),
      );
      return made.result;
    });
  }

  private async recordIn(
    tx: Transaction,
    dossierId: string,
    actor: RecordRiskPictureCommand['actor'],
    picture: RecordRiskPictureCommand['picture'],
    now: Date,
  ): Promise<RecordedRiskPicture> {
    const dossier = (await this.dossiers.byId(tx, dossierId))!;
    if (!this.recorder.updatesIn(dossier.phase)) {
      throw new AgendaRefusal(
        'ILLEGAL_TRANSITION',
        'De risicotaxatie wordt bijgewerkt tijdens de casusregie.',
        undefined,
        'conflict',
      );
    }
    return this.recorder.record(tx, { actor, dossier, occasion: picture.occasion, picture, now });
  }
}
