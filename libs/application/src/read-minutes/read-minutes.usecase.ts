import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { hasRole, Principal } from '@overlegtafels/auth';
import {
  checkMinutesClose,
  checkMinutesEdit,
  checkMinutesReopen,
  mayWriteMinutes,
  minutesItemScope,
  MinutesReaderFacts,
} from '@overlegtafels/domain';
import { dutchDate } from '@overlegtafels/mail';
import { AgendaRefusal } from '../errors';
import { MinutesAccess, MinutesContext, SESSION_NOT_FOUND } from '../minutes/minutes-access';
import { SessionAnswers } from '../list-session-answers/session-answers.service';
import { withAnswers } from '../minutes/minutes-answers';
import { attendanceView, minutesItemView, MinutesItemView, MinutesView } from '../minutes/minutes-view';
import { MinutesItem, SessionMinutesRepository } from '../ports/session-minutes.port';
import type { ReadMinutesCommand } from './read-minutes.command';

/** Whether the reader sits at the table as a member (role or TableMembership). */
export function readerFacts(principal: Principal, ctx: MinutesContext): MinutesReaderFacts {
  return {
    writer: mayWriteMinutes(ctx.actor),
    member:
      hasRole(principal, 'member', ctx.table.key) ||
      ctx.actor.tableFunction === 'lid' ||
      ctx.actor.tableFunction === 'op-afroep',
  };
}

export function itemScopeFor(principal: Principal, reader: MinutesReaderFacts, item: MinutesItem) {
  return minutesItemScope(reader, {
    sharedWithSession: item.sharedWithSession,
    ownCasusregie: item.casusregisseurId === principal.personId,
    ownAanmelding: item.aanmelderId === principal.personId,
  });
}

/**
 * The verslag of a session for one reader, with the same need-to-know as the agenda: the
 * coordinators, the voorzitter and the verslaggever everything (also while it is being written);
 * once it is closed, a member of the table the items shared with the session, the casusregisseur
 * their own items, the aanmelder their own item's outcome (the decision and the action points).
 * Anyone else, another region, and a verslag not closed yet answer "not found". Each read is
 * audited, and each item read with its dossier.
 */
@Injectable()
export class ReadMinutesUseCase {
  constructor(
    @Inject(MinutesAccess) private readonly access: MinutesAccess,
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(SessionAnswers) private readonly answers: Pick<SessionAnswers, 'of'>,
  ) {}

  async execute(principal: Principal, command: ReadMinutesCommand): Promise<MinutesView> {
    return this.minutesView(command.sessionId, principal, command.route);
  }

  /**
   * Where the owner of an action point reads it (the link on "Mijn opvolging"): the verslag's
   * page and the item; the page itself decides what they see.
   */
  async locateActionPoint(obligationId: string): Promise<string> {
    const found = await this.minutes.actionPointOf(obligationId);
    if (!found)
      throw new AgendaRefusal('ACTION_POINT_NOT_FOUND', 'Actiepunt niet gevonden.', undefined, 'not_found');
    return `/verslag/${found.sessionId}#punt-${found.agendaItemId}`;
  }

  /**
   * Whether the verslag would open for this reader, for a link to it (issue #15: no links that
   * answer 404). Nothing of the verslag is handed out, so nothing is audited.
   */
  async mayOpen(principal: Principal, sessionId: string, route: string): Promise<boolean> {
    const ctx = await this.access.open(principal, sessionId, 'minutes.link', route).catch(() => undefined);
    if (!ctx) return false;
    const reader = readerFacts(principal, ctx);
    if (reader.writer) return true;
    if (ctx.session.minutes?.closedAt == null) return false;
    if (reader.member) return true;
    const items = await this.minutes.itemsOf(undefined, sessionId);
    return items.some(
      (item) =>
        itemScopeFor(principal, reader, item) !== 'none' ||
        item.actionPoints.some((a) => a.ownerPersonId === principal.personId),
    );
  }

