import { EVERY_MAIL } from '../testing/every-mail.test-util';

describe('mail to the criminologists after "ketenaanpak zonder casusregisseur"', () => {
  it('gives the code and the aanmelder’s professional contact, nothing about the family', async () => {
    const mail = await EVERY_MAIL['criminologen-referral']!();
    expect(mail.text).toContain(
      'besliste voor dossier CO3-2026-0042 tot een ketenaanpak zonder casusregisseur',
    );
    expect(mail.text).toContain(
      'Karel Aanmelder x ATTENDEE:mailto:evil@example.org BCC: x@example.org\\;,<script>alert(1)</script>{{subject}}, Politiezone Noord (fictief)\nkarel.aanmelder@politie.example.be',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Karel Aanmelder x ATTENDEE');
  });
});
