import type { PersonContact, PersonDirectory } from '@overlegtafels/application';
import type { Transaction } from '@overlegtafels/application';

/** People by id; `casusregisseurs` lists who holds the role, per region. */
export class FakePersonDirectory implements PersonDirectory {
  constructor(
    private readonly contacts: readonly PersonContact[] = [],
    private readonly casusregisseurs: readonly { regionId: string; personId: string }[] = [],
  ) {}

  async isCasusregisseur(_tx: Transaction, regionId: string, personId: string): Promise<boolean> {
    return this.casusregisseurs.some((c) => c.regionId === regionId && c.personId === personId);
  }

  async personIdsByEmail(
    _tx: Transaction,
    _regionId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>> {
    const wanted = new Set(emails.map((e) => e.toLowerCase()));
    return new Map(
      this.contacts
        .filter((c) => wanted.has(c.email.toLowerCase()))
        .map((c) => [c.email.toLowerCase(), c.id]),
    );
  }

  async contactOf(_tx: Transaction, personId: string): Promise<PersonContact | undefined> {
    const found = this.contacts.find((c) => c.id === personId);
    return found && { ...found };
  }
}
