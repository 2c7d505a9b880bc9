import { z } from 'zod';
import { isHttpsLink, MEETING_PLACE_LIMITS } from '@overlegtafels/domain';
import { place } from '@overlegtafels/mail';
import type { CoordinatorActor } from '../coordinator/coordinator-change';
import { controlCharacterMessage, hasControlCharacter } from '../input/control-characters';

/** What a mail and an invitation can carry as a place (the mail library's own rule). */
function isPlace(value: string): boolean {
  try {
    place(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A session's place as a coordinator enters it. An empty location means the table's own; an
 * empty link means no online meeting for this session.
 */
export const SessionPlaceSchema = z.object({
  location: z
    .string()
    .trim()
    .max(MEETING_PLACE_LIMITS.location, {
      error: `Locatie mag hoogstens ${MEETING_PLACE_LIMITS.location} tekens lang zijn.`,
    })
    .refine((v) => !hasControlCharacter(v), { error: controlCharacterMessage('Locatie') })
    .refine((v) => v === '' || isPlace(v), {
      error:
        'Locatie: gebruik letters, cijfers, spaties en . , \' ( ) / & + : # -, zoals "Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen".',
    })
    .optional()
    .transform((v) => v ?? ''),
  onlineMeetingUrl: z
    .string()
    .trim()
    .max(MEETING_PLACE_LIMITS.onlineMeetingUrl, {
      error: `De link voor online deelname mag hoogstens ${MEETING_PLACE_LIMITS.onlineMeetingUrl} tekens lang zijn.`,
    })
    .refine((v) => v === '' || isHttpsLink(v), {
      error:
        'De link voor online deelname moet een volledige https-link zijn, zoals https://meet.example.be/overleg.',
    })
    .optional()
    .transform((v) => v ?? ''),
});

export interface SetSessionPlaceCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  /** '' for the table's own location. */
  readonly location: string;
  /** '' for no online meeting. */
  readonly onlineMeetingUrl: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat changes nothing more. */
  readonly submissionKey?: string;
}
