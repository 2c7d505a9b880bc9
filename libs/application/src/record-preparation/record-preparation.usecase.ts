import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { PreparationGate } from '../preparation/preparation-gate';
import { ItemPreparationRepository } from '../ports/item-preparation.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { RecordPreparationCommand } from './record-preparation.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface RecordPreparationResult {
  readonly itemId: string;
  readonly dossierCode: string;
  readonly organisationId: string;
  readonly created: boolean;
}

/** The ledger's scope of a preparation's one-time key. */
export const PREPARATION_SCOPE = 'preparation';

/**
 * A partner at the table records what its organisation found in its own systems about one item
 * (guide II.C, infodeling), from the session's preparation start until it is held: known or not,
 * a short summary, risk signals, and who may read it. One entry per organisation per item; a
 * colleague of the same organisation changes the same entry. The region and the seat at the
 * item's table are checked on every write; the audit keeps ids and the choices, not the text.
 */
@Injectable()
export class RecordPreparationUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PreparationGate) private readonly gate: PreparationGate,
    @Inject(ItemPreparationRepository) private readonly preparations: ItemPreparationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute({
    actor,
    itemId,
    preparation,
    submissionKey,
  }: RecordPreparationCommand): Promise<RecordPreparationResult> {
    const access = await this.gate.open(actor, itemId, 'preparation.record');
    const { item, seat } = access;
    const now = this.clock.now();
    const refuse = async (error: AgendaRefusal) => {
      await this.gate.audited(actor, item, 'preparation.record', 'denied', { reason: error.code }, now);
      return error;
    };
    if (!access.partner || !seat?.organisationId) {
      throw await refuse(
        new AgendaRefusal(
          'NOT_A_PARTNER',
          'Alleen de partners aan deze tafel vullen een voorbereiding in, elk voor de eigen organisatie.',
          undefined,
          'forbidden',
        ),
      );
    }
    const window = this.gate.window(access, now);
    if (!window.open)
      throw await refuse(new AgendaRefusal(window.code, window.message, undefined, 'conflict'));
    const organisationId = seat.organisationId;
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: PREPARATION_SCOPE,
          key: submissionKey,
          content: { itemId: item.itemId, preparation },
          at: now,
        },
        async () => {
          const { created } = await this.preparations.save(tx, {
            agendaItemId: item.itemId,
            organisationId,
            known: preparation.known,
            summary: preparation.summary ?? null,
            riskSignals: preparation.riskSignals ?? null,
            visibility: preparation.visibility,
            recordedById: actor.personId,
            at: now,
          });
          await this.gate.audited(
            actor,
            item,
            'preparation.record',
            'allowed',
            {
              organisationId,
              known: preparation.known,
              riskSignals: preparation.riskSignals !== undefined,
              visibility: preparation.visibility,
              created,
            },
            now,
            tx,
          );
          return { itemId: item.itemId, dossierCode: item.dossierCode, organisationId, created };
        },
      );
      return once.result;
    });
  }
}
