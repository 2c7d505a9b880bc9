import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  AanmelderLetter,
  DecisionNotice,
  decisionNotices,
  DossierEvent,
  RegionConfig,
  TableDefinition,
} from '@overlegtafels/domain';
import {
  DecisionMailInput,
  dossierCode,
  emailAddress,
  label,
  MailComposer,
  RenderedMail,
  webLink,
} from '@overlegtafels/mail';
import type { Transaction } from '../ports/unit-of-work.port';
import type { DecisionFormInput } from './record-decision.command';
import { ObligationRules } from '../obligations/obligation-rules';
import type { IcoReturn, ItemToDecide } from '../ports/decision-agenda.port';
import type { DossierRecord } from '../ports/dossier.repository.port';
import { MailOutbox, OutboxEntry, QueuedMail } from '../ports/mail-outbox.port';
import { ObligationRepository } from '../ports/obligation.repository.port';
import { PersonContact, PersonDirectory } from '../ports/person-directory.port';

/** One accepted decision, as its letters need it. */
export interface TakenDecision {
  readonly decisionId: string;
  readonly dossier: DossierRecord;
  readonly item: ItemToDecide;
  readonly table: TableDefinition;
  readonly form: DecisionFormInput;
  /** What the decision set in motion (the domain's DossierEvents). */
  readonly events: readonly DossierEvent[];
  /** Where a herbespreking put the dossier. */
  readonly icoReturn?: IcoReturn;
}

/** The outbox purpose of each letter: its mail family's name. */
const LETTER_PURPOSE = {
  advies: 'advice-letter',
  'zonder-casusregisseur': 'zonder-casusregisseur-letter',
  instroom: 'instroom-letter',
  herbespreking: 'herbespreking-letter',
  'geen-instemming': 'no-consent-letter',
} as const satisfies Record<AanmelderLetter, string>;

type Purpose = (typeof LETTER_PURPOSE)[AanmelderLetter] | 'casusregie-appointed' | 'criminologen-referral';

/**
 * The mails a decision sends, written to the outbox inside the decision's transaction (the caller
 * enqueues them after the commit): whom the domain says must hear of it (decisionNotices), each
 * with the letter of its kind. Idempotency keys are `<purpose>|<decision id>|<recipient>`, so the
 * same decision never mails the same person twice.
 */
