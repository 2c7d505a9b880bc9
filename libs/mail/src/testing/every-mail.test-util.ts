import { GuestSlot } from '../families/guest-slot.util';
import { MailComposer } from '../mail-composer';
import { RenderedMail } from '../mail-renderer';
import { MailTemplates } from '../mail-templates';
import { emailAddress, label, uuid, webLink } from '../mail-values';
import {
  ITEM_ID,
  afronding,
  agendaUrl,
  code42,
  code43,
  detailsUrl,
  formUrl,
  ico,
  icoSlot,
  identity,
  planVanAanpak,
  stamp,
  weegploeg,
  zdt,
} from './mail-fixtures.test-util';

export const composer = new MailComposer(identity, new MailTemplates());

export const HOSTILE =
  'x\r\nATTENDEE:mailto:evil@example.org\rBCC: x@example.org\\;,<script>alert(1)</script>{{subject}}';
export const hostileRecipient = {
  address: emailAddress('sara.geheim@example.org'),
  name: `Sara Geheim ${HOSTILE}`,
};

/** The ICO of 4 December 2026 decided on CO3-2026-0042; what the letters about it share. */
export const decided = {
  recipient: hostileRecipient,
  session: ico,
  dossier: code42,
  dossierUrl: webLink('https://overlegtafels.example.be/dossiers/CO3-2026-0042'),
};

export const weegploegSlot: GuestSlot = {
  agendaItemId: ITEM_ID,
  start: zdt('2026-12-01T13:30'),
  end: zdt('2026-12-01T14:00'),
  dossier: code42,
  itemType: planVanAanpak,
};
export const rows = [
  // Given out of order on purpose: the agenda is sorted by time.
  {
    start: zdt('2026-12-01T13:30'),
    end: zdt('2026-12-01T13:45'),
    dossier: code43,
    itemType: afronding,
    broughtBy: 'Pieter Claes (politie)',
  },
  {
    start: zdt('2026-12-01T13:00'),
    end: zdt('2026-12-01T13:30'),
    dossier: code42,
    itemType: planVanAanpak,
    broughtBy: 'casusregisseur, CAW',
  },
];

