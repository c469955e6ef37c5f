package com.oversight.testing;

import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The GreenMail SMTP server of the tests that check emails: port 3025 (as in profile
 * {@code test}), or {@code -Doversight.test.smtp-port=N} so that two test runs on one machine
 * (two working copies) do not fight over the port.
 */
public final class TestMail {

  private TestMail() {}

  public static final int PORT = Integer.getInteger("oversight.test.smtp-port", 3025);

  public static final ServerSetup SMTP =
      new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP);

  /** A received message's subject (for assertions). */
  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A received message's first recipient (for assertions). */
  public static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
