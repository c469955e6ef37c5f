package com.oversight.notification;

/** A Camunda user who is to receive a notification, with the address from their profile. */
public record Recipient(String userId, String email) {}
