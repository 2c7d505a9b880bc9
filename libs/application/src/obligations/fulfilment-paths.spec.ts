import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import { dossierFormFor } from './fulfilment-paths';

const rule = (key: string) => CO3_ANTWERPEN.obligations!.find((r) => r.key === key)!;

describe('the dossier-page form a task links to', () => {
  it('is the form that records the event fulfilling it, for its owner', () => {
    expect(dossierFormFor(rule('instemming-volwassene'))).toMatchObject({
      route: 'POST /dossiers/:code/instemming',
      anchor: 'instemming',
      label: 'Instemming registreren',
    });
    expect(dossierFormFor(rule('kinderen-boven-12-gehoord'))?.anchor).toBe('kinderen');
    expect(dossierFormFor(rule('consulent-voor-afronding'))?.anchor).toBe('consulent-afronding');
  });

  it('is none for what is agendered, decided or marked done', () => {
    for (const key of [
      'eerste-plan-van-aanpak',
      'afstemming-consulent',
      'afsluiting',
      'kwaliteitscontrole',
    ]) {
      expect([key, dossierFormFor(rule(key))]).toEqual([key, undefined]);
    }
  });
});
