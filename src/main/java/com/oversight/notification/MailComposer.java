package com.oversight.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds one plain-text message per recipient (nobody sees who else was told) and sends them all
 * in a single {@link JavaMailSender#send(MimeMessage...)} call: one SMTP connection, so a server
 * that is down fails the call before any message has gone out. Mail failures are never caught
 * here: a {@link org.springframework.mail.MailException} reaches the engine, which retries the
 * job and finally raises an incident.
 */
@Component
public class MailComposer {

  private final JavaMailSender mailSender;
  private final NotificationProperties properties;

  public MailComposer(JavaMailSender mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  public void send(RenderedMessage message, List<Recipient> recipients) {
    MimeMessage[] messages = recipients.stream()
        .map(recipient -> compose(message, recipient))
        .toArray(MimeMessage[]::new);
    mailSender.send(messages);
  }

  private MimeMessage compose(RenderedMessage message, Recipient recipient) {
    MimeMessage mime = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from());
      helper.setTo(recipient.email());
      helper.setSubject(message.subject());
      helper.setText(message.body(), false);
      return mime;
    } catch (MessagingException e) {
      throw new MailPreparationException(
          "Cannot build the notification for user '" + recipient.userId() + "'", e);
    }
  }
}
