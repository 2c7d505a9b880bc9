import { DateTime } from 'luxon';
import { dutchDate, dutchDateTime, dutchTimeRange, dutchWeekdayTime, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { dossierSessionSubject } from '../mail-subjects';
import { GuestMailInput, slotRequest, slotValues } from './guest-slot.util';
import { sessionTitle, sessionValues } from './session-parts.util';

export interface AanmeldingReceivedInput extends GuestMailInput {
  /** The agenda freeze ("donderdag 13:00"); until then the slot is provisional (STATUS:TENTATIVE). */
  readonly freezeAt: DateTime;
}

/** Aanmelding received: the slot is provisional until the freeze ("onder voorbehoud tot …"). */
export function aanmeldingReceivedMail(identity: MailIdentity, input: AanmeldingReceivedInput): MailParts {
  inBrussels(input.freezeAt, 'freezeAt');
  const ics = input.invitation ? slotRequest(identity, input, input.invitation, true) : undefined;
  const slotLine = `${dutchDate(input.slot.start)}, ${dutchTimeRange(input.slot.start, input.slot.end)}, onder voorbehoud tot ${dutchWeekdayTime(input.freezeAt)}`;
  return {
    template: 'aanmelding-received',
    subject: dossierSessionSubject(
      'Aanmelding ontvangen',
      { dossier: input.slot.dossier },
      sessionTitle(input.session),
      identity.region,
    ),
    preview: `${input.slot.dossier}: ${slotLine}`,
    greeting: input.recipient,
    values: {
      ...sessionValues(input.session),
      ...slotValues(input.slot),
      slotLine,
      freezeMoment: dutchDateTime(input.freezeAt),
      detailsUrl: input.detailsUrl,
      hasInvitation: ics !== undefined,
    },
    ics,
  };
}
