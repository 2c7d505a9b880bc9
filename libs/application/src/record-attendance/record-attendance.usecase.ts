import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { checkMinutesEdit, TableDefinition } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { MinutesAccess } from '../minutes/minutes-access';
import { AttendanceEntry, SessionMinutesRepository } from '../ports/session-minutes.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import type { RecordAttendanceCommand } from './record-attendance.command';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of the attendance form's one-time key. */
export const ATTENDANCE_SCOPE = 'minutes-attendance';

/** The organisations of the table's definition whose attendance is recorded (not the aanmelder's role). */
export function attendanceParticipants(table: TableDefinition): string[] {
  return [
    ...new Set(table.participants.flatMap((p) => ('organisation' in p ? [p.organisation as string] : []))),
  ];
}

/**
 * Who came (guide II.G, IV): per partner organisation of the table present, excused or absent, and
 * per agendapunt which of its guests (the aanmelder for their own part) came. Recorded by the
 * verslaggever, the voorzitter or a coordinator, during or after the session, while the verslag is
 * open; what is given replaces what was recorded for those partners and items. With the form's key
 * (or an Idempotency-Key) a repeat answers as the first and writes and audits nothing.
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MinutesAccess) private readonly access: MinutesAccess,
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
  ) {}

  async execute(principal: Principal, command: RecordAttendanceCommand): Promise<{ recorded: number }> {
    const action = 'minutes.attendance';
    const ctx = await this.access.open(principal, command.sessionId, action, command.route);
    const known = new Set(attendanceParticipants(ctx.table));
    const entries: AttendanceEntry[] = Object.entries(command.attendance).map(([participant, status]) => {
      if (!known.has(participant)) {
        throw new AgendaRefusal(
          'UNKNOWN_PARTICIPANT',
          `${participant} zit niet aan deze tafel.`,
          'attendance',
          'unprocessable',
        );
      }
      return { participant, status };
    });
    const { route: _route, submissionKey, ...content } = command;
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: principal.personId,
          scope: ATTENDANCE_SCOPE,
          ...(submissionKey && { key: submissionKey }),
          content,
          at: this.access.now(),
        },
        async (): Promise<{ recorded: number }> => {
          await this.access.lock(tx, principal, ctx, checkMinutesEdit, action, command.route);
          const items = new Map((await this.minutes.itemsOf(tx, ctx.session.id)).map((i) => [i.id, i]));
          for (const [itemId, guestIds] of Object.entries(command.guests)) {
            const item = items.get(itemId);
            if (!item)
              throw new AgendaRefusal(
                'ITEM_NOT_FOUND',
                'Agendapunt niet gevonden op deze zitting.',
                'guests',
                'unprocessable',
              );
            const guests = new Set(item.guests.map((g) => g.id));
            if (!guestIds.every((g) => guests.has(g))) {
              throw new AgendaRefusal(
                'UNKNOWN_GUEST',
                'Kies de gasten van dit agendapunt.',
                'guests',
                'unprocessable',
              );
            }
            await this.minutes.saveItemMinutes(
              tx,
              itemId,
              { text: item.text ?? '', guestsPresent: [...new Set(guestIds)] },
              principal.personId,
              this.access.now(),
            );
          }
          await this.minutes.saveAttendance(
            tx,
            ctx.session.id,
            entries,
            principal.personId,
            this.access.now(),
          );
          await this.access.record(
            principal,
            action,
            command.route,
            ctx.session.id,
            'allowed',
            {
              partners: entries.length,
              items: Object.keys(command.guests).length,
            },
            tx,
          );
          return { recorded: entries.length };
        },
      );
      return once.result;
    });
  }
}
