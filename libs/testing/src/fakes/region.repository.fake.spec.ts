import { FakeRegionRepository } from './region.repository.fake';

describe('the in-memory region repository', () => {
  it('knows co3-antwerpen as region-1 unless told otherwise', async () => {
    expect(await new FakeRegionRepository().idOf('co3-antwerpen')).toBe('region-1');
    expect(await new FakeRegionRepository({ 'regio-b': 'region-2' }).idOf('regio-b')).toBe('region-2');
  });

  it('fails on a region it does not hold, as the database implementation does', async () => {
    const regions = new FakeRegionRepository({});
    await expect(regions.idOf('co3-antwerpen')).rejects.toThrow(
      'region co3-antwerpen is not in the database',
    );
  });

  it('counts every look-up', async () => {
    const regions = new FakeRegionRepository();
    await regions.idOf('co3-antwerpen');
    await regions.idOf('nergens').catch(() => undefined);
    expect(regions.lookups).toBe(2);
  });
});
