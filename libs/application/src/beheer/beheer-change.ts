import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import type { Actor } from '../agenda/agenda-views';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { BeheerDirectory, BeheerOrganisationRow, BeheerPersonRow } from '../ports/beheer-directory.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { withinRegion } from '../region-fence/region-fence';

/** The beheerder as the beheer use cases see them: who, of which region, by which route. */
export type BeheerActor = Actor;

export type AuditDetails = Record<string, string | number | boolean | null>;

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
  ) {}

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
