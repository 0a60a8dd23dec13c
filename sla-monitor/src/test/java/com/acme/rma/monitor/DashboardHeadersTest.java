package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's security headers: a Content-Security-Policy without inline script or style, never
 * framed, no MIME sniffing, no referrer. The browser test runs the page under this policy.
 */
@QuarkusTest
class DashboardHeadersTest {

  @ConfigProperty(name = "rma.dashboard.intake-url")
  String intakeUrl;

  private static ValidatableResponse hardened(ValidatableResponse response) {
    return response
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer");
  }

  @Test
  void thePageAndItsFilesCarryTheSecurityHeaders() {
    for (String path : new String[] {"/", "/index.html", "/dashboard.js", "/dashboard.css"}) {
      hardened(given().get(path).then().statusCode(200))
          .header(
              "Content-Security-Policy",
              allOf(
                  containsString("default-src 'none'"),
                  containsString("script-src 'self'"),
                  containsString("style-src 'self'"),
                  containsString("frame-ancestors 'none'"),
                  // the page reads intake's paused webhooks: its origin and no other
                  containsString("connect-src 'self' " + intakeUrl + ";"),
                  not(containsString("unsafe-inline")),
                  not(containsString("unsafe-eval"))));
    }
  }

  @Test
  void theApiCarriesThemToo() {
    hardened(given().get("/api/v1/slas").then().statusCode(401));
  }

  @Test
  void thePageHasNoInlineScript() {
    String html = given().get("/").then().statusCode(200).extract().asString();
    Matcher script = Pattern.compile("<script([^>]*)>").matcher(html);
    int scripts = 0;
    while (script.find()) {
      scripts++;
      assertEquals(true, script.group(1).contains("src="), "inline script: " + script.group());
    }
    assertEquals(true, scripts > 0, "the page loads its script");
    given().get("/").then().body(not(containsString(" style=\""))).body(not(equalTo("")));
  }
}
