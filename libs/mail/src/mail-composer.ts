import { DateTime } from 'luxon';
import {
  assertInterval,
  dutchDate,
  dutchDateTime,
  dutchTimeRange,
  dutchWeekdayTime,
  inBrussels,
} from './brussels-time';
import {
  CalendarEntry,
  IcsPart,
  InvitationAttendee,
  guestSlotUid,
  invitationCancel,
  invitationRequest,
  invitationRequests,
  sessionUid,
} from './calendar-invitation';
import {
  MailSubject,
  cancellationDescription,
  dossierDueSubject,
  dossierSessionSubject,
  midSentence,
  plainSubject,
  sessionDescription,
  sessionSubject,
  sessionSummary,
  slotDescription,
  slotSummary,
} from './mail-subjects';
import { MailTemplates, TemplateName } from './mail-templates';
import {
  DossierCode,
  EmailAddress,
  HostName,
  Label,
  MailSender,
  MailValueError,
  Uuid,
  WebLink,
  cleanText,
  formatSender,
} from './mail-values';
import { TemplateScope } from './template-engine';

/** A region's mail identity: who sends (and organizes), what the region is called, the UID host. */
export interface MailIdentity {
  /** From, Sender and ORGANIZER of every message: replies and RSVPs go to this mailbox. */
  readonly sender: MailSender;
  readonly region: Label;
  /** Right-hand side of calendar UIDs, e.g. overlegtafels.example.be. */
  readonly uidHost: HostName;
}

export interface Recipient {
  readonly address: EmailAddress;
  /** A professional's name, for the greeting (and the CN of the invitation); free text. */
  readonly name?: string;
}

export interface SessionInfo {
  readonly id: Uuid;
  readonly table: Label;
  readonly start: DateTime;
  readonly end: DateTime;
  readonly location?: Label;
}

/** What the sender of an invitation tracks per calendar entry (RFC 5546 §2.1.4). */
export interface InvitationVersion {
  /** 0 for the first invitation, raised by the caller on every change it sends. */
  readonly sequence: number;
  /** DTSTAMP: the moment this version was made (the caller's clock, not ours). */
  readonly stamp: DateTime;
}

export interface AgendaRow {
  readonly start: DateTime;
  readonly end: DateTime;
  readonly dossier: DossierCode;
  readonly itemType: Label;
  /** Who brings the item (e.g. "casusregisseur, CAW"); body only, never subject or calendar. */
  readonly broughtBy: string;
}

/** One guest's slot: the agenda item (its id keys the guest's calendar entry) and its times. */
export interface GuestSlot {
  readonly agendaItemId: Uuid;
  readonly start: DateTime;
  readonly end: DateTime;
  readonly dossier: DossierCode;
  readonly itemType: Label;
}

/** A session as far as a title needs it. */
export interface SessionTitleInput {
  readonly table: Label;
  readonly start: DateTime;
}

/** A rendered message, ready for an outbox row and MailTransport. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly ics?: IcsPart;
  /** `"CO3 Antwerpen" <co3@example.be>`: the From/Sender, always the ORGANIZER of `ics`. */
  readonly from: string;
}

/** A rendered message without its calendar part: what every copy of a fan-out shares. */
export type RenderedBody = Omit<RenderedMail, 'ics'>;

export interface AgendaInvitation extends InvitationVersion {
  /** Defaults to the recipient alone, so no mail reveals the other participants' addresses. */
  readonly attendees?: readonly Recipient[];
}

/** The agenda of a session, the same for every standing member. */
export interface AgendaBodyInput {
  readonly session: SessionInfo;
  readonly rows: readonly AgendaRow[];
  readonly agendaUrl: WebLink;
  /** A re-sent agenda after a change ("Gewijzigd: …"). */
  readonly changed?: boolean;
  /** With it, the session's invitation (METHOD:REQUEST, the session's UID) comes along. */
  readonly invitation?: AgendaInvitation;
}

export interface AgendaMailInput extends AgendaBodyInput {
  /** Whom the invitation is for (the body is addressed to the table's members). */
  readonly recipient: Recipient;
}

export interface GuestMailInput {
  readonly recipient: Recipient;
  readonly session: SessionInfo;
  readonly slot: GuestSlot;
  readonly detailsUrl: WebLink;
  /** With it, the guest's slot invitation (METHOD:REQUEST, the slot's UID) is attached. */
  readonly invitation?: InvitationVersion;
}

