package com.oversight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production set-up's promises that no container run here can show (CI has no Docker): the
 * proxy logs nothing and gives the anonymous channel no cookie, the webapps are sticky, and the
 * second node waits for the first. {@code .ci/run} checks both files' syntax.
 */
class ProductionTopologyTest {

  // Maven runs the tests from the repository root
  private static final Path PROXY = Path.of("deploy/haproxy/haproxy.cfg");
  private static final Path COMPOSE = Path.of("docker-compose.yml");

  @Test
  void theProxyKeepsNoLogAndPassesNoClientAddress() throws IOException {
    List<String> directives = directives();
    assertThat(directives).noneMatch(d -> d.equals("log") || d.startsWith("log ")
        || d.contains("httplog") || d.contains("tcplog") || d.contains("forwardfor"));
    assertThat(directives).contains("http-request del-header X-Forwarded-For",
        "http-request del-header Forwarded", "http-request del-header X-Real-IP");
  }

  @Test
  void theAnonymousChannelGetsNoCookieWhileTheWebappsAreSticky() throws IOException {
    Map<String, List<String>> sections = sections();
    assertThat(sections.get("frontend oversight")).contains(
        "acl anonymous path /report /transparency",
        "acl anonymous path_beg /report/ /public/ /api/public/ /transparency/",
        "use_backend anonymous if anonymous");
    // the anonymous rule comes before every other routing rule
    List<String> frontend = sections.get("frontend oversight");
    assertThat(frontend.indexOf("use_backend anonymous if anonymous"))
        .isLessThan(frontend.indexOf("use_backend stateless if stateless"));
    assertThat(sections.get("backend anonymous")).noneMatch(d -> d.contains("cookie"));
    assertThat(sections.get("backend stateless")).noneMatch(d -> d.contains("cookie"));
    assertThat(sections.get("backend webapps"))
        .contains("cookie SERVERID insert indirect nocache httponly secure");
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoNamedNodesStartOneAfterTheOtherBehindTheProxy() throws IOException {
    Map<String, Object> services = (Map<String, Object>) new Yaml()
        .<Map<String, Object>>load(Files.readString(COMPOSE)).get("services");
    Map<String, Object> node1 = (Map<String, Object>) services.get("oversight-1");
    Map<String, Object> node2 = (Map<String, Object>) services.get("oversight-2");
    assertThat(((Map<String, Object>) node1.get("environment")).get("OVERSIGHT_NODE_NAME"))
        .isEqualTo("oversight-1");
    Map<String, Object> node2Environment = (Map<String, Object>) node2.get("environment");
    assertThat(node2Environment.get("OVERSIGHT_NODE_NAME")).isEqualTo("oversight-2");
    // node 2 never creates the schema, and starts only once node 1 is healthy
    assertThat(node2Environment.get("CAMUNDA_BPM_DATABASE_SCHEMA_UPDATE")).isEqualTo("false");
    assertThat(node2.get("depends_on")).isEqualTo(
        Map.of("oversight-1", Map.of("condition", "service_healthy")));
    assertThat(((Map<String, Object>) node1.get("depends_on")).get("postgres"))
        .isEqualTo(Map.of("condition", "service_healthy"));
    // only the proxy is published; the nodes share the health check the proxy uses
    assertThat(node1).doesNotContainKey("ports");
    assertThat(node2).doesNotContainKey("ports");
    assertThat(node2.get("healthcheck").toString()).contains("/actuator/health/readiness");
    assertThat(services).containsKeys("postgres", "proxy", "mailcatcher");
  }

  /** The configuration's lines without comments and indentation. */
  private static List<String> directives() throws IOException {
    return Files.readAllLines(PROXY).stream()
        .map(line -> line.replaceAll("#.*", "").trim().replaceAll("\\s+", " "))
        .filter(line -> !line.isEmpty()).toList();
  }

  private static Map<String, List<String>> sections() throws IOException {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    String current = null;
    for (String line : Files.readAllLines(PROXY)) {
      String directive = line.replaceAll("#.*", "").trim().replaceAll("\\s+", " ");
      if (directive.isEmpty()) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        current = directive;
        sections.put(current, new java.util.ArrayList<>());
      } else if (current != null) {
        sections.get(current).add(directive);
      }
    }
    return sections;
  }
}
