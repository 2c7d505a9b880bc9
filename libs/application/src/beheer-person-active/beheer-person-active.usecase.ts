import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import {
  CasusregieHandedOver,
  CasusregieHandover,
  NOTHING_HANDED_OVER,
} from '../casusregie-handover/casusregie-handover.service';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of a (de)activation's one-time key. */
export const PERSON_ACTIVE_SCOPE = 'beheer-person-active';

export interface SetPersonActiveCommand {
  readonly actor: BeheerActor;
  readonly personId: string;
  readonly active: boolean;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat ends and audits nothing more. */
  readonly submissionKey?: string;
}

/** The answer of a (de)activation: counts only, a beheerder sees no dossier. */
export interface PersonActiveResult {
  readonly personId: string;
  readonly active: boolean;
  /** What the deactivation handed to the coordinators; nothing on an activation (nothing comes back). */
  readonly handedOver: CasusregieHandedOver;
  /** True when the submission key was used before: the first answer, nothing changed. */
  readonly repeated: boolean;
}

/**
 * A person deactivated (they left, or must no longer see anything) or activated again. Deactivated,
 * they are out at once: every login session, calendar feed token and unused login link ends in the
 * same transaction, so their next request with the old cookie is a login and their feed is gone;
 * they receive no agenda, reminder or invitation any more (every mailing asks for active people).
 * Their roles and seats are kept, for when they come back. What they were responsible for goes to
 * the coordinators in the same transaction (CasusregieHandover): the open dossiers they direct
 * need a new casusregisseur, and their open tasks and action points are the coordinators' until
 * then; the answer says how many, counts only. Activated again, they get none of it back: the
 * coordinators appoint them again where they should. With the form's key a repeat (a reload, a
 * double click) changes and audits nothing more.
 */
@Injectable()
export class BeheerSetPersonActiveUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
    @Inject(CasusregieHandover) private readonly handover: Pick<CasusregieHandover, 'handOver'>,
    @Inject(MailOutbox) private readonly outbox: Pick<MailOutbox, 'enqueue'>,
  ) {}

  async execute({
    actor,
    personId,
    active,
    reason,
    submissionKey,
  }: SetPersonActiveCommand): Promise<PersonActiveResult> {
    const action = active ? 'beheer.person.activate' : 'beheer.person.deactivate';
    const person = await this.change.person(actor, personId, action);
    if (!active && person.id === actor.personId)
      throw new AgendaRefusal(
        'OWN_ACCOUNT',
        'U kunt uzelf niet deactiveren; laat een andere beheerder dat doen.',
        undefined,
        'conflict',
      );
    const content = { personId: person.id, active, reason };
    const at = this.clock.now();
    const scope = PERSON_ACTIVE_SCOPE;
    let mails: readonly QueuedMail[] = [];
    const { result, repeated } = await this.uow.run((tx) =>
      this.once.run(
        tx,
        { actorPersonId: actor.personId, scope, key: submissionKey, content, at },
        async () => {
          await this.directory.setPersonActive(tx, person.id, active);
          const ended = active
            ? { sessions: 0, feedTokens: 0, loginLinks: 0 }
            : await this.directory.endLogins(tx, person.id, this.clock.now());
          // Only a deactivation of someone active hands over; an activation takes nothing back.
          const handover =
            !active && person.active
              ? await this.handover.handOver(tx, actor, person.id, at)
              : { handedOver: NOTHING_HANDED_OVER, mails: [] };
          mails = handover.mails;
          const { handedOver } = handover;
          await this.change.record(tx, actor, {
            action,
            entityType: 'person',
            entityId: person.id,
            reason,
            details: {
              wasActive: person.active,
              ...ended,
              dossiers: handedOver.dossiers,
              obligations: handedOver.obligations,
              actionPoints: handedOver.actionPoints,
            },
          });
          return { personId: person.id, active, handedOver };
        },
      ),
    );
    await this.outbox.enqueue(mails);
    return { ...result, repeated };
  }
}