@Injectable()
export class DecisionLetters {
  constructor(
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The region of the decision (the work runs in it). */
  private get region(): RegionConfig {
    return this.rules.region;
  }

  private get zone(): string {
    return this.region.timeZone;
  }

  async write(tx: Transaction, decision: TakenDecision): Promise<QueuedMail[]> {
    const notices = decisionNotices(decision.events, { aanmelderId: decision.dossier.aanmelderId });
    const mails: QueuedMail[] = [];
    for (const notice of notices) {
      const mail = await this.letterFor(tx, decision, notice);
      if (mail) mails.push(mail);
    }
    return mails;
  }

  private async letterFor(
    tx: Transaction,
    decision: TakenDecision,
    notice: DecisionNotice,
  ): Promise<QueuedMail | undefined> {
    const { dossier } = decision;
    if (notice.to === 'criminologen') {
      const mailbox = this.region.criminologenMailbox;
      if (!mailbox) {
        throw new Error(`region ${this.region.key} has no criminologenMailbox for "zonder casusregisseur"`);
      }
      const aanmelder = dossier.aanmelderId
        ? await this.people.contactOf(tx, dossier.aanmelderId)
        : undefined;
      if (!aanmelder) return undefined;
      const rendered = await this.composer.criminologenReferral({
        ...this.base(decision, { address: emailAddress(mailbox) }),
        aanmelder: { name: aanmelder.displayName, email: emailAddress(aanmelder.email) },
      });
      return this.store(tx, decision, rendered, 'criminologen-referral', { email: mailbox, personId: null });
    }
    if (notice.to === 'casusregisseur') {
      const person = await this.people.contactOf(tx, notice.casusregisseurId);
      if (!person) return undefined;
      const rendered = await this.composer.casusregieAppointed({
        ...this.base(decision, this.recipient(person)),
        ...this.planned(decision.events),
        startDate: this.day(this.startDate(decision.events)),
        awaitingConsent: this.awaitingConsent(decision.events),
        obligations: await this.firstObligations(tx, dossier.id, person.id),
        opvolgingUrl: webLink(`${this.config.publicUrl}/opvolging`),
      });
      return this.store(tx, decision, rendered, 'casusregie-appointed', {
        email: person.email,
        personId: person.id,
      });
    }
    const aanmelder = dossier.aanmelderId ? await this.people.contactOf(tx, dossier.aanmelderId) : undefined;
    if (!aanmelder) return undefined;
    const rendered = await this.aanmelderLetter(
      decision,
      notice.letter,
      this.base(decision, this.recipient(aanmelder)),
    );
    if (!rendered) return undefined;
    return this.store(tx, decision, rendered, LETTER_PURPOSE[notice.letter], {
      email: aanmelder.email,
      personId: aanmelder.id,
    });
  }

  private async aanmelderLetter(
    decision: TakenDecision,
    letter: AanmelderLetter,
    base: DecisionMailInput,
  ): Promise<RenderedMail | undefined> {
    const { events, form } = decision;
    switch (letter) {
      case 'advies':
        return this.composer.adviceLetter({
          ...base,
          parketmeldingAdvies: events.some((e) => e.type === 'advies-verstuurd' && e.parketmeldingAdvies),
        });
      case 'geen-instemming': {
        const event = events.find((e) => e.type === 'geen-instemming');
        return this.composer.noConsentLetter({
          ...base,
          hasAdvice: form.kind === 'geen_instemming' && form.adviceText !== undefined,
          returnsLeft: event?.type === 'geen-instemming' ? event.returnsLeft : 0,
        });
      }
      case 'zonder-casusregisseur': {
        const mailbox = this.region.criminologenMailbox;
        if (!mailbox) {
          throw new Error(`region ${this.region.key} has no criminologenMailbox for "zonder casusregisseur"`);
        }
        return this.composer.zonderCasusregisseurLetter({ ...base, criminologen: emailAddress(mailbox) });
      }
      case 'herbespreking': {
        const back = decision.icoReturn;
        if (!back) return undefined;
        return this.composer.herbesprekingLetter({
          ...base,
          next: { table: label(decision.table.name), start: this.at(back.sessionStart) },
          agendaSentAt: this.at(back.agendaSendAt),
        });
      }
      case 'instroom':
        return this.composer.instroomLetter({
          ...base,
          startDate: this.day(this.startDate(events)),
          awaitingConsent: this.awaitingConsent(events),
          ...(this.planned(events).vervolgoverleg && { vervolgoverleg: this.planned(events).vervolgoverleg }),
        });
    }
  }

  private base(decision: TakenDecision, recipient: DecisionMailInput['recipient']): DecisionMailInput {
    return {
      recipient,
      session: { table: label(decision.table.name), start: this.at(decision.item.session.startsAt) },
      dossier: dossierCode(decision.dossier.code),
      dossierUrl: webLink(`${this.config.publicUrl}/dossiers/${decision.dossier.code}#beslissingen`),
    };
  }

  private recipient(person: PersonContact): DecisionMailInput['recipient'] {
    return { address: emailAddress(person.email), name: person.displayName };
  }

  /** The casusregisseur's open obligations of the dossier, as the re-plan in this transaction wrote them. */
  private async firstObligations(tx: Transaction, dossierId: string, ownerId: string) {
    const read = await this.obligations.lockDossierToPlan(tx, dossierId);
    // The current life's: after a heropening the earlier life's are history.
    return (read?.obligations ?? [])
      .filter((o) => o.status === 'open' && o.ownerId === ownerId && o.life === read?.life)
      .sort(
        (a, b) =>
          a.dueAt.getTime() - b.dueAt.getTime() || this.rules.order(a.ruleKey) - this.rules.order(b.ruleKey),
      )
      .map((o) => ({ what: this.rules.rule(o.ruleKey)?.label ?? o.ruleKey, due: this.at(o.dueAt) }));
  }

  /** The start the ICO set: casusregie starts on it, or later when it awaits the consent. */
  private startDate(events: readonly DossierEvent[]): string {
    const appointed = events.find((e) => e.type === 'casusregisseur-aangesteld');
    if (appointed?.type !== 'casusregisseur-aangesteld')
      throw new Error('a letter of instroom without an appointment');
    return appointed.startDate;
  }

  /** Appointed before an adult family member consented: casusregie waits for it (guide I.G). */
  private awaitingConsent(events: readonly DossierEvent[]): boolean {
    return !events.some((e) => e.type === 'casusregie-gestart');
  }

  private planned(events: readonly DossierEvent[]): {
    vervolgoverleg?: DateTime;
    bijkomendCasusoverleg?: DateTime;
  } {
    const out: { vervolgoverleg?: DateTime; bijkomendCasusoverleg?: DateTime } = {};
    for (const e of events) {
      if (e.type === 'vervolgoverleg-gepland') out.vervolgoverleg = this.day(e.plannedDate);
      if (e.type === 'bijkomend-casusoverleg-gepland') out.bijkomendCasusoverleg = this.day(e.plannedDate);
    }
    return out;
  }

  private at(instant: Date): DateTime {
    return DateTime.fromJSDate(instant, { zone: this.zone });
  }

  private day(date: string): DateTime {
    return DateTime.fromISO(date, { zone: this.zone });
  }

  private store(
    tx: Transaction,
    decision: TakenDecision,
    rendered: RenderedMail,
    purpose: Purpose,
    to: { email: string; personId: string | null },
  ): Promise<QueuedMail> {
    const entry: OutboxEntry = {
      key: `${purpose}|${decision.decisionId}|${to.personId ?? to.email.toLowerCase()}`,
      purpose,
      recipientEmail: to.email,
      recipientPersonId: to.personId,
      sessionId: decision.item.session.id,
      agendaItemId: decision.item.id,
      dossierId: decision.dossier.id,
    };
    return this.outbox.write(tx, rendered, entry);
  }
}
