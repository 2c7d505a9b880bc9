import { IcsPart } from './calendar-invitation';
import { MailIdentity } from './mail-identity';
import { MailSubject } from './mail-subjects';
import { MailTemplates, TemplateName } from './mail-templates';
import { EmailAddress, cleanText, formatSender } from './mail-values';
import { TemplateScope } from './template-engine';

export interface Recipient {
  readonly address: EmailAddress;
  /** A professional's name, for the greeting only (never in the invitation); free text. */
  readonly name?: string;
  /** Their chosen reminder: their invitations carry a display alarm this many minutes before. */
  readonly reminderMinutes?: number | null;
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

/**
 * What one mail family makes of its input, before rendering: which template, the subject (built
 * from codes and labels only), the preview line, whom it greets and the template's own values.
 */
export interface MailParts {
  readonly template: TemplateName;
  readonly subject: MailSubject;
  /** The inbox preview line (hidden at the top of the HTML). */
  readonly preview: string;
  /** A person (greeted by name, or as a colleague) or a fixed greeting for a whole group. */
  readonly greeting: Recipient | string;
  readonly values: TemplateScope;
  /** The calendar part, for the mails that change someone's calendar. */
  readonly ics?: IcsPart;
}

/**
 * The one render every mail goes through: the family's values plus what every template shows
 * (subject, preview, region, greeting), both parts filled by the template engine, and the region's
 * mailbox as From.
 */
export async function renderMail(
  templates: MailTemplates,
  identity: MailIdentity,
  parts: MailParts,
): Promise<RenderedMail> {
  const { subject, ics } = parts;
  const { html, text } = await templates.render(parts.template, {
    ...parts.values,
    subject,
    preview: parts.preview,
    regionName: identity.region,
    greeting: typeof parts.greeting === 'string' ? parts.greeting : greetingOf(parts.greeting),
  });
  return { subject, text, html, from: formatSender(identity.sender), ...(ics ? { ics } : {}) };
}

/** "Beste Lotte Vermeulen," for a named recipient, "Beste collega," otherwise. */
export function greetingOf(recipient: Recipient): string {
  const name = recipient.name === undefined ? '' : cleanText(recipient.name, { maxLength: 120 });
  return name ? `Beste ${name},` : 'Beste collega,';
}
