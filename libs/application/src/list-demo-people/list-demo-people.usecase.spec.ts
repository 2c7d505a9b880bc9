import type { AppConfig } from '@overlegtafels/config';
import { ListDemoPeopleUseCase } from '@overlegtafels/application';
import { FakePersonDirectory } from '@overlegtafels/testing';

describe('ListDemoPeopleUseCase', () => {
  const people = new FakePersonDirectory().addPeople([
    {
      id: 'a',
      displayName: 'A',
      email: 'a@x.be',
      regionKey: 'co3',
      active: true,
      roles: [{ role: 'member', tableKey: 'ico' }],
    },
    { id: 'b', displayName: 'B', email: 'b@x.be', regionKey: 'co3', active: true },
    {
      id: 'c',
      displayName: 'C',
      email: 'c@x.be',
      regionKey: 'co3',
      active: false,
      roles: [{ role: 'admin', tableKey: null }],
    },
    {
      id: 'd',
      displayName: 'D',
      email: 'd@x.be',
      regionKey: 'vb',
      active: true,
      roles: [{ role: 'admin', tableKey: null }],
    },
  ]);

  it('lists the active people of the region who hold a role, where the demo login is on', async () => {
    const listed = await new ListDemoPeopleUseCase(people, {
      demoLogin: true,
      regions: ['co3'],
    } as AppConfig).execute();
    expect(listed.map((p) => p.id)).toEqual(['a']);
  });

  it('lists nobody where the demo login is off', async () => {
    expect(
      await new ListDemoPeopleUseCase(people, { demoLogin: false, regions: ['co3'] } as AppConfig).execute(),
    ).toEqual([]);
  });
});
