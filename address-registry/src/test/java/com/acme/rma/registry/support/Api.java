package com.acme.rma.registry.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** REST Assured with the registry's habits: JSON bodies, bearer tokens, decimals as doubles. */
public final class Api {

  public static final String PROBLEM = "application/problem+json";

  private static final RestAssuredConfig CONFIG =
      RestAssured.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

  private Api() {}

  public static RequestSpecification as(String token) {
    return anonymous().auth().oauth2(token);
  }

  public static RequestSpecification anonymous() {
    return given().config(CONFIG).contentType(ContentType.JSON);
  }

  /** A serial number (or any id) no other test uses, so tests never depend on an empty database. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** An address body with the given first line, country and position; the rest is plausible. */
  public static Map<String, Object> address(
      String line1, String country, double latitude, double longitude) {
    Map<String, Object> body = new HashMap<>();
    body.put("line1", line1);
    body.put("city", "Test City");
    body.put("postalCode", "100-0005");
    body.put("country", country);
    body.put("latitude", latitude);
    body.put("longitude", longitude);
    return body;
  }

  /** A service center body. */
  public static Map<String, Object> center(
      String country, double latitude, double longitude, String activeFrom) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Test service center");
    body.put("country", country);
    body.put("latitude", latitude);
    body.put("longitude", longitude);
    if (activeFrom != null) {
      body.put("activeFrom", activeFrom);
    }
    return body;
  }

  /** Latitude degrees for a distance due north along a meridian (R = 3958.8 mi). */
  public static double degreesNorth(double miles) {
    return miles / (3958.8 * Math.PI / 180.0);
  }
}
