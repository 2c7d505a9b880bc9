import { DateTime } from 'luxon';
import { assertInterval, dutchDate, dutchTimeRange } from '../brussels-time';
import { IcsPart, guestSlotUid, invitationRequest } from '../calendar-invitation';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSessionSubject, midSentence, slotDescription, slotSummary } from '../mail-subjects';
import { DossierCode, Label, Uuid, WebLink } from '../mail-values';
import { TemplateScope } from '../template-engine';
import {
  InvitationVersion,
  SessionInfo,
  attendeesOf,
  sessionTitle,
  sessionValues,
  versionOf,
} from './session-parts.util';

// What the families that write to a guest (aanmelder, consulent) about their own slot share.

/** One guest's slot: the agenda item (its id keys the guest's calendar entry) and its times. */
export interface GuestSlot {
  readonly agendaItemId: Uuid;
  readonly start: DateTime;
  readonly end: DateTime;
  readonly dossier: DossierCode;
  readonly itemType: Label;
}

export interface GuestMailInput {
  readonly recipient: Recipient;
  readonly session: SessionInfo;
  readonly slot: GuestSlot;
  readonly detailsUrl: WebLink;
  /** With it, the guest's slot invitation (METHOD:REQUEST, the slot's UID) is attached. */
  readonly invitation?: InvitationVersion;
}

/** The slot's lines of a template: dossier code, item type (mid-sentence) and hours. */
export function slotValues(slot: GuestSlot): TemplateScope {
  assertInterval(slot.start, slot.end, 'slot');
  return {
    dossierCode: slot.dossier,
    itemType: midSentence(slot.itemType),
    slotHours: dutchTimeRange(slot.start, slot.end),
  };
}

/** The guest's own entry (the slot's UID), provisional (TENTATIVE) until the agenda freezes. */
export function slotRequest(
  identity: MailIdentity,
  input: GuestMailInput,
  version: InvitationVersion,
  tentative: boolean,
): IcsPart {
  const { session, slot } = input;
  return invitationRequest({
    ...versionOf(version),
    uid: guestSlotUid(slot.agendaItemId, identity.uidHost),
    start: slot.start,
    end: slot.end,
    summary: slotSummary(session.table, slot),
    description: slotDescription(slot, input.detailsUrl, tentative, session.onlineUrl),
    location: session.location,
    url: session.onlineUrl,
    organizer: identity.sender,
    attendees: attendeesOf([input.recipient]),
    tentative,
    alarmMinutes: input.recipient.reminderMinutes ?? null,
  });
}

/**
 * One slot of one dossier, told to its guest: the invitation and the confirmation differ only in
 * template and subject prefix.
 */
export function slotMail(
  identity: MailIdentity,
  template: 'invitation-guest' | 'slot-confirmed',
  prefix: 'Uitnodiging' | 'Bevestigd',
  input: GuestMailInput,
): MailParts {
  const ics = input.invitation ? slotRequest(identity, input, input.invitation, false) : undefined;
  return {
    template,
    subject: dossierSessionSubject(prefix, input.slot, sessionTitle(input.session), identity.region),
    preview: `${input.slot.dossier}: ${dutchDate(input.slot.start)}, ${dutchTimeRange(input.slot.start, input.slot.end)}`,
    greeting: input.recipient,
    values: {
      ...sessionValues(input.session),
      ...slotValues(input.slot),
      detailsUrl: input.detailsUrl,
      hasInvitation: ics !== undefined,
    },
    ics,
  };
}
