import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Principal } from '@overlegtafels/auth';
import { actionPointRuleKey, checkMinutesEdit, ObligationRule, reminderSteps } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { MinutesAccess } from '../minutes/minutes-access';
import { ObligationRules } from '../obligations/obligation-rules';
import { ObligationRepository, ReminderStepPlan } from '../ports/obligation.repository.port';
import { ActionOwnerCandidate, SessionMinutesRepository } from '../ports/session-minutes.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import type { AddActionPointCommand } from './add-action-point.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface AddActionPointResult {
  readonly actionPointId: string;
  readonly obligationId: string;
  readonly ownerPersonId: string;
  /** ISO instant at the region's offset. */
  readonly dueAt: string;
}

/**
 * An action point of the verslag (MARAC: actions tracked to completion): who does what by when,
 * about one agendapunt. It becomes a follow-up obligation of the item's dossier in the same
 * transaction, owned by the person named — for an organisation, its contact at the table — with
 * the region's reminders before the date and the escalation to the table's coordinators after
 * it; the owner fulfils it on "Mijn opvolging" with a short note. Its rule key is the action
 * point's own (`actiepunt:<table>:<id>`), so the dossier's re-plan never touches it.
 */
/** The ledger's scope of an action point's one-time key. */
export const ACTION_POINT_SCOPE = 'action-point';

@Injectable()
export class AddActionPointUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MinutesAccess) private readonly access: MinutesAccess,
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute(principal: Principal, command: AddActionPointCommand): Promise<AddActionPointResult> {
    const action = 'minutes.action-point';
    const ctx = await this.access.open(principal, command.sessionId, action, command.route);
    const zone = this.access.timeZone;
    const today = DateTime.fromJSDate(this.access.now(), { zone }).toISODate()!;
    if (command.dueDate < today) {
      throw new AgendaRefusal(
        'DUE_DATE_PAST',
        'Tegen wanneer: kies vandaag of een latere dag.',
        'dueDate',
        'unprocessable',
      );
    }
    const owner = this.ownerOf(await this.minutes.ownerCandidates(ctx.session.id), command);
    const id = randomUUID();
    const ruleKey = actionPointRuleKey(ctx.table.key, id);
    const rule = this.rules.rule(ruleKey) as ObligationRule;
    const due = rule.due.kind === 'offset' ? rule.due.time : '17:00';
    const dueAt = DateTime.fromISO(`${command.dueDate}T${due}`, { zone });
    const { route: _route, submissionKey, ...content } = command;
    return this.uow.run(async (tx) => {
      // A reload, a double click or a retried call with the same key: the first action point.
      const once = await this.once.run(
        tx,
        {
          actorPersonId: principal.personId,
          scope: ACTION_POINT_SCOPE,
          key: submissionKey,
          content,
          at: this.access.now(),
          resultIdOf: (r: AddActionPointResult) => r.actionPointId,
        },
        async (): Promise<AddActionPointResult> => {
          await this.access.lock(tx, principal, ctx, checkMinutesEdit, action, command.route);
          const item = (await this.minutes.itemsOf(tx, ctx.session.id)).find((i) => i.id === command.itemId);
          if (!item || item.status === 'withdrawn') {
            throw new AgendaRefusal(
              'ITEM_NOT_FOUND',
              'Agendapunt niet gevonden op deze zitting.',
              undefined,
              'not_found',
            );
          }
          const obligationId = await this.obligations.addObligation(
            tx,
            {
              dossierId: item.dossierId,
              ruleKey,
              sequence: 0,
              placement: {
                ownerId: owner.personId,
                ownerRole: rule.owner.role,
                tableKey: ctx.table.key,
                itemType: null,
                sessionKey: null,
              },
              dueAt: dueAt.toJSDate(),
              status: 'open',
              fulfilment: null,
            },
            firstSteps(obligationKey(item.dossierId, ruleKey), dueAt.toMillis(), rule, zone),
          );
          await this.minutes.addActionPoint(tx, {
            id,
            agendaItemId: item.id,
            what: command.what,
            ownerPersonId: owner.personId,
            ownerOrganisationId: command.ownerOrganisationId ?? null,
            dueDate: new Date(`${command.dueDate}T00:00:00Z`),
            obligationId,
            createdById: principal.personId,
            createdAt: this.access.now(),
          });
          await this.access.record(
            principal,
            action,
            command.route,
            ctx.session.id,
            'allowed',
            {
              code: item.dossierCode,
              itemId: item.id,
              actionPointId: id,
              obligationId,
              dueDate: command.dueDate,
            },
            tx,
            item.dossierId,
          );
          return { actionPointId: id, obligationId, ownerPersonId: owner.personId, dueAt: dueAt.toISO()! };
        },
      );
      return once.result;
    });
  }

  /** The person named, or the organisation's contact at the table (the one named, else the first by name). */
  private ownerOf(
    candidates: readonly ActionOwnerCandidate[],
    command: AddActionPointCommand,
  ): ActionOwnerCandidate {
    if (command.ownerOrganisationId) {
      const contacts = candidates
        .filter((c) => c.organisationId === command.ownerOrganisationId)
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      const chosen = command.ownerPersonId
        ? contacts.find((c) => c.personId === command.ownerPersonId)
        : contacts[0];
      if (!chosen) {
        throw new AgendaRefusal(
          'NO_CONTACT_AT_TABLE',
          command.ownerPersonId
            ? 'Deze persoon is geen contactpersoon van die organisatie aan de tafel.'
            : 'Deze organisatie heeft niemand aan de tafel; kies een persoon.',
          command.ownerPersonId ? 'ownerPersonId' : 'ownerOrganisationId',
          'unprocessable',
        );
      }
      return chosen;
    }
    const person = candidates.find((c) => c.personId === command.ownerPersonId);
    if (!person) {
      throw new AgendaRefusal(
        'OWNER_NOT_AT_TABLE',
        'Kies iemand van de tafel of van het dossier.',
        'ownerPersonId',
        'unprocessable',
      );
    }
    return person;
  }
}

const obligationKey = (dossierId: string, ruleKey: string) => `${dossierId}|${ruleKey}#0`;

/** The reminders and the first escalation; the sweep adds the later escalations one at a time. */
function firstSteps(key: string, dueAtMs: number, rule: ObligationRule, zone: string): ReminderStepPlan[] {
  return reminderSteps({ key, dueAtMs, status: 'open' }, rule, zone)
    .filter((s) => s.kind === 'reminder' || s.repeat === 1)
    .map((s) => ({ stepKey: s.stepKey, sendAt: new Date(s.sendAtMs) }));
}
