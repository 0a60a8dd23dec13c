package com.acme.rma.platform.openapi;

import com.acme.rma.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every service's OpenAPI document complete for client generators, the same way: a {@code
 * Problem} schema, the problem answers every {@code /api/} operation can give (400, 401, 403, 503;
 * 404 where the path names a resource; 413 where there is a body), and {@code
 * application/problem+json} content with that schema for every 4xx/5xx answer, also those that
 * resources declare with {@code @APIResponse(responseCode, description)} only.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ProblemResponses implements OASFilter {

  static final String PROBLEM = "Problem";
  static final String VIOLATION = "Violation";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
      components.addSchema(VIOLATION, violationSchema());
      components.addSchema(PROBLEM, problemSchema());
    }
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api/")) {
                operations(item).forEach(op -> complete(path, op));
              }
            });
  }

  private static List<Operation> operations(PathItem item) {
    return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
  }

  private static void complete(String path, Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("400", "VALIDATION_FAILED or MALFORMED_JSON: invalid input, each field named");
    defaults.put("401", "no valid bearer token");
    defaults.put("403", "FORBIDDEN (role) or CONTACT_YOUR_RESELLER (end customers)");
    if (path.contains("{")) {
      defaults.put("404", "the resource the path names does not exist (or is not yours)");
    }
    if (operation.getRequestBody() != null) {
      defaults.put("413", "PAYLOAD_TOO_LARGE");
    }
    defaults.put(
        "503",
        "DEPENDENCY_UNAVAILABLE: the database or a dependency is unreachable; see Retry-After");
    for (Map.Entry<String, String> entry : defaults.entrySet()) {
      if (!responses.hasAPIResponse(entry.getKey())) {
        responses.addAPIResponse(
            entry.getKey(), OASFactory.createAPIResponse().description(entry.getValue()));
      }
    }
    responses
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              if (code.startsWith("4") || code.startsWith("5")) {
                withProblemContent(code, response);
              }
            });
  }

  private static void withProblemContent(String code, APIResponse response) {
    Content content = response.getContent();
    if (content == null) {
      content = OASFactory.createContent();
      response.setContent(content);
    }
    if (content.getMediaType(Problem.MEDIA_TYPE) == null) {
      content.addMediaType(
          Problem.MEDIA_TYPE,
          OASFactory.createMediaType()
              .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
    }
    content.removeMediaType("application/json"); // errors are never plain JSON
    if ("503".equals(code)
        && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
      Header retryAfter =
          OASFactory.createHeader()
              .description("seconds to wait before retrying")
              .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
      response.addHeader("Retry-After", retryAfter);
    }
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.setDescription("a problem (RFC 9457)");
    }
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }

  private static Schema violationSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("One invalid input")
        .addProperty("field", text("the member, e.g. shipTo.postalCode"))
        .addProperty("message", text("what is wrong with it"))
        .required(List.of("field", "message"));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "An RFC 9457 problem; clients switch on code. Problem-specific members (e.g."
                + " rmaNumber, endOfLifeDate, missingPrerequisites) are added next to these.")
        .addProperty("type", text("urn:rma:problem:<code>"))
        .addProperty("title", text("short summary"))
        .addProperty(
            "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
        .addProperty("detail", text("what happened, for people"))
        .addProperty("code", text("stable machine-readable reason, e.g. VALIDATION_FAILED"))
        .addProperty(
            "violations",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION)))
        .required(List.of("type", "title", "status", "code"))
        .additionalPropertiesBoolean(Boolean.TRUE);
  }
}
