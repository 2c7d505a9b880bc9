import { alice, zdt } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';

describe('test mail', () => {
  it('greets a colleague when no name is known', async () => {
    const mail = await composer.test({
      recipient: { address: alice.address },
      sentAt: zdt('2026-11-23T09:15'),
    });
    expect(mail.text).toContain('Beste collega,');
    expect(mail.text).toContain('aangemaakt op maandag 23 november 2026 om 09:15');
  });
});