export interface AanmeldingReceivedInput extends GuestMailInput {
  /** The agenda freeze ("donderdag 13:00"); until then the slot is provisional (STATUS:TENTATIVE). */
  readonly freezeAt: DateTime;
}

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

export interface SessionCancelledInput {
  readonly recipient: Recipient;
  readonly session: SessionInfo;
  readonly reason?: string;
  /** The session the items roll over to, when known. */
  readonly next?: SessionTitleInput;
  readonly detailsUrl: WebLink;
  /**
   * With it, a METHOD:CANCEL is attached: for the whole session (participants), or for one
   * guest's slot (`slot` given) — the UID must be the one the recipient was invited with.
   */
  readonly cancellation?: InvitationVersion & { readonly slot?: GuestSlot };
}

export interface AgenderingReceivedInput {
  readonly recipient: Recipient;
  readonly session: SessionTitleInput;
  readonly dossier: DossierCode;
  readonly itemType: Label;
  /** When the agenda goes out, if the table has a fixed moment. */
  readonly agendaSentAt?: DateTime;
  readonly detailsUrl: WebLink;
}

export interface AdviceLetterInput {
  readonly recipient: Recipient;
  /** The ICO session that decided "geen ketenaanpak". */
  readonly session: SessionTitleInput;
  readonly dossier: DossierCode;
  /** The decision's advice, as typed (line breaks kept, everything escaped). */
  readonly adviceText: string;
  /** Advice on a safety plan: always part of the letter, so it is required and may not be empty. */
  readonly safetyPlanAdvice: string;
}

export interface FollowUpInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  /**
   * What is due, as configured ("Eerste plan van aanpak op de Weegploeg"). Body only (the subject
   * carries the code and the date), so the configured sentence may hold any punctuation.
   */
  readonly obligation: string;
  readonly due: DateTime;
  /**
   * Reminders: the agendering form, pre-filled for this dossier and obligation, or (manual
   * obligations) the follow-up page where it is marked done. Escalations: the coordinators'
   * overview of what is overdue.
   */
  readonly formUrl: WebLink;
  /**
   * Not done by agendering: marked done by hand with a note (an alignment, a check) or by
   * registering a fact on the dossier (consent); the link goes to the follow-up page.
   */
  readonly manual?: boolean;
}

export interface EscalationInput extends FollowUpInput {
  /** The owner who let the date pass (usually the casusregisseur); body only. */
  readonly owner: string;
  /** The moment of rendering, to say how long ago the due date passed. */
  readonly now: DateTime;
}

export interface LoginLinkInput {
  readonly recipient: Recipient;
  readonly loginUrl: WebLink;
  readonly expiresAt: DateTime;
}

export interface TestMailInput {
  readonly recipient: Recipient;
  readonly sentAt: DateTime;
}

