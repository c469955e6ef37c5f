package com.oversight.notification;

/** A template filled with a case's values: the subject line and the plain-text body. */
public record RenderedMessage(String subject, String body) {}
