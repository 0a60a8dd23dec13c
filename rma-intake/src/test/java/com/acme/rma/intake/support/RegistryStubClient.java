package com.acme.rma.intake.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Programs the {@link RegistryStub} and reads what it received. */
public final class RegistryStubClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;

  public RegistryStubClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A registered site, eligible for Gold Plus from SC-TYO-1, at {@link Fixtures#TOKYO}. */
  public static Map<String, Object> eligibleSite() {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("address", Fixtures.TOKYO);
    site.put("version", 3);
    site.put("eligible", true);
    site.put("serviceCenterId", "SC-TYO-1");
    site.put("distanceMiles", 12.4);
    return site;
  }

  /** A registered site that does not qualify, for this reason. */
  public static Map<String, Object> ineligibleSite(String reason) {
    Map<String, Object> site = eligibleSite();
    site.put("eligible", false);
    site.put("serviceCenterId", null);
    site.put("distanceMiles", null);
    site.put("reason", reason);
    return site;
  }

  public void register(String serialNumber, Map<String, Object> site) {
    send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/__stub/sites/" + serialNumber))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(write(site)))
            .build());
  }

  /** The site as the stub holds it now (including {@code holder}, the RMA holding the lock). */
  public Map<String, Object> site(String serialNumber) {
    return read(
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/__stub/sites/" + serialNumber)).build()),
        new TypeReference<>() {});
  }

  /** Every call received for the serial number: method, path, authorization, body. */
  public List<Map<String, Object>> calls(String serialNumber) {
    return read(
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/__stub/sites/" + serialNumber + "/calls"))
                .build()),
        new TypeReference<>() {});
  }

  public List<Map<String, Object>> calls(String serialNumber, String method) {
    return calls(serialNumber).stream().filter(c -> method.equals(c.get("method"))).toList();
  }

  private static String send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
