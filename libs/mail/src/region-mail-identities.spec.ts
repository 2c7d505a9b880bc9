import { inRegion } from '@overlegtafels/config';
import { allIdentities, mailIdentity, RegionMailIdentities } from './mail-identity';

describe('RegionMailIdentities', () => {
  const identities = new RegionMailIdentities(
    new Map([
      [
        'co3-antwerpen',
        mailIdentity('CO3 Antwerpen overlegtafels <overlegtafels@example.be>', 'CO3 Antwerpen'),
      ],
      [
        'vlaams-brabant',
        mailIdentity(
          'Veilig Huis Vlaams-Brabant overlegtafels <overlegtafels@vlaams-brabant.example.be>',
          'Veilig Huis Vlaams-Brabant',
        ),
      ],
    ]),
    { regions: ['co3-antwerpen', 'vlaams-brabant'] },
  );

  it('is the identity of the region the work runs in', () => {
    const vb = inRegion('vlaams-brabant', () => [
      identities.sender.address,
      identities.region,
      identities.uidHost,
    ]);
    expect(vb).toEqual([
      'overlegtafels@vlaams-brabant.example.be',
      'Veilig Huis Vlaams-Brabant',
      'vlaams-brabant.example.be',
    ]);
    expect(inRegion('co3-antwerpen', () => identities.uidHost)).toBe('example.be');
  });

  it('has no answer outside a region of several, and none for a region it does not serve', () => {
    expect(() => identities.sender).toThrow('no region in scope');
    expect(() => inRegion('west-vlaanderen', () => identities.region)).toThrow(
      'region west-vlaanderen has no mail identity',
    );
  });

  it('lists every region’s identity, for the organiser mailbox that reads all their answers', () => {
    expect(allIdentities(identities).map((i) => i.sender.address)).toEqual([
      'overlegtafels@example.be',
      'overlegtafels@vlaams-brabant.example.be',
    ]);
    const one = mailIdentity('overlegtafels@example.be', 'CO3 Antwerpen');
    expect(allIdentities(one)).toEqual([one]);
  });
});
