/** Send the reminders and escalations whose moment has come. */
export interface SweepRemindersCommand {
  /** Due steps read per round trip. */
  readonly batch?: number;
  /** Only the obligations of this region's dossiers (the sweep runs in that region: see inRegion). */
  readonly regionId?: string;
}

export interface SweepResult {
  /** Obligations that sent at least one step. */
  readonly obligations: number;
  /** Steps sent (one step can be several mails: every coordinator of a table). */
  readonly steps: number;
  readonly mails: number;
  /** Due steps handled without a mail of their own because a later one of the same kind went. */
  readonly superseded: number;
  /** Obligations whose due steps could not be handled this time (logged; tried again next sweep). */
  readonly failed: number;
}
