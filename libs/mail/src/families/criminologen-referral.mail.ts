import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { EmailAddress, cleanText } from '../mail-values';
import { DecisionMailInput, decisionSubject, decisionValues } from './decision-parts.util';

export interface CriminologenReferralInput extends DecisionMailInput {
  /**
   * The aanmelder's professional contact, so the criminologists can reach them (guide II.F: "brengen
   * we de aanmelder in contact met de CO3 criminologen"). Nothing about the family: that is shared
   * between the professionals themselves, under the shared secrecy.
   */
  readonly aanmelder: { readonly name: string; readonly organisation?: string; readonly email: EmailAddress };
}

/** After "ketenaanpak zonder casusregisseur", to the region's criminologists' mailbox. */
export function criminologenReferralMail(
  identity: MailIdentity,
  input: CriminologenReferralInput,
): MailParts {
  const organisation = input.aanmelder.organisation
    ? cleanText(input.aanmelder.organisation, { maxLength: 120 })
    : '';
  return {
    template: 'criminologen-referral',
    subject: decisionSubject('Beslissing', input, identity),
    preview: `${input.dossier}: ketenaanpak zonder casusregisseur`,
    greeting: input.recipient,
    values: {
      ...decisionValues(input),
      aanmelderName: cleanText(input.aanmelder.name, { maxLength: 120 }),
      hasOrganisation: organisation !== '',
      aanmelderOrganisation: organisation,
      aanmelderEmail: input.aanmelder.email,
    },
  };
}
