import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import type { Actor } from '../agenda/agenda-views';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { BeheerDirectory, BeheerOrganisationRow, BeheerPersonRow } from '../ports/beheer-directory.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { withinRegion } from '../region-fence/region-fence';
import { Once, SubmittedOnce } from '../submissions/submitted-once';

/** The beheerder as the beheer use cases see them: who, of which region, by which route. */
export type BeheerActor = Actor;

export type AuditDetails = Record<string, string | number | boolean | null>;

/** A beheer change made once per submission key: which kind, the key, and what was sent. */
export interface BeheerOnce {
  /** The ledger's scope: one per kind of change. */
  readonly scope: string;
  /** The form's one-time key or the API's Idempotency-Key; without one the change simply runs. */
  readonly key?: string;
  /** What was sent: the same key with other content is refused (409). */
  readonly content: unknown;
}

export const PERSON_NOT_FOUND = 'PERSON_NOT_FOUND';
export const ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND';

/**
 * What every change of the beheer shares: the row it changes, loaded and passed through the region
 * fence (another region's person or organisation is "not found", and the attempt audited), and the
 * audit event of the change with who made it and why (the beheerder's reason, required).
 */
@Injectable()
export class BeheerChange {
  constructor(
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(SubmittedOnce) private readonly submitted: Pick<SubmittedOnce, 'run'>,
  ) {}

  /**
   * One change in one transaction, made once per submission key (issue #15): a repeat of the key —
   * a reload, a double click, a retried API call — changes and audits nothing and answers as the
   * first. `work` reads what it checks on the transaction it is given, never on another connection.
   */
  once<R>(actor: BeheerActor, spec: BeheerOnce, work: (tx: Transaction) => Promise<R>): Promise<Once<R>> {
    return this.uow.run((tx) =>
      this.submitted.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: spec.scope,
          key: spec.key,
          content: spec.content,
          at: this.clock.now(),
        },
        () => work(tx),
      ),
    );
  }

  async person(
    actor: BeheerActor,
    personId: string,
    action: string,
    tx?: Transaction,
  ): Promise<BeheerPersonRow> {
    const row = await withinRegion(
      this.audit,
      actor,
      await this.directory.person(personId, tx),
      { action, entityType: 'person', entityId: personId },
      this.clock.now(),
    );
    if (!row) throw new AgendaRefusal(PERSON_NOT_FOUND, 'Persoon niet gevonden.', undefined, 'not_found');
    return row;
  }

  async organisation(
    actor: BeheerActor,
    organisationId: string,
    action: string,
    tx?: Transaction,
  ): Promise<BeheerOrganisationRow> {
    const row = await withinRegion(
      this.audit,
      actor,
      await this.directory.organisation(organisationId, tx),
      { action, entityType: 'organisation', entityId: organisationId },
      this.clock.now(),
    );
    if (!row)
      throw new AgendaRefusal(ORGANISATION_NOT_FOUND, 'Organisatie niet gevonden.', undefined, 'not_found');
    return row;
  }

  /** The organisation a person is given: one of the region's active ones, or a 400 on the field. */
  async organisationForPerson(
    actor: BeheerActor,
    organisationId: string | null,
    action: string,
  ): Promise<string | null> {
    if (organisationId === null) return null;
    const row = await withinRegion(
      this.audit,
      actor,
      await this.directory.organisation(organisationId),
      { action, entityType: 'organisation', entityId: organisationId },
      this.clock.now(),
    );
    if (!row?.active)
      throw new AgendaRefusal(
        'UNKNOWN_ORGANISATION',
        'Kies een actieve organisatie uit de lijst.',
        'organisationId',
        'invalid',
      );
    return row.id;
  }

  /** The audit event of a change: ids and keys in the details, and the reason it was made. */
  async record(
    tx: Transaction,
    actor: BeheerActor,
    change: { action: string; entityType: string; entityId: string; reason: string; details?: AuditDetails },
  ): Promise<void> {
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId,
        outcome: 'allowed',
        route: actor.route ?? null,
        details: { ...change.details, reason: change.reason },
      },
      this.clock.now(),
      tx,
    );
  }
}
