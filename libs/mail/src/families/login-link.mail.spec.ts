import { EVERY_MAIL } from '../testing/every-mail.test-util';

describe('login link', () => {
  it('says until when the link works and escapes it in the href', async () => {
    const mail = await EVERY_MAIL['login-link']!();
    expect(mail.text).toContain('geldig tot maandag 23 november 2026 om 09:30');
    expect(mail.text).toContain('https://overlegtafels.example.be/login/abc?t=1&u=2');
    expect(mail.html).toContain('href="https://overlegtafels.example.be/login/abc?t=1&amp;u=2"');
  });
});
