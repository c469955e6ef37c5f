package com.oversight.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI description of Oversight's own API (/api/**), served at /v3/api-docs and as Swagger UI
 * at /swagger-ui.html. The engine's REST API (/engine-rest) is Camunda's and documented by Camunda.
 */
@Configuration
public class OpenApiConfig {

  static final String BASIC_AUTH = "basicAuth";

  @Bean
  OpenAPI oversightOpenApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Oversight API")
            .version("v1")
            .description("Human-rights governance of surveillance technology sales: reference "
                + "data, risk assessment and (later) sales, grievances and investigations. "
                + "Sign in with your Oversight user (HTTP Basic); each operation names the groups "
                + "allowed to call it. Errors are application/problem+json with an `errors` list "
                + "naming each field at fault."))
        .components(new Components().addSecuritySchemes(BASIC_AUTH,
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
  }
}
