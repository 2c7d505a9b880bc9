import { IcsPart } from './calendar-invitation';
import { AanmeldingReceivedInput, aanmeldingReceivedMail } from './families/aanmelding-received.mail';
import { AdviceLetterInput, adviceLetterMail } from './families/advice-letter.mail';
import { CasusregieAppointedInput, casusregieAppointedMail } from './families/casusregie-appointed.mail';
import { CriminologenReferralInput, criminologenReferralMail } from './families/criminologen-referral.mail';
import { HerbesprekingLetterInput, herbesprekingLetterMail } from './families/herbespreking-letter.mail';
import { InstroomLetterInput, instroomLetterMail } from './families/instroom-letter.mail';
import { NoConsentLetterInput, noConsentLetterMail } from './families/no-consent-letter.mail';
import {
  ZonderCasusregisseurLetterInput,
  zonderCasusregisseurLetterMail,
} from './families/zonder-casusregisseur-letter.mail';
import {
  AgendaBodyInput,
  AgendaInvitation,
  AgendaMailInput,
  agendaBodyMail,
  agendaInvitation,
  agendaInvitations,
} from './families/agenda.mail';
import { AgenderingReceivedInput, agenderingReceivedMail } from './families/agendering-received.mail';
import { CasusregieChangeInput, casusregieChangeMail } from './families/casusregie-change.mail';
import { DecisionWithdrawnInput, decisionWithdrawnMail } from './families/decision-withdrawn.mail';
import { EmptyAgendaInput, emptyAgendaMail } from './families/empty-agenda.mail';
import { EscalationInput, escalationMail } from './families/escalation.mail';
import { FollowUpReportInput, followUpReportMail } from './families/follow-up-report.mail';
import { NoConsentFoundInput, noConsentFoundMail } from './families/no-consent-found.mail';
import { PreparationReminderInput, preparationReminderMail } from './families/preparation-reminder.mail';
import { DocumentReplacedInput, documentReplacedMail } from './families/document-replaced.mail';
import { GuestInvitationInput, guestInvitationMail } from './families/guest-invitation.mail';
import { ItemMovedInput, itemMovedMail } from './families/item-moved.mail';
import { LoginLinkInput, loginLinkMail } from './families/login-link.mail';
import { MinutesReadyInput, minutesReadyMail } from './families/minutes-ready.mail';
import { FollowUpInput, reminderMail } from './families/reminder.mail';
import { SessionCancelledInput, sessionCancelledMail } from './families/session-cancelled.mail';
import { InvitationVersion } from './families/session-parts.util';
import { SlotConfirmedInput, slotConfirmedMail } from './families/slot-confirmed.mail';
import { TestMailInput, testMessageMail } from './families/test-message.mail';
import { MailIdentity } from './mail-identity';
import { MailParts, Recipient, RenderedBody, RenderedMail, renderMail } from './mail-renderer';
import { MailTemplates } from './mail-templates';

/**
 * Renders every mail the service sends: subject (codes only), plain text, HTML and, where the
 * message changes someone's calendar, the iCalendar part. Each family (families/*.mail.ts) makes
 * its parts; all go through the one renderMail. Pure apart from reading the template files once:
 * no clock, no queue, no database.
 */
export class MailComposer {
  constructor(
    private readonly identity: MailIdentity,
    private readonly templates: MailTemplates = MailTemplates.shared(),
  ) {}

  /**
   * The agenda with, when asked, the session's invitation for its one recipient: agendaBody plus
   * agendaInvitation. A fan-out renders the body once instead and adds each recipient's invitation.
   */
  async agenda(input: AgendaMailInput): Promise<RenderedMail> {
    const body = await this.agendaBody(input);
    return input.invitation
      ? { ...body, ics: this.agendaInvitation({ ...input, invitation: input.invitation }) }
      : body;
  }

  /**
   * The agenda as every standing member gets it: addressed to all ("Beste deelnemers,"), not to
   * one person, so one rendering serves the whole fan-out and its text and
   * HTML are stored and encoded once. Only the invitation (agendaInvitation) is made per recipient.
   * Never carries `ics`: `input.invitation` only makes the body say that an invitation comes along.
   */
  async agendaBody(input: AgendaBodyInput): Promise<RenderedBody> {
    return this.render(agendaBodyMail(this.identity, input));
  }

  /** The session's invitation (METHOD:REQUEST, the session's UID) for one recipient of the agenda. */
  agendaInvitation(input: AgendaMailInput & { readonly invitation: AgendaInvitation }): IcsPart {
    return agendaInvitation(this.identity, input);
  }

  /**
   * The session's invitation for each member of a fan-out, each copy naming its recipient alone:
   * the entry is made once, only the ATTENDEE per recipient (the same bytes agendaInvitation
   * gives each of them).
   */
  agendaInvitations(
    input: AgendaBodyInput & { readonly invitation: InvitationVersion },
  ): (recipient: Recipient) => IcsPart {
    return agendaInvitations(this.identity, input);
  }

  /** A guest (aanmelder, consulent) invited for their own slot only. */
  async guestInvitation(input: GuestInvitationInput): Promise<RenderedMail> {
    return this.render(guestInvitationMail(this.identity, input));
  }

  /** Aanmelding received: the slot is provisional until the freeze ("onder voorbehoud tot …"). */
  async aanmeldingReceived(input: AanmeldingReceivedInput): Promise<RenderedMail> {
    return this.render(aanmeldingReceivedMail(this.identity, input));
  }

