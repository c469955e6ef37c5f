package com.oversight.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks an API caller's user id and password against Camunda's identity service (the users
 * managed in Camunda Admin) and gives them one authority per Camunda group:
 * {@code ROLE_<groupId>}. Camunda locks a user out for a while after wrong passwords.
 */
@Component
public class CamundaAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Wrong user id or password");
    }
    List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery()
        .groupMember(userId).list().stream()
        .map(g -> new SimpleGrantedAuthority(Groups.authority(g.getId())))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
