import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { findTable, holdSession, RegionConfig } from '@overlegtafels/domain';
import { scopedRegion } from '../region-time-zone';
import { AgendaRefusal } from '../errors';
import { RecordDecisionCommand } from './record-decision.command';
import { DecisionApplier } from './decision-applier';
import { AuditLog } from '../ports/audit-log.port';
import { DecisionAgenda } from '../ports/decision-agenda.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { DecisionLetters } from './decision-letters';
import { withinRegion } from '../region-fence/region-fence';
import { RiskPictureRecorder } from '../record-risk-picture/risk-picture-recorder';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of a decision's one-time key. */
export const DECISION_SCOPE = 'decision';

export interface DecisionResult {
  readonly decisionId: string;
  readonly dossierCode: string;
  readonly phase: string;
  /** The ICO agendapunt made for a herbespreking, if any. */
  readonly followUpItemId?: string;
}

const conflict = (code: string, message: string) => new AgendaRefusal(code, message, undefined, 'conflict');

/**
 * The coordinator records what the table decided about one agendapunt. The dossier's lifecycle
 * (libs/domain) decides whether the decision is allowed, what the dossier becomes and what the
 * decision sets in motion; here it is stored with all of that in one transaction: the phase, the
 * casusregie, a return to the ICO with the aanmelder as guest, the obligations it opens
 * (DossierChanged) and the letters to whoever must hear of it (DecisionLetters, through the outbox).
 */
@Injectable()
export class RecordDecisionUseCase {
  /** The region of the current work (the actor's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }
  private readonly applier: DecisionApplier;

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(DecisionAgenda) private readonly agenda: DecisionAgenda,
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(DecisionLetters) private readonly letters: DecisionLetters,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RiskPictureRecorder) private readonly riskPictures: RiskPictureRecorder,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {
    this.applier = new DecisionApplier({
      config: this.config,
      dossiers,
      agenda,
      people,
      audit,
      letters,
      dossierChanged,
      riskPictures,
    });
  }

  async execute({
    actor,
    itemId,
    decision: form,
    submissionKey,
  }: RecordDecisionCommand): Promise<DecisionResult> {
    let mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const now = this.clock.now();
      // A reload, a double click or a retried call with the same key: the first decision.
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: DECISION_SCOPE,
          key: submissionKey,
          content: { itemId, form },
          at: now,
          resultIdOf: (r: DecisionResult) => r.decisionId,
        },
        async (): Promise<DecisionResult> => {
          const item = await this.agenda.itemToDecide(tx, itemId);
          const allowed =
            item && (actor.coordinatorTables === 'all' || actor.coordinatorTables.includes(item.tableKey));
          const dossier = await withinRegion(
            this.audit,
            actor,
            item ? await this.dossiers.byId(tx, item.dossierId) : undefined,
            (d) => ({
              action: 'decision.record',
              entityType: 'agenda_item',
              entityId: itemId,
              dossierId: d.id,
              code: d.code,
            }),
            now,
          );
          if (!item || !allowed || !dossier) {
            throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
          }
          const table = findTable(this.region, item.tableKey);
          if (!table)
            throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
          const { session } = item;
          if (item.status === 'discussed')
            throw conflict('ALREADY_DECIDED', 'Voor dit agendapunt is al een beslissing geregistreerd.');
          if (item.status === 'withdrawn')
            throw conflict('ITEM_WITHDRAWN', 'Dit agendapunt werd ingetrokken.');
          const held = holdSession(session);
          if (!held.ok) throw conflict(held.code, held.message);
          if (session.startsAt.getTime() > now.getTime()) {
            throw conflict(
              'SESSION_NOT_HELD',
              'Een beslissing kan pas vanaf het begin van de zitting worden geregistreerd.',
            );
          }
          const applied = await this.applier.apply(tx, {
            actor,
            item,
            dossier,
            table,
            form,
            now,
            action: 'decision.record',
          });
          mails = applied.mails;
          return {
            decisionId: applied.decisionId,
            dossierCode: dossier.code,
            phase: applied.phase,
            ...(applied.followUpItemId && { followUpItemId: applied.followUpItemId }),
          };
        },
      );
      if (once.repeated) mails = [];
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}
