package com.oversight.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code oversight.try-it.enabled}: try-it mode (the default) seeds demo users with the password
 * {@code demo} and loads the labelled sample reference data. The {@code prod} profile turns it off.
 */
@ConfigurationProperties("oversight.try-it")
public record TryItProperties(@DefaultValue("true") boolean enabled) {}
