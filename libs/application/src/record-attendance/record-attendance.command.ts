import { z } from 'zod';
import { ATTENDANCE_STATUSES, AttendanceStatus } from '@overlegtafels/domain';
import { uuid } from '../input/input-fields';

/**
 * Attendance as the form sends it (`aanwezigheid[<organisation kind>]=aanwezig`) or JSON
 * (`{ "attendance": { "politie": "aanwezig" } }`), and per item the guests who came (item id →
 * guest ids; the form's checkboxes `gasten[<item id>]`).
 */
export const RecordAttendanceSchema = z.object({
  attendance: z.record(
    z.string().max(60),
    z.enum(ATTENDANCE_STATUSES, { error: 'Kies aanwezig, verontschuldigd of afwezig.' }),
    { error: 'Geef per partner aanwezig, verontschuldigd of afwezig.' },
  ),
  guests: z
    .record(
      z.string().uuid({ error: 'Agendapunt is ongeldig.' }),
      z.preprocess(
        (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
        z.array(uuid('Gast')),
      ),
    )
    .optional()
    .default({}),
});

export interface RecordAttendanceCommand {
  readonly sessionId: string;
  readonly attendance: Readonly<Record<string, AttendanceStatus>>;
  readonly guests: Readonly<Record<string, readonly string[]>>;
  readonly route: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers as the first. */
  readonly submissionKey?: string;
}