  /** The verslag as data (pages, the API and the PDF all read this). */
  async minutesView(sessionId: string, principal: Principal, route: string): Promise<MinutesView> {
    const action = 'minutes.read';
    const ctx = await this.access.open(principal, sessionId, action, route);
    const reader = readerFacts(principal, ctx);
    const state = ctx.session.minutes;
    const closed = state?.closedAt != null;
    const items = await this.minutes.itemsOf(undefined, sessionId);
    const scoped = items.map((item) => ({ item, scope: itemScopeFor(principal, reader, item) }));
    const ownsAction = (i: MinutesItem) => i.actionPoints.some((a) => a.ownerPersonId === principal.personId);
    const visible = scoped.filter((s) => s.scope !== 'none' || reader.member || ownsAction(s.item));
    const anything = reader.writer || (closed && (reader.member || visible.length > 0));
    if (!anything) {
      await this.access.record(principal, action, route, sessionId, 'denied', { code: 'MINUTES_NOT_FOUND' });
      throw new AgendaRefusal('MINUTES_NOT_FOUND', SESSION_NOT_FOUND, undefined, 'not_found');
    }
    const views: MinutesItemView[] = visible.map((s) =>
      minutesItemView(s.item, s.scope, ctx.table, principal.personId),
    );
    const seesAttendance = reader.writer || reader.member || views.some((v) => v.scope === 'all');
    await this.access.record(principal, action, route, sessionId, 'allowed', {
      items: views.length,
      withContents: views.filter((v) => v.scope !== 'none' || v.actionPoints !== null).length,
      closed,
    });
    for (const s of visible.filter((v) => v.scope !== 'none' || ownsAction(v.item))) {
      await this.access.record(
        principal,
        'minutes.item-read',
        route,
        sessionId,
        'allowed',
        {
          code: s.item.dossierCode,
          itemId: s.item.id,
          scope: s.scope,
        },
        undefined,
        s.item.dossierId,
      );
    }
    let attendance = seesAttendance
      ? attendanceView(ctx.table, await this.minutes.attendanceOf(sessionId), ctx.organisationKinds)
      : null;
    let itemViews = views;
    let invitations: MinutesView['invitations'] = null;
    if (reader.writer && attendance) {
      // What the invited people answered beforehand, beside what the verslaggever records (#16).
      const emails = new Map<string, string>();
      for (const item of items)
        for (const g of item.guests) if (g.email) emails.set(g.id, g.email.trim().toLowerCase());
      const answered = withAnswers(
        attendance,
        views,
        await this.answers.of(
          sessionId,
          items.map((i) => i.id),
        ),
        emails,
        ctx.organisationKinds,
      );
      ({ attendance, items: itemViews, invitations } = answered);
    }
    const start = DateTime.fromJSDate(ctx.session.startsAt, { zone: ctx.table.timeZone });
    const facts = this.access.stateOf(ctx, closed);
    const canWrite = checkMinutesEdit(ctx.actor, facts).ok;
    return {
      sessionId,
      tableKey: ctx.table.key,
      tableName: ctx.table.name,
      startsAt: start.toISO()!,
      dateText: dutchDate(start),
      closed,
      closedAt: state?.closedAt
        ? DateTime.fromJSDate(state.closedAt, { zone: ctx.table.timeZone }).toISO()
        : null,
      reopenReason: reader.writer ? (state?.reopenReason ?? null) : null,
      canWrite,
      canClose: checkMinutesClose(ctx.actor, facts).ok,
      canReopen: checkMinutesReopen(ctx.actor, facts).ok,
      attendance,
      invitations,
      items: itemViews,
      actionOwners: canWrite ? await this.actionOwners(sessionId) : null,
    };
  }

  private async actionOwners(sessionId: string): Promise<NonNullable<MinutesView['actionOwners']>> {
    const people = await this.minutes.ownerCandidates(sessionId);
    const organisations = new Map<string, string>();
    for (const p of people)
      if (p.organisationId) organisations.set(p.organisationId, p.organisationName ?? '');
    return {
      people: people.map((p) => ({
        personId: p.personId,
        displayName: p.displayName,
        organisationName: p.organisationName,
      })),
      organisations: [...organisations]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}
