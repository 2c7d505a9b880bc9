/** The logged-in person's reminder for their invitations and feed, as the form sent it. */
export interface ChooseCalendarReminderCommand {
  readonly personId: string;
  /** One of CALENDAR_REMINDER_CHOICES (geen, 15m, 1u, 1d); anything else is refused. */
  readonly reminder: unknown;
  /** The form's one-time key: a repeat answers as the first and writes nothing. */
  readonly submissionKey?: string;
}
