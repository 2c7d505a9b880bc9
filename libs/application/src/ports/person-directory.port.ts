import type { Transaction } from './unit-of-work.port';

export interface PersonContact {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

/** Who people are, as the use cases need to address or choose them. */
export abstract class PersonDirectory {
  /** An active person of the region holding the casusregisseur role. */
  abstract isCasusregisseur(tx: Transaction, regionId: string, personId: string): Promise<boolean>;
  abstract contactOf(tx: Transaction, personId: string): Promise<PersonContact | undefined>;
  /** The active people of the region with these addresses: their ids by lower-cased address. */
  abstract personIdsByEmail(
    tx: Transaction,
    regionId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>>;
}
