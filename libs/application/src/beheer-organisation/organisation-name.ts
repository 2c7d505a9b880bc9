import { isOrganisationKindOf, type OrganisationKinds } from '@overlegtafels/domain';
import { InputError } from '../errors';

export function organisationNameTaken(): InputError {
  return new InputError([
    { field: 'name', code: 'NAME_TAKEN', message: 'Er is in de regio al een organisatie met deze naam.' },
  ]);
}

/** An organisation's kind is one its region lists (RegionConfig.organisationKinds): else a 400 on `kind`. */
export function assertRegionKind(kinds: OrganisationKinds, kind: string): void {
  if (isOrganisationKindOf(kinds, kind)) return;
  throw new InputError([
    {
      field: 'kind',
      code: 'UNKNOWN',
      message: `Soort: "${kind}" is geen soort organisatie van deze regio; kies een soort uit de lijst.`,
    },
  ]);
}
