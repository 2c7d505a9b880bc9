import type { OrganisationDirectory } from '@overlegtafels/application';

export interface FakeOrganisation {
  readonly id: string;
  readonly regionId: string;
  readonly active: boolean;
}

/** The region's organisations in memory. */
export class FakeOrganisationDirectory implements OrganisationDirectory {
  constructor(private readonly organisations: readonly FakeOrganisation[] = []) {}

  async find(id: string): Promise<FakeOrganisation | undefined> {
    const found = this.organisations.find((o) => o.id === id);
    return found && { ...found };
  }
}
