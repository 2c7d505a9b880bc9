import { DateTime } from 'luxon';
import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierDueSubject, midSentence } from '../mail-subjects';
import { DossierCode, Label, WebLink, cleanText } from '../mail-values';
import { TemplateScope } from '../template-engine';

/** A follow-up obligation of a dossier, as its reminder (and its escalation) tell it. */
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
  /** Done by filling in the short form on the obligation's page (`formUrl`): implies `manual`. */
  readonly form?: boolean;
}

/** Before a follow-up obligation's due date. */
export function reminderMail(identity: MailIdentity, input: FollowUpInput): MailParts {
  return {
    template: 'reminder',
    // The code and the date only: some obligations say something about the family (children
    // over 12, a youth-care consulent), and a subject shows on lock screens and in server logs.
    subject: dossierDueSubject('Herinnering', { dossier: input.dossier }, input.due, identity.region),
    preview: `${input.dossier}: uiterlijk ${dutchDate(input.due)}`,
    greeting: input.recipient,
    values: followUpValues(input),
  };
}

/** The obligation's lines of a template, shared with the escalation. */
export function followUpValues(input: FollowUpInput): TemplateScope {
  return {
    dossierCode: input.dossier,
    obligation: midSentence(cleanText(input.obligation, { maxLength: 200 }) as Label),
    dueDate: dutchDate(input.due),
    formUrl: input.formUrl,
    manual: input.manual === true || input.form === true,
    form: input.form === true,
  };
}
