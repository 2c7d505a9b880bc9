import type { AanmeldingInput } from '../agenda/agenda-input';
import type { Actor } from '../agenda/agenda-views';

/** The aanmelding form or JSON body, validated at the edge (AanmeldingSchema). */
export interface SubmitAanmeldingCommand {
  readonly actor: Actor;
  readonly aanmelding: AanmeldingInput;
}