/**
 * Renders every mail the service sends: subject (codes only), plain text, HTML and, where the
 * message changes someone's calendar, the iCalendar part. Pure apart from reading the template
 * files once: no clock, no queue, no database.
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
    const { session } = input;
    assertInterval(session.start, session.end, 'session');
    const ordered = sortedRows(input.rows);
    return this.render(
      'agenda',
      sessionSubject(
        { table: session.table, date: session.start },
        this.identity.region,
        input.changed ? 'Gewijzigd' : undefined,
      ),
      `${session.table}, ${dutchDate(session.start)}, ${dutchTimeRange(session.start, session.end)}`,
      MEMBERS_GREETING,
      {
        ...sessionValues(session),
        changed: input.changed === true,
        rows: ordered.map((r) => {
          assertInterval(r.start, r.end, 'agenda row');
          return {
            time: dutchTimeRange(r.start, r.end),
            dossierCode: r.dossier,
            itemType: r.itemType,
            broughtBy: cleanText(r.broughtBy, { maxLength: 120 }) || '–',
          };
        }),
        agendaUrl: input.agendaUrl,
        hasInvitation: input.invitation !== undefined,
      },
    );
  }

  /** The session's invitation (METHOD:REQUEST, the session's UID) for one recipient of the agenda. */
  agendaInvitation(input: AgendaMailInput & { readonly invitation: AgendaInvitation }): IcsPart {
    const { session } = input;
    assertInterval(session.start, session.end, 'session');
    return invitationRequest({
      ...this.sessionEntry(input),
      attendees: attendeesOf(input.invitation.attendees ?? [input.recipient]),
    });
  }

  /**
   * The session's invitation for each member of a fan-out, each copy naming its recipient alone:
   * the entry is made once, only the ATTENDEE per recipient (the same bytes agendaInvitation
   * gives each of them).
   */
  agendaInvitations(
    input: AgendaBodyInput & { readonly invitation: InvitationVersion },
  ): (recipient: Recipient) => IcsPart {
    assertInterval(input.session.start, input.session.end, 'session');
    const forEach = invitationRequests(this.sessionEntry(input));
    return (recipient) => forEach(attendeesOf([recipient])[0]!);
  }

  private sessionEntry(
    input: AgendaBodyInput & { readonly invitation: InvitationVersion },
  ): Omit<CalendarEntry, 'attendees'> {
    const { session } = input;
    return {
      ...this.version(input.invitation),
      uid: sessionUid(session.id, this.identity.uidHost),
      start: session.start,
      end: session.end,
      summary: sessionSummary(session.table, this.identity.region),
      description: sessionDescription(sortedRows(input.rows), input.agendaUrl),
      location: session.location,
      organizer: this.identity.sender,
    };
  }

  /** A guest (aanmelder, consulent) invited for their own slot only. */
  async guestInvitation(input: GuestMailInput): Promise<RenderedMail> {
    return this.slotMail('invitation-guest', 'Uitnodiging', input);
  }

  /** Aanmelding received: the slot is provisional until the freeze ("onder voorbehoud tot …"). */
  async aanmeldingReceived(input: AanmeldingReceivedInput): Promise<RenderedMail> {
    inBrussels(input.freezeAt, 'freezeAt');
    const ics = input.invitation ? this.slotRequest(input, input.invitation, true) : undefined;
    const slotLine = `${dutchDate(input.slot.start)}, ${dutchTimeRange(input.slot.start, input.slot.end)}, onder voorbehoud tot ${dutchWeekdayTime(input.freezeAt)}`;
    return this.render(
      'aanmelding-received',
      dossierSessionSubject(
        'Aanmelding ontvangen',
        { dossier: input.slot.dossier },
        sessionTitle(input.session),
        this.identity.region,
      ),
      `${input.slot.dossier}: ${slotLine}`,
      input.recipient,
      {
        ...sessionValues(input.session),
        ...slotValues(input.slot),
        slotLine,
        freezeMoment: dutchDateTime(input.freezeAt),
        detailsUrl: input.detailsUrl,
        hasInvitation: ics !== undefined,
      },
      ics,
    );
  }

  /** At the freeze: the slot is definitive (the guest's entry becomes CONFIRMED). */
  async slotConfirmed(input: GuestMailInput): Promise<RenderedMail> {
    return this.slotMail('slot-confirmed', 'Bevestigd', input);
  }

  /** One slot of one dossier, told to its guest; the template and the subject's prefix differ. */
  private slotMail(
    template: 'invitation-guest' | 'slot-confirmed',
    prefix: 'Uitnodiging' | 'Bevestigd',
    input: GuestMailInput,
  ): Promise<RenderedMail> {
    const ics = input.invitation ? this.slotRequest(input, input.invitation, false) : undefined;
    return this.render(
      template,
      dossierSessionSubject(prefix, input.slot, sessionTitle(input.session), this.identity.region),
      `${input.slot.dossier}: ${dutchDate(input.slot.start)}, ${dutchTimeRange(input.slot.start, input.slot.end)}`,
      input.recipient,
      {
        ...sessionValues(input.session),
        ...slotValues(input.slot),
        detailsUrl: input.detailsUrl,
        hasInvitation: ics !== undefined,
      },
      ics,
    );
  }

  /** The item moved to a later session; the guest's entry moves with it (same UID). */
  async itemMoved(input: ItemMovedInput): Promise<RenderedMail> {
    inBrussels(input.from.start, 'from.start');
    const ics = input.invitation
      ? this.slotRequest(
          { recipient: input.recipient, session: input.to, slot: input.slot, detailsUrl: input.detailsUrl },
          input.invitation,
          false,
        )
      : undefined;
    const reason = cleanText(input.reason ?? '', { multiline: true, maxLength: 2000 });
    return this.render(
      'item-moved',
      dossierSessionSubject('Verplaatst', input.slot, sessionTitle(input.to), this.identity.region),
      `${input.slot.dossier} verplaatst naar ${dutchDate(input.slot.start)}`,
      input.recipient,
      {
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
    );
  }

  /** The session is cancelled; optionally with METHOD:CANCEL for the session or a guest's slot. */
  async sessionCancelled(input: SessionCancelledInput): Promise<RenderedMail> {
    const { session, cancellation } = input;
    assertInterval(session.start, session.end, 'session');
    if (input.next) inBrussels(input.next.start, 'next.start');
    const title = sessionTitle(session);
    let ics: IcsPart | undefined;
    if (cancellation) {
      const slot = cancellation.slot;
      ics = invitationCancel({
        ...this.version(cancellation),
        uid: slot
          ? guestSlotUid(slot.agendaItemId, this.identity.uidHost)
          : sessionUid(session.id, this.identity.uidHost),
        start: slot ? slot.start : session.start,
        end: slot ? slot.end : session.end,
        summary: slot
          ? slotSummary(session.table, slot)
          : sessionSummary(session.table, this.identity.region),
        description: cancellationDescription(title, input.detailsUrl),
        location: session.location,
        organizer: this.identity.sender,
        attendees: attendeesOf([input.recipient]),
      });
    }
    const reason = cleanText(input.reason ?? '', { multiline: true, maxLength: 2000 });
    return this.render(
      'session-cancelled',
      sessionSubject(title, this.identity.region, 'Geannuleerd'),
      `${session.table}, ${dutchDate(session.start)}: geannuleerd`,
      input.recipient,
      {
        ...sessionValues(session),
        hasReason: reason.length > 0,
        reason,
        hasNext: input.next !== undefined,
        nextDate: input.next ? dutchDate(input.next.start) : '',
        detailsUrl: input.detailsUrl,
        hasInvitation: ics !== undefined,
      },
      ics,
    );
  }

  /** An agendering (Weegploeg, Ronde Tafel) was received and placed on a session. */
  async agenderingReceived(input: AgenderingReceivedInput): Promise<RenderedMail> {
    if (input.agendaSentAt) inBrussels(input.agendaSentAt, 'agendaSentAt');
    return this.render(
      'agendering-received',
      dossierSessionSubject(
        'Agendering ontvangen',
        { dossier: input.dossier, itemType: input.itemType },
        { table: input.session.table, date: input.session.start },
        this.identity.region,
      ),
      `${input.dossier}: ${input.session.table}, ${dutchDate(input.session.start)}`,
      input.recipient,
      {
        tableName: input.session.table,
        sessionDate: dutchDate(input.session.start),
        dossierCode: input.dossier,
        itemType: midSentence(input.itemType),
        hasAgendaMoment: input.agendaSentAt !== undefined,
        agendaMoment: input.agendaSentAt ? dutchDateTime(input.agendaSentAt) : '',
        detailsUrl: input.detailsUrl,
      },
    );
  }

  /** After "geen ketenaanpak": the advice to the aanmelder, always with safety-plan advice. */
  async adviceLetter(input: AdviceLetterInput): Promise<RenderedMail> {
    const adviceText = cleanText(input.adviceText, { multiline: true });
    const safetyPlanAdvice = cleanText(input.safetyPlanAdvice, { multiline: true });
    if (adviceText.length === 0) throw new MailValueError('EMPTY_TEXT', 'adviceText is empty');
    if (safetyPlanAdvice.length === 0) {
      throw new MailValueError(
        'EMPTY_TEXT',
        'safetyPlanAdvice is empty: an advice letter always advises on a safety plan',
      );
    }
    return this.render(
      'advice-letter',
      dossierSessionSubject(
        'Advies',
        { dossier: input.dossier },
        { table: input.session.table, date: input.session.start },
        this.identity.region,
      ),
      `Advies na de bespreking van ${input.dossier}`,
      input.recipient,
      {
        tableName: input.session.table,
        sessionDate: dutchDate(input.session.start),
        dossierCode: input.dossier,
        adviceText,
        safetyPlanAdvice,
      },
    );
  }

  /** Before a follow-up obligation's due date. */
  async reminder(input: FollowUpInput): Promise<RenderedMail> {
    return this.render(
      'reminder',
      // The code and the date only: some obligations say something about the family (children
      // over 12, a youth-care consulent), and a subject shows on lock screens and in server logs.
      dossierDueSubject('Herinnering', { dossier: input.dossier }, input.due, this.identity.region),
      `${input.dossier}: uiterlijk ${dutchDate(input.due)}`,
      input.recipient,
      followUpValues(input),
    );
  }

  /** After a follow-up obligation's due date passed: to the coordinator. */
  async escalation(input: EscalationInput): Promise<RenderedMail> {
    const days = Math.round(
      inBrussels(input.now, 'now').startOf('day').diff(inBrussels(input.due, 'due').startOf('day'), 'days')
        .days,
    );
    const overdue = days <= 0 ? 'vandaag' : days === 1 ? 'gisteren' : `${days} dagen geleden`;
    return this.render(
      'escalation',
      dossierDueSubject('Termijn verstreken', { dossier: input.dossier }, input.due, this.identity.region),
      `${input.dossier}: termijn verstreken op ${dutchDate(input.due)}`,
      input.recipient,
      {
        ...followUpValues(input),
        overdue,
        owner: cleanText(input.owner, { maxLength: 120 }) || 'niet toegewezen',
      },
    );
  }

  async loginLink(input: LoginLinkInput): Promise<RenderedMail> {
    return this.render(
      'login-link',
      plainSubject('Inloglink', this.identity.region),
      `Uw persoonlijke link, geldig tot ${dutchDateTime(input.expiresAt)}`,
      input.recipient,
      { loginUrl: input.loginUrl, expiresAt: dutchDateTime(input.expiresAt) },
    );
  }

  async test(input: TestMailInput): Promise<RenderedMail> {
    return this.render(
      'test',
      plainSubject('Testbericht', this.identity.region),
      'Een testbericht: u hoeft niets te doen.',
      input.recipient,
      { sentAt: dutchDateTime(input.sentAt) },
    );
  }

  private slotRequest(input: GuestMailInput, version: InvitationVersion, tentative: boolean): IcsPart {
    const { session, slot } = input;
    return invitationRequest({
      ...this.version(version),
      uid: guestSlotUid(slot.agendaItemId, this.identity.uidHost),
      start: slot.start,
      end: slot.end,
      summary: slotSummary(session.table, slot),
      description: slotDescription(slot, input.detailsUrl, tentative),
      location: session.location,
      organizer: this.identity.sender,
      attendees: attendeesOf([input.recipient]),
      tentative,
    });
  }

  private version(v: InvitationVersion): Pick<CalendarEntry, 'sequence' | 'stamp'> {
    return { sequence: v.sequence, stamp: v.stamp };
  }

  private async render(
    template: TemplateName,
    subject: MailSubject,
    preview: string,
    to: Recipient | string,
    values: TemplateScope,
    ics?: IcsPart,
  ): Promise<RenderedMail> {
    const { html, text } = await this.templates.render(template, {
      ...values,
      subject,
      preview,
      regionName: this.identity.region,
      greeting: typeof to === 'string' ? to : greetingOf(to),
    });
    return { subject, text, html, from: formatSender(this.identity.sender), ...(ics ? { ics } : {}) };
  }
}

