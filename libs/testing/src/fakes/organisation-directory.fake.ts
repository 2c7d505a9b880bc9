import type { CasusregisseurLoad, OrganisationDirectory } from '@overlegtafels/application/testing';

export interface FakeOrganisation {
  readonly id: string;
  readonly regionId: string;
  readonly active: boolean;
  readonly name?: string;
  readonly kind?: string;
}

/** The region's organisations in memory. */
export class FakeOrganisationDirectory implements OrganisationDirectory {
  constructor(
    private readonly organisations: readonly FakeOrganisation[] = [],
    private readonly casusregisseurs: readonly (CasusregisseurLoad & { regionId: string })[] = [],
  ) {}

  async list(regionId: string): Promise<{ id: string; name: string; kind: string }[]> {
    return this.organisations
      .filter((o) => o.regionId === regionId && o.active)
      .map((o) => ({ id: o.id, name: o.name ?? o.id, kind: o.kind ?? 'andere' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async casusregieCapacity(regionId: string): Promise<CasusregisseurLoad[]> {
    return this.casusregisseurs
      .filter((c) => c.regionId === regionId)
      .map(({ regionId: _r, ...load }) => load);
  }

  async find(id: string): Promise<FakeOrganisation | undefined> {
    const found = this.organisations.find((o) => o.id === id);
    return found && { ...found };
  }
}