  /** At the freeze: the slot is definitive (the guest's entry becomes CONFIRMED). */
  async slotConfirmed(input: SlotConfirmedInput): Promise<RenderedMail> {
    return this.render(slotConfirmedMail(this.identity, input));
  }

  /** The item moved to a later session; the guest's entry moves with it (same UID). */
  async itemMoved(input: ItemMovedInput): Promise<RenderedMail> {
    return this.render(itemMovedMail(this.identity, input));
  }

  /** The session is cancelled; optionally with METHOD:CANCEL for the session or a guest's slot. */
  async sessionCancelled(input: SessionCancelledInput): Promise<RenderedMail> {
    return this.render(sessionCancelledMail(this.identity, input));
  }

  /** An agendering (Weegploeg, Ronde Tafel) was received and placed on a session. */
  async agenderingReceived(input: AgenderingReceivedInput): Promise<RenderedMail> {
    return this.render(agenderingReceivedMail(this.identity, input));
  }

  /** After "geen ketenaanpak": the advice to the aanmelder, always with safety-plan advice. */
  async adviceLetter(input: AdviceLetterInput): Promise<RenderedMail> {
    return this.render(adviceLetterMail(this.identity, input));
  }

  /** After "geen instemming": to the aanmelder, with the advice and the returns left. */
  async noConsentLetter(input: NoConsentLetterInput): Promise<RenderedMail> {
    return this.render(noConsentLetterMail(this.identity, input));
  }

  /** After "ketenaanpak zonder casusregisseur": to the aanmelder, with the criminologists' address. */
  async zonderCasusregisseurLetter(input: ZonderCasusregisseurLetterInput): Promise<RenderedMail> {
    return this.render(zonderCasusregisseurLetterMail(this.identity, input));
  }

  /** After "herbespreking": to the aanmelder, the guest of the aanvullend verkennend casusoverleg. */
  async herbesprekingLetter(input: HerbesprekingLetterInput): Promise<RenderedMail> {
    return this.render(herbesprekingLetterMail(this.identity, input));
  }

  /** After "ketenaanpak met casusregie": to the aanmelder. */
  async instroomLetter(input: InstroomLetterInput): Promise<RenderedMail> {
    return this.render(instroomLetterMail(this.identity, input));
  }

  /** After "ketenaanpak met casusregie": to the appointed casusregisseur. */
  async casusregieAppointed(input: CasusregieAppointedInput): Promise<RenderedMail> {
    return this.render(casusregieAppointedMail(this.identity, input));
  }

  /** After "ketenaanpak zonder casusregisseur": to the region's criminologists. */
  async criminologenReferral(input: CriminologenReferralInput): Promise<RenderedMail> {
    return this.render(criminologenReferralMail(this.identity, input));
  }

  /** Before a follow-up obligation's due date. */
  async reminder(input: FollowUpInput): Promise<RenderedMail> {
    return this.render(reminderMail(this.identity, input));
  }

  /** After a follow-up obligation's due date passed: to the coordinator. */
  async escalation(input: EscalationInput): Promise<RenderedMail> {
    return this.render(escalationMail(this.identity, input));
  }

  /** The casusregie of a dossier changed hands: to the new and to the previous casusregisseur. */
  async casusregieChange(input: CasusregieChangeInput): Promise<RenderedMail> {
    return this.render(casusregieChangeMail(this.identity, input));
  }

  /** A decision was withdrawn or changed: to each who got one of its letters. */
  async decisionWithdrawn(input: DecisionWithdrawnInput): Promise<RenderedMail> {
    return this.render(decisionWithdrawnMail(this.identity, input));
  }

  /** The six-month report on the follow-up help: to the coordinators of the Ronde Tafel. */
  async followUpReport(input: FollowUpReportInput): Promise<RenderedMail> {
    return this.render(followUpReportMail(this.identity, input));
  }

  async noConsentFound(input: NoConsentFoundInput): Promise<RenderedMail> {
    return this.render(noConsentFoundMail(this.identity, input));
  }

  /** The verslag of a session is closed: to everyone who took part; table and date only. */
  async minutesReady(input: MinutesReadyInput): Promise<RenderedMail> {
    return this.render(minutesReadyMail(this.identity, input));
  }

  /** A new version of an item's document after the freeze: the session and the dossier code only. */
  async documentReplaced(input: DocumentReplacedInput): Promise<RenderedMail> {
    return this.render(documentReplacedMail(this.identity, input));
  }

  /** A partner has not prepared an item yet: the session and the dossier code, the rest after login. */
  async preparationReminder(input: PreparationReminderInput): Promise<RenderedMail> {
    return this.render(preparationReminderMail(this.identity, input));
  }

  /** The send moment of an empty agenda: to the table's coordinators, cancel or keep the session. */
  async emptyAgenda(input: EmptyAgendaInput): Promise<RenderedMail> {
    return this.render(emptyAgendaMail(this.identity, input));
  }

  async loginLink(input: LoginLinkInput): Promise<RenderedMail> {
    return this.render(loginLinkMail(this.identity, input));
  }

  async test(input: TestMailInput): Promise<RenderedMail> {
    return this.render(testMessageMail(this.identity, input));
  }

  private render(parts: MailParts): Promise<RenderedMail> {
    return renderMail(this.templates, this.identity, parts);
  }
}
