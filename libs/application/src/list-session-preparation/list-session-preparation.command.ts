import type { Viewer } from '../agenda/agenda-queries';

/** The coordinators' overview of a session's preparation. */
export interface ListSessionPreparationCommand {
  readonly viewer: Viewer;
  readonly sessionId: string;
}
