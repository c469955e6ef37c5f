package com.oversight.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The import API over HTTP. The try-it sample data is loaded in this context, so the tests use
 * ISO 3166 user-assigned codes (XA..XZ, QM..QZ) that no real country has, each test its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReferenceImportApiTest {

  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  ResponseEntity<String> post(String user, String path, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    HttpEntity<byte[]> entity = new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange(path, HttpMethod.POST, entity, String.class);
  }

  ResponseEntity<String> importCsv(String dataset, String csv, boolean dryRun) {
    return post("carl", "/api/reference/" + dataset + "/imports?dryRun=" + dryRun
        + "&fileName=test.csv", csv, CSV);
  }

  JsonNode ok(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  JsonNode badRequest(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    return json.readTree(response.getBody());
  }

  long count(String table, String country) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE country = ?").param(country)
        .query(Long.class).single();
  }

  void countries(String csvRows) throws Exception {
    ok(importCsv("countries", "alpha2,alpha3,name\n" + csvRows, false));
  }

  @Test
  void aLargeFileImportsInTheBackgroundWithItsProgressAndResultForTheImporter() throws Exception {
    countries("XL,XLL,Testland L\n");
    StringBuilder csv = new StringBuilder("country,source,indicator,value,edition,as_of\n");
    for (int year = 1900; year < 2024; year++) {
      csv.append("XL,FREEDOM_HOUSE,TOTAL_SCORE,").append(year % 100).append(',').append(year)
          .append(',').append(year).append("-02-01\n");
    }
    ResponseEntity<String> accepted = post("carl", "/api/reference/country-indicators/imports"
        + "?background=true&fileName=history.csv", csv.toString(), CSV);
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    String id = json.readTree(accepted.getBody()).get("id").asText();
    assertThat(accepted.getHeaders().getLocation()).hasToString("/api/work/" + id);

    JsonNode done = awaitWork("carl", id);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("total").asInt()).isEqualTo(2 * 124);
    JsonNode result = json.readTree(done.get("result").asText());
    assertThat(result.get("imported").asBoolean()).isTrue();
    assertThat(result.get("result").get("inserted").asInt()).isEqualTo(124);
    assertThat(count("ov_country_indicator", "XL")).isEqualTo(124);
    // the importer's own work; sales cannot see it
    assertThat(rest.withBasicAuth("sara", "demo").getForEntity("/api/work/" + id, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aBadFileImportedInTheBackgroundImportsNothingAndListsItsProblems() throws Exception {
    countries("XM,XMM,Testland M\n");
    String csv = """
        country,source,indicator,value,edition,as_of
        XM,FREEDOM_HOUSE,TOTAL_SCORE,55,2024,2024-02-29
        XM,FREEDOM_HOUSE,TOTAL_SCORE,101,2023,2023-02-28
        """;
    ResponseEntity<String> accepted = post("carl", "/api/reference/country-indicators/imports"
        + "?background=true&fileName=bad.csv", csv, CSV);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    JsonNode done = awaitWork("carl", json.readTree(accepted.getBody()).get("id").asText());
    JsonNode result = json.readTree(done.get("result").asText());
    assertThat(result.get("imported").asBoolean()).isFalse();
    assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(result.get("errors").get(0).get("field").asText()).isEqualTo("value");
    assertThat(count("ov_country_indicator", "XM")).isZero();
  }

  JsonNode awaitWork(String user, String id) throws Exception {
    for (int i = 0; i < 300; i++) {
      JsonNode work = json.readTree(rest.withBasicAuth(user, "demo")
          .getForEntity("/api/work/" + id, String.class).getBody());
      if (work.get("status").asText().equals("DONE")
          || work.get("status").asText().equals("FAILED")) {
        return work;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("work " + id + " did not finish");
  }

  @Test
  void aFileWithOneBadRowImportsNothingAndNamesRowAndColumn() throws Exception {
    countries("XA,XAA,Testland A\n");
    String csv = """
        country,source,indicator,value,edition,as_of
        XA,FREEDOM_HOUSE,TOTAL_SCORE,55,2024,2024-02-29
        XA,FREEDOM_HOUSE,STATUS,sort of free,2024,2024-02-29
        XA,WORLD_BANK_WGI,RULE_OF_LAW,-0.4,2023,2023-09-29
        """;
    JsonNode problem = badRequest(importCsv("country-indicators", csv, false));
    assertThat(problem.get("detail").asText()).startsWith("row 3, column value: ");
    JsonNode error = problem.get("errors").get(0);
    assertThat(error.get("row").asInt()).isEqualTo(3);
    assertThat(error.get("field").asText()).isEqualTo("value");
    assertThat(error.get("value").asText()).isEqualTo("sort of free");
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(count("ov_country_indicator", "XA")).isZero();
  }

  @Test
  void everyProblemOfTheFileIsListed() throws Exception {
    countries("XB,XBB,Testland B\n");
    String csv = """
        country,source,indicator,value,edition,as_of
        ZZ,FREEDOM_HOUSE,TOTAL_SCORE,55,2024,2024-02-29
        XB,FREEDOM_HOUSE,TOTAL_SCORE,101,2024,2024-02-29
        XB,WORLD_BANK_WGI,RULE_OF_LAW,high,2023,2023-09-29
        XB,WORLD_BANK_WGI,HAPPINESS,1.0,2023,2023-09-29
        XB,V_DEM,LIBERAL_DEMOCRACY,1.2,v14,2024-03-07
        XB,CIVICUS,RATING,open,2023,2999-01-01
        XB,NOBODY,X,1,2023,2023-01-01
        XB,OTHER,,1,,2023-1-1
        XB,FREEDOM_HOUSE,TOTAL_SCORE,60,2024,2024-02-29
        XB,FREEDOM_HOUSE,TOTAL_SCORE,61,2024,2024-02-29
        XB,FREEDOM_HOUSE,STATUS
        """;
    JsonNode errors = badRequest(importCsv("country-indicators", csv, false)).get("errors");
    assertThat(errors).extracting(e -> e.get("row").asInt() + ":" + e.get("field").asText())
        .containsExactly("2:country", "3:value", "4:value", "5:indicator", "6:value",
            "7:as_of", "8:source", "9:indicator", "9:edition", "9:as_of", "11:edition",
            "12:value");
    assertThat(errors.get(10).get("problem").asText()).contains("same country, source");
    assertThat(errors.get(10).get("problem").asText()).contains("row 10");
    assertThat(count("ov_country_indicator", "XB")).isZero();
  }

  @Test
  void dryRunCountsAndWritesNothing() throws Exception {
    JsonNode result = ok(importCsv("countries", "alpha2,alpha3,name\nXC,XCC,Testland C\n", true));
    assertThat(result.get("dryRun").asBoolean()).isTrue();
    assertThat(result.get("rows").asInt()).isEqualTo(1);
    assertThat(result.get("inserted").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ov_country WHERE alpha2 = 'XC'").query(Long.class)
        .single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ov_reference_import WHERE sha256 = ?")
        .param("x").query(Long.class).single()).isZero();
  }

  @Test
  void reimportChangesNothingAndAChangedValueIsUpdated() throws Exception {
    countries("XD,XDD,Testland D\n");
    String csv = """
        country,source,indicator,value,edition,as_of
        XD,FREEDOM_HOUSE,TOTAL_SCORE,40,2024,2024-02-29
        XDD,FREEDOM_HOUSE,STATUS,Partly Free,2024,2024-02-29
        xd,CIVICUS,RATING,obstructed,2023,2023-12-06
        """;
    JsonNode first = ok(importCsv("country-indicators", csv, false));
    assertThat(first.get("inserted").asInt()).isEqualTo(3);
    assertThat(jdbc.sql("SELECT indicator_value FROM ov_country_indicator WHERE country = 'XD' "
        + "AND indicator = 'STATUS'").query(String.class).single()).isEqualTo("PARTLY_FREE");

    JsonNode again = ok(importCsv("country-indicators", csv, false));
    assertThat(again.get("unchanged").asInt()).isEqualTo(3);
    assertThat(again.get("inserted").asInt() + again.get("updated").asInt()).isZero();
    assertThat(count("ov_country_indicator", "XD")).isEqualTo(3);

    JsonNode changed = ok(importCsv("country-indicators",
        csv.replace("TOTAL_SCORE,40", "TOTAL_SCORE,35"), false));
    assertThat(changed.get("updated").asInt()).isEqualTo(1);
    assertThat(changed.get("unchanged").asInt()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT indicator_value FROM ov_country_indicator WHERE country = 'XD' "
        + "AND indicator = 'TOTAL_SCORE'").query(String.class).single()).isEqualTo("35");
  }

  @Test
  void commentsBomAndColumnOrderAreHandled() throws Exception {
    countries("XE,XEE,Testland E\n");
    String csv = "\uFEFF# a comment line\n# another\nLIST_SOURCE,Name,country,aliases\n"
        + "Test list,Spyware Vendor XE Ltd,XEE,\"Vendor XE|XE Surveillance, Inc.\"\n"
        + "# trailing comment\n\n"
        + "Test list,Other Vendor XE,,\n";
    JsonNode result = ok(importCsv("denied-parties", csv, false));
    assertThat(result.get("inserted").asInt()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT aliases FROM ov_denied_party WHERE name = 'Spyware Vendor XE Ltd'")
        .query(String.class).single()).isEqualTo("Vendor XE|XE Surveillance, Inc.");

    // a bad row after comments is reported with its line in the file
    JsonNode problem = badRequest(importCsv("denied-parties",
        csv + "# comment\n,no name,,\n", false));
    assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(9);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("list_source");
  }

  @Test
  void headerProblemsNameTheColumn() throws Exception {
    JsonNode problem = badRequest(importCsv("abuse-register",
        "country,agency,level,description,url,date\nXA,,DOCUMENTED_ABUSE,x,http://a.example,"
            + "2020-01-01\n", false));
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText() + ":"
        + e.get("problem").asText().split(" ")[0] + ":" + e.get("row").asInt())
        .containsExactly("url:unknown:1", "source_url:missing:1");
    assertThat(badRequest(importCsv("abuse-register", "# only a comment\n", false))
        .get("errors").get(0).get("field").asText()).isEqualTo("header");
  }

  @Test
  void abuseRegisterAndCountryRulesAreChecked() throws Exception {
    countries("XF,XFF,Testland F\n");
    String csv = """
        country,agency,level,description,source_url,date
        XF,,AT_RISK_GROUP_TARGETING,Journalists targeted,https://reports.example/1,2021-07-18
        XFF,Police,documented abuse,Protesters tracked,https://reports.example/2,2022-01-01
        """;
    assertThat(ok(importCsv("abuse-register", csv, false)).get("inserted").asInt()).isEqualTo(2);
    assertThat(ok(importCsv("abuse-register", csv, false)).get("unchanged").asInt()).isEqualTo(2);

    JsonNode errors = badRequest(importCsv("abuse-register", """
        country,agency,level,description,source_url,date
        XF,,SEVERE,,ftp://reports.example/3,yesterday
        """, false)).get("errors");
    assertThat(errors).extracting(e -> e.get("field").asText())
        .containsExactly("level", "description", "source_url", "date");

    JsonNode countryErrors = badRequest(importCsv("countries", """
        alpha2,alpha3,name
        X1,XGG,Bad code
        XG,XGGG,Bad alpha3
        XH,XHH,Testland H
        XH,XHI,Duplicate alpha2
        XJ,NOR,Taken alpha3
        """, false)).get("errors");
    assertThat(countryErrors).extracting(e -> e.get("row").asInt() + ":" + e.get("field").asText())
        .containsExactly("2:alpha2", "3:alpha3", "5:alpha2", "6:alpha3");
  }

  @Test
  void securityAndMediaType() throws Exception {
    assertThat(rest.getForEntity("/api/reference/countries", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("sara", "demo").getForEntity("/api/reference/countries",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post("sara", "/api/reference/countries/imports", "alpha2,alpha3,name\n", CSV)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("mona", "/api/reference/countries/imports", "alpha2,alpha3,name\n", CSV)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("admin", "/api/reference/countries/imports?dryRun=true",
        "alpha2,alpha3,name\n", CSV).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post("carl", "/api/reference/countries/imports", "alpha2,alpha3,name\n",
        MediaType.TEXT_PLAIN).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(post("carl", "/api/reference/countries/imports",
        "alpha2=XK&alpha3=XKK", MediaType.APPLICATION_FORM_URLENCODED).getStatusCode())
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    ResponseEntity<String> unknown = post("carl", "/api/reference/planets/imports",
        "name\n", CSV);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
  }

  @Test
  void importsAreRecordedNewestFirst() throws Exception {
    ok(importCsv("countries", "alpha2,alpha3,name\nXL,XLL,Testland L\n", false));
    JsonNode history = ok(rest.withBasicAuth("rex", "demo")
        .getForEntity("/api/reference/imports", String.class));
    JsonNode newest = history.get(0);
    assertThat(newest.get("dataset").asText()).isEqualTo("countries");
    assertThat(newest.get("fileName").asText()).isEqualTo("test.csv");
    assertThat(newest.get("importedBy").asText()).isEqualTo("carl");
    assertThat(newest.get("sha256").asText()).hasSize(64);
  }

  @Test
  void sampleDataIsLoadedInTryItMode() throws Exception {
    JsonNode indicators = ok(rest.withBasicAuth("sara", "demo")
        .getForEntity("/api/reference/countries/NO/indicators", String.class));
    assertThat(indicators).isNotEmpty();
    assertThat(ok(rest.withBasicAuth("sara", "demo")
        .getForEntity("/api/reference/countries/nor", String.class)).get("name").asText())
        .isEqualTo("Norway");
    assertThat(ok(rest.withBasicAuth("gina", "demo")
        .getForEntity("/api/reference/abuse-register?country=MX", String.class))).isNotEmpty();
    assertThat(ok(rest.withBasicAuth("lena", "demo")
        .getForEntity("/api/reference/countries?q=king", String.class)))
        .extracting(c -> c.get("alpha2").asText()).contains("GB");
    JsonNode hits = ok(rest.withBasicAuth("carl", "demo").getForEntity(
        "/api/reference/denied-parties/screening?name=CYTROX, A.D.", String.class));
    assertThat(hits).extracting(h -> h.get("matchedName").asText()).contains("Cytrox AD");
    assertThat(rest.withBasicAuth("carl", "demo").getForEntity("/api/reference/countries/QQ",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ov_reference_import WHERE imported_by = ?")
        .param(SampleDataLoader.USER).query(Long.class).single()).isEqualTo(4);
  }
}
