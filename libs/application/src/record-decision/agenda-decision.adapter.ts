import { Inject, Injectable } from '@nestjs/common';
import { holdSession, placeSubmission } from '@overlegtafels/domain';
import type { Transaction } from '../ports/unit-of-work.port';
import { AgendaRefusal } from '../errors';
import { domainSession } from '../agenda/agenda-views';
import { AgendaService } from '../agenda/agenda.service';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import type { PlacementGuest } from '../ports/agenda-placement.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { DecisionAgenda, IcoReturn, ItemToDecide } from '../ports/decision-agenda.port';

/** The DecisionAgenda port on the stored agenda and its allocation (AgendaService). */
@Injectable()
export class AgendaDecisionAdapter implements DecisionAgenda {
  constructor(
    @Inject(AgendaItemRepository)
    private readonly items: Pick<AgendaItemRepository, 'item' | 'createItem' | 'markDiscussed'>,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'session' | 'markHeld'>,
    @Inject(AgendaService) private readonly agenda: AgendaService,
  ) {}

  async itemToDecide(tx: Transaction, itemId: string): Promise<ItemToDecide | undefined> {
    const item = await this.items.item(itemId, tx);
    const session = item && (await this.sessions.session(item.sessionId, tx));
    if (!item || !session) return undefined;
    return {
      id: item.id,
      dossierId: item.dossierId,
      tableKey: item.tableKey,
      itemType: item.itemType,
      status: item.status,
      session: { id: session.id, status: session.status, startsAt: session.startsAt },
    };
  }

  async markDiscussed(tx: Transaction, item: ItemToDecide, at: Date): Promise<void> {
    await this.items.markDiscussed(tx, item.id);
    const held = holdSession(item.session);
    if (held.ok) await this.sessions.markHeld(tx, item.session.id, at, held);
  }

  /**
   * Herbespreking: the dossier comes back on the next session of the intake table (the region's
   * dossier life) whose deadline is still ahead, with the intake's return item type.
   */
  async returnToIco(
    tx: Transaction,
    dossierId: string,
    submittedById: string,
    at: Date,
    guests: readonly PlacementGuest[],
  ): Promise<IcoReturn> {
    const { intake } = this.agenda.region.dossierLife.roles;
    if (intake.returnItemType === undefined) {
      throw new AgendaRefusal(
        'DECISION_NOT_FOR_ITEM',
        'Deze regio kent geen herbespreking: een dossier komt niet terug op de intaketafel.',
        'kind',
        'unprocessable',
      );
    }
    const state = await this.agenda.lock(tx, intake.table);
    const placed = placeSubmission(state.table, at.getTime(), {
      calendar: state.calendar,
      itemType: intake.returnItemType,
    });
    if (!placed.ok)
      throw new AgendaRefusal(
        'NO_SESSION_IN_RANGE',
        `Er is het komende jaar geen ${state.table.name} gepland.`,
      );
    const row = await this.agenda.ensureRow(tx, state, placed.session);
    const item = await this.items.createItem(tx, {
      sessionId: row.id,
      dossierId,
      tableKey: intake.table,
      itemType: intake.returnItemType,
      durationMinutes: placed.itemType!.durationMinutes,
      position: 0,
      slotStart: null,
      slotEnd: null,
      submittedAt: at,
      submittedById,
      guests: guests.map((g) => ({
        kind: g.kind,
        email: g.email,
        personId: g.personId ?? null,
        ...(g.name ? { name: g.name } : {}),
      })),
    });
    await this.agenda.reallocate(tx, state);
    // Where the allocation left it (a full session passes it on).
    const stored = (await this.items.item(item.id, tx))!;
    const session = (await this.sessions.session(stored.sessionId, tx))!;
    return {
      itemId: item.id,
      sessionId: session.id,
      sessionStart: session.startsAt,
      agendaSendAt: new Date(domainSession(state.table, session, state.calendar).agendaSendAtMs),
    };
  }
}
