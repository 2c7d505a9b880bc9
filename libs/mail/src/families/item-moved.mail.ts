import { dutchDate, dutchTimeRange, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSessionSubject } from '../mail-subjects';
import { WebLink, cleanText } from '../mail-values';
import { GuestSlot, slotRequest, slotValues } from './guest-slot.util';
import {
  InvitationVersion,
  SessionInfo,
  SessionTitleInput,
  sessionTitle,
  sessionValues,
} from './session-parts.util';

export interface ItemMovedInput {
  readonly recipient: Recipient;
  /** The session the item left. */
  readonly from: SessionTitleInput;
  /** The later session it moved to; `slot` holds the new times. */
  readonly to: SessionInfo;
  readonly slot: GuestSlot;
  /** Free text from the coordinator; mail body only. */
  readonly reason?: string;
  readonly detailsUrl: WebLink;
  /** With it, the guest's entry moves: same slot UID, new times, higher SEQUENCE. */
  readonly invitation?: InvitationVersion;
}

/** The item moved to a later session; the guest's entry moves with it (same UID). */
export function itemMovedMail(identity: MailIdentity, input: ItemMovedInput): MailParts {
  inBrussels(input.from.start, 'from.start');
  const ics = input.invitation
    ? slotRequest(
        identity,
        { recipient: input.recipient, session: input.to, slot: input.slot, detailsUrl: input.detailsUrl },
        input.invitation,
        false,
      )
    : undefined;
  const reason = cleanText(input.reason ?? '', { multiline: true, maxLength: 2000 });
  return {
    template: 'item-moved',
    subject: dossierSessionSubject('Verplaatst', input.slot, sessionTitle(input.to), identity.region),
    preview: `${input.slot.dossier} verplaatst naar ${dutchDate(input.slot.start)}`,
    greeting: input.recipient,
    values: {
      ...sessionValues(input.to),
      ...slotValues(input.slot),
      fromDate: dutchDate(input.from.start),
      toDate: dutchDate(input.slot.start),
      toHours: dutchTimeRange(input.slot.start, input.slot.end),
      hasReason: reason.length > 0,
      reason,
      detailsUrl: input.detailsUrl,
      hasInvitation: ics !== undefined,
    },
    ics,
  };
}
