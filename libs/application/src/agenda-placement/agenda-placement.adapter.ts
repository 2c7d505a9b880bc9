import { Inject, Injectable } from '@nestjs/common';
import { placeOnOrAfter, placeSubmission } from '@overlegtafels/domain';
import type { Transaction } from '../ports/unit-of-work.port';
import { domainSession, slotInfo } from '../agenda/agenda-views';
import { AgendaService } from '../agenda/agenda.service';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { AgendaPlacement, Placement, PlacementRequest } from '../ports/agenda-placement.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { PersonDirectory } from '../ports/person-directory.port';

/** The AgendaPlacement port on the stored agenda and its allocation (AgendaService). */
@Injectable()
export class AgendaPlacementAdapter implements AgendaPlacement {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaItemRepository) private readonly items: Pick<AgendaItemRepository, 'createItem' | 'item'>,
    @Inject(AgendaSessionRepository) private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(PersonDirectory) private readonly people: Pick<PersonDirectory, 'personIdsByEmail'>,
  ) {}

  async place(tx: Transaction, request: PlacementRequest): Promise<Placement> {
    const state = await this.agenda.lock(tx, request.tableKey);
    const table = state.table;
    const options = { calendar: state.calendar, itemType: request.itemType };
    // Under the table's lock, against the calendar it places with: a zitting cancelled or moved
    // meanwhile cannot let an item through to a zitting before its date.
    const placed =
      request.notBeforeDate === undefined
        ? placeSubmission(table, request.submittedAt.getTime(), options)
        : placeOnOrAfter(table, request.submittedAt.getTime(), request.notBeforeDate, options);
    if (!placed.ok) {
      return placed.code === 'SESSION_TOO_EARLY'
        ? { ok: false, reason: 'too_early', tooEarly: placed }
        : { ok: false, reason: 'no_session' };
    }
    const unknown = request.guests.filter((g) => g.personId === undefined).map((g) => g.email.toLowerCase());
    const people =
      unknown.length > 0 ? await this.people.personIdsByEmail(tx, state.regionId, unknown) : new Map();
    const row = await this.agenda.ensureRow(tx, state, placed.session);
    const item = await this.items.createItem(tx, {
      sessionId: row.id,
      dossierId: request.dossierId,
      tableKey: table.key,
      itemType: request.itemType,
      durationMinutes: placed.itemType!.durationMinutes,
      position: 0,
      slotStart: null,
      slotEnd: null,
      submittedAt: request.submittedAt,
      submittedById: request.submittedById,
      ...(request.aanmeldingId && { aanmeldingId: request.aanmeldingId }),
      ...(request.question !== undefined && { question: request.question }),
      ...(request.documentId !== undefined && { documentId: request.documentId }),
      guests: request.guests.map((g) => ({
        kind: g.kind,
        email: g.email,
        ...(g.name !== undefined && { name: g.name }),
        personId: g.personId === undefined ? (people.get(g.email.toLowerCase()) ?? null) : g.personId,
      })),
    });
    const realloc = await this.agenda.reallocate(tx, state);
    if (realloc.unallocated.includes(item.id)) return { ok: false, reason: 'full' };
    const stored = (await this.items.item(item.id, tx))!;
    const session = (await this.sessions.session(stored.sessionId, tx))!;
    return {
      ok: true,
      itemId: item.id,
      sessionId: session.id,
      sessionStart: session.startsAt,
      sessionEnd: session.endsAt,
      slot: slotInfo(table, session, stored, state.calendar),
      icsSequence: stored.icsSequence,
      agendaSendAt: new Date(domainSession(table, session, state.calendar).agendaSendAtMs),
    };
  }
}
