import { FakeOrganisationDirectory } from '@overlegtafels/testing';
import { AanmeldingFormQuery } from './aanmelding-form.query';

describe('AanmeldingFormQuery', () => {
  it('offers the active organisations of the region only, by name', async () => {
    const query = new AanmeldingFormQuery(
      new FakeOrganisationDirectory([
        { id: 'o1', regionId: 'region-1', active: true, name: 'Politie', kind: 'politie' },
        { id: 'o2', regionId: 'region-1', active: true, name: 'CAW', kind: 'caw' },
        { id: 'o3', regionId: 'region-1', active: false, name: 'Oud' },
        { id: 'o4', regionId: 'region-2', active: true, name: 'Elders' },
      ]),
    );
    expect((await query.organisationsOf('region-1')).map((o) => o.name)).toEqual(['CAW', 'Politie']);
  });
});