function sessionTitle(session: SessionTitleInput): { table: Label; date: DateTime } {
  return { table: session.table, date: session.start };
}

function sessionValues(session: SessionInfo): TemplateScope {
  assertInterval(session.start, session.end, 'session');
  return {
    tableName: session.table,
    sessionDate: dutchDate(session.start),
    sessionHours: dutchTimeRange(session.start, session.end),
    hasLocation: session.location !== undefined,
    location: session.location ?? '',
  };
}

function slotValues(slot: GuestSlot): TemplateScope {
  assertInterval(slot.start, slot.end, 'slot');
  return {
    dossierCode: slot.dossier,
    itemType: midSentence(slot.itemType),
    slotHours: dutchTimeRange(slot.start, slot.end),
  };
}

function followUpValues(input: FollowUpInput): TemplateScope {
  return {
    dossierCode: input.dossier,
    obligation: midSentence(cleanText(input.obligation, { maxLength: 200 }) as Label),
    dueDate: dutchDate(input.due),
    formUrl: input.formUrl,
    manual: input.manual === true,
  };
}

/** "Beste Lotte Vermeulen," for a named recipient, "Beste collega," otherwise. */
function greetingOf(recipient: Recipient): string {
  const name = recipient.name === undefined ? '' : cleanText(recipient.name, { maxLength: 120 });
  return name ? `Beste ${name},` : 'Beste collega,';
}

/**
 * The agenda goes to every member alike, so it greets them all rather than a person. Not "leden
 * van de <tafel>": the tables' names do not all take "de" (het Verkennend casusoverleg).
 */
const MEMBERS_GREETING = 'Beste deelnemers,';

function sortedRows(rows: readonly AgendaRow[]): AgendaRow[] {
  return [...rows].sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

function attendeesOf(recipients: readonly Recipient[]): InvitationAttendee[] {
  return recipients.map((r) =>
    r.name === undefined ? { address: r.address } : { address: r.address, name: r.name },
  );
}
