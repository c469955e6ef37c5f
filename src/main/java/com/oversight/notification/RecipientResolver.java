package com.oversight.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the group and user ids of a notification task into email recipients through Camunda's
 * {@link IdentityService}: every member of every group, then the users named, each address
 * once, in that order. Users without a valid email address in their profile, unknown users and
 * empty groups are skipped and logged: one incomplete profile must not hold back everyone
 * else's notification.
 *
 * <p>Runs inside the notification job, where no user is authenticated, so Camunda's
 * authorizations do not filter the users found (notification tasks are asynchronous by
 * contract).
 */
@Component
public class RecipientResolver {

  private static final Logger LOG = LoggerFactory.getLogger(RecipientResolver.class);

  private final IdentityService identityService;

  public RecipientResolver(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * @param groupIds group ids, each member is a recipient
   * @param userIds  user ids
   */
  public List<Recipient> resolve(Collection<String> groupIds, Collection<String> userIds) {
    Map<String, User> users = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      List<User> members = identityService.createUserQuery().memberOfGroup(groupId)
          .orderByUserId().asc().list();
      if (members.isEmpty()) {
        LOG.warn("Notification: group '{}' has no members (or does not exist)", groupId);
      }
      members.forEach(u -> users.putIfAbsent(u.getId(), u));
    }
    for (String userId : userIds) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        LOG.warn("Notification: user '{}' does not exist, skipped", userId);
      } else {
        users.putIfAbsent(user.getId(), user);
      }
    }
    return withAddresses(users.values());
  }

  private static List<Recipient> withAddresses(Collection<User> users) {
    List<Recipient> recipients = new ArrayList<>();
    Set<String> addresses = new LinkedHashSet<>();
    for (User user : users) {
      String email = user.getEmail() == null ? "" : user.getEmail().trim();
      if (email.isEmpty()) {
        LOG.warn("Notification: user '{}' has no email address, skipped", user.getId());
      } else if (!isValid(email)) {
        LOG.warn("Notification: user '{}' has an invalid email address, skipped", user.getId());
      } else if (addresses.add(email.toLowerCase(Locale.ROOT))) {
        recipients.add(new Recipient(user.getId(), email));
      }
    }
    return recipients;
  }

  private static boolean isValid(String email) {
    try {
      new InternetAddress(email, true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }
}