/** One of each message, with hostile free text wherever free text is accepted. */
export const EVERY_MAIL: Record<string, () => Promise<RenderedMail>> = {
  agenda: () =>
    composer.agenda({
      recipient: hostileRecipient,
      session: weegploeg,
      rows: [
        ...rows,
        { ...rows[0]!, broughtBy: HOSTILE, start: zdt('2026-12-01T14:00'), end: zdt('2026-12-01T14:15') },
      ],
      agendaUrl,
      invitation: { sequence: 0, stamp },
    }),
  'invitation-guest': () =>
    composer.guestInvitation({
      recipient: hostileRecipient,
      session: weegploeg,
      slot: weegploegSlot,
      detailsUrl,
      invitation: { sequence: 0, stamp },
    }),
  'aanmelding-received': () =>
    composer.aanmeldingReceived({
      recipient: hostileRecipient,
      session: ico,
      slot: icoSlot,
      freezeAt: zdt('2026-12-03T13:00'),
      detailsUrl,
      invitation: { sequence: 0, stamp },
    }),
  'slot-confirmed': () =>
    composer.slotConfirmed({
      recipient: hostileRecipient,
      session: ico,
      slot: icoSlot,
      detailsUrl,
      invitation: { sequence: 1, stamp },
    }),
  'item-moved': () =>
    composer.itemMoved({
      recipient: hostileRecipient,
      from: weegploeg,
      to: {
        ...weegploeg,
        id: uuid('11111111-2222-4333-8444-555555555555'),
        start: zdt('2026-12-15T13:00'),
        end: zdt('2026-12-15T16:00'),
      },
      slot: { ...weegploegSlot, start: zdt('2026-12-15T13:00'), end: zdt('2026-12-15T13:30') },
      reason: HOSTILE,
      detailsUrl,
      invitation: { sequence: 2, stamp },
    }),
  'session-cancelled': () =>
    composer.sessionCancelled({
      recipient: hostileRecipient,
      session: weegploeg,
      reason: HOSTILE,
      next: { table: weegploeg.table, start: zdt('2026-12-15T13:00') },
      detailsUrl: agendaUrl,
      cancellation: { sequence: 3, stamp },
    }),
  'agendering-received': () =>
    composer.agenderingReceived({
      recipient: hostileRecipient,
      session: weegploeg,
      dossier: code42,
      itemType: planVanAanpak,
      agendaSentAt: zdt('2026-11-26T12:00'),
      detailsUrl,
    }),
  'advice-letter': () => composer.adviceLetter({ ...decided, parketmeldingAdvies: true }),
  'no-consent-letter': () => composer.noConsentLetter({ ...decided, hasAdvice: true, returnsLeft: 2 }),
  'zonder-casusregisseur-letter': () =>
    composer.zonderCasusregisseurLetter({
      ...decided,
      criminologen: emailAddress('criminologen@co3.example.be'),
    }),
  'herbespreking-letter': () =>
    composer.herbesprekingLetter({
      ...decided,
      next: { table: ico.table, start: zdt('2026-12-18T09:30') },
      agendaSentAt: zdt('2026-12-17T13:00'),
    }),
  'instroom-letter': () =>
    composer.instroomLetter({
      ...decided,
      startDate: zdt('2026-12-07T00:00'),
      vervolgoverleg: zdt('2027-01-12T00:00'),
    }),
  'casusregie-appointed': () =>
    composer.casusregieAppointed({
      ...decided,
      startDate: zdt('2026-12-07T00:00'),
      bijkomendCasusoverleg: zdt('2026-12-10T00:00'),
      obligations: [
        { what: 'Bijkomend casusoverleg met de casusregisseur', due: zdt('2026-12-10T17:00') },
        { what: `Eerste plan van aanpak op de Weegploeg ${HOSTILE}`, due: zdt('2027-02-01T12:00') },
      ],
      opvolgingUrl: webLink('https://overlegtafels.example.be/opvolging'),
    }),
  'criminologen-referral': () =>
    composer.criminologenReferral({
      ...decided,
      aanmelder: {
        name: `Karel Aanmelder ${HOSTILE}`,
        organisation: 'Politiezone Noord (fictief)',
        email: emailAddress('karel.aanmelder@politie.example.be'),
      },
    }),
  reminder: () =>
    composer.reminder({
      recipient: hostileRecipient,
      dossier: code42,
      obligation: label('Eerste plan van aanpak'),
      due: zdt('2027-02-01T23:59'),
      formUrl,
    }),
  escalation: () =>
    composer.escalation({
      recipient: hostileRecipient,
      dossier: code42,
      obligation: label('Eerste plan van aanpak'),
      due: zdt('2027-02-01T23:59'),
      now: zdt('2027-02-04T07:00'),
      owner: HOSTILE,
      formUrl,
    }),
  'login-link': () =>
    composer.loginLink({
      recipient: hostileRecipient,
      loginUrl: webLink('https://overlegtafels.example.be/login/abc?t=1&u=2'),
      expiresAt: zdt('2026-11-23T09:30'),
    }),
  test: () => composer.test({ recipient: hostileRecipient, sentAt: zdt('2026-11-23T09:15') }),
  'casusregie-change': () =>
    composer.casusregieChange({
      recipient: hostileRecipient,
      dossier: code42,
      role: 'nieuw',
      effectiveDate: zdt('2026-12-07T00:00'),
      link: detailsUrl,
    }),
  'decision-withdrawn': () => composer.decisionWithdrawn({ ...decided, change: 'ingetrokken' }),
  'follow-up-report': () =>
    composer.followUpReport({ recipient: hostileRecipient, dossier: code42, link: detailsUrl }),
  'no-consent-found': () =>
    composer.noConsentFound({
      recipient: hostileRecipient,
      dossier: code42,
      role: 'aanmelder',
      establishedOn: zdt('2026-12-07T00:00'),
      returnsLeft: 1,
      link: detailsUrl,
    }),
  'minutes-ready': () =>
    composer.minutesReady({
      recipient: hostileRecipient,
      table: weegploeg.table,
      date: weegploeg.start,
      link: detailsUrl,
    }),
  'preparation-reminder': () =>
    composer.preparationReminder({
      recipient: hostileRecipient,
      dossier: code42,
      session: ico,
      link: detailsUrl,
    }),
  'document-replaced': () =>
    composer.documentReplaced({
      recipient: hostileRecipient,
      dossier: code42,
      session: ico,
      version: 2,
      link: detailsUrl,
    }),
  'empty-agenda': () =>
    composer.emptyAgenda({
      recipient: hostileRecipient,
      session: weegploeg,
      agendaUrl,
      cancelUrl: webLink('https://overlegtafels.example.be/tafels/weegploeg#zitting-x'),
    }),
};

/**
 * The mails that carry an invitation (REQUEST for a session or a slot, CANCEL), each addressed to
 * hostileRecipient, whose name must never reach the calendar part.
 */
export const CALENDAR_MAILS: Record<string, 'REQUEST' | 'CANCEL'> = {
  agenda: 'REQUEST',
  'invitation-guest': 'REQUEST',
  'aanmelding-received': 'REQUEST',
  'slot-confirmed': 'REQUEST',
  'item-moved': 'REQUEST',
  'session-cancelled': 'CANCEL',
};
