package com.oversight.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code oversight.notification.*}: the sender address of Oversight's emails, whether emails are
 * sent at all, and the Tasklist address offered to templates as {@code ${tasklistUrl}}. The SMTP
 * server itself is Spring Mail's {@code spring.mail.*} (see docs/notifications.md).
 *
 * @param from        sender address of every notification
 * @param enabled     {@code false}: notification tasks render their template, log and send
 *                    nothing (the process goes on)
 * @param tasklistUrl link to Tasklist for the recipients
 */
@ConfigurationProperties("oversight.notification")
public record NotificationProperties(
    @DefaultValue("oversight@oversight.example") String from,
    @DefaultValue("true") boolean enabled,
    @DefaultValue("http://localhost:8080/camunda/app/tasklist/") String tasklistUrl) {}
