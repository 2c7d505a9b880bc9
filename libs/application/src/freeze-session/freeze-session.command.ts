/** The freeze job of one session, as the planner put it on the agenda queue. */
export interface FreezeSessionCommand {
  readonly sessionId: string;
  /** The freeze moment the job was planned for; the job is stale when the session's moved on. */
  readonly plannedAtMs: number;
}
