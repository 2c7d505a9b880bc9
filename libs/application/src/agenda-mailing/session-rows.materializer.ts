/** Creates the session rows of a table's open sessions that start in [fromMs, toMs); returns them. */
export interface SessionMaterializer {
  materializeSessions(tableKey: string, fromMs: number, toMs: number): Promise<{ id: string }[]>;
}

/** Bound to the agenda's AgendaService, which makes rows under the table's lock. */
export const SESSION_MATERIALIZER = Symbol('SESSION_MATERIALIZER');
