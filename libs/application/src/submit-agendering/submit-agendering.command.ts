import type { AgenderingInput } from '../agenda/agenda-input';
import type { Actor } from '../agenda/agenda-views';

export interface AgenderingActor extends Actor {
  readonly isCoordinator: boolean;
}

export interface UploadedFile {
  readonly originalName: string;
  readonly bytes: Buffer;
}

/** The agendering form or JSON body, validated at the edge (AgenderingSchema), with its upload. */
export interface SubmitAgenderingCommand {
  readonly actor: AgenderingActor;
  readonly agendering: AgenderingInput;
  readonly document?: UploadedFile;
}
