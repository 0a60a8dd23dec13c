package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** contract.md: the calendar endpoints; rules.md §3: the business-day deadline through REST. */
@QuarkusTest
class CalendarApiTest {

  private static final String PROBLEM = "application/problem+json";

  private static RequestSpecification ops() {
    return given().auth().oauth2(TestTokens.ops());
  }

  private static void dueAt(String calendar, String from, int businessDays, String expected) {
    dueAt(calendar, from, businessDays, expected, calendar);
  }

  private static void dueAt(
      String calendar, String from, int businessDays, String expected, String answeredId) {
    ops()
        .queryParam("from", from)
        .queryParam("businessDays", businessDays)
        .get("/api/v1/calendars/{id}/deadline", calendar)
        .then()
        .statusCode(200)
        .body("calendar", equalTo(answeredId))
        .body("businessDays", equalTo(businessDays))
        .body("dueAt", equalTo(expected));
  }

  // ---------------------------------------------------------------- holidays

  @Test
  void listsTheClosedDaysOfAYearWithNameAndKind() {
    ops()
        .queryParam("year", 2026)
        .get("/api/v1/calendars/JP/holidays")
        .then()
        .statusCode(200)
        .body("calendar", equalTo("JP"))
        .body("year", equalTo(2026))
        // 18 national holidays, and the closure days that are not holidays: Jan 2-3, Dec 29-31
        .body("closedDays", hasSize(23))
        .body("closedDays[0].date", equalTo("2026-01-01"))
        .body("closedDays[0].kind", equalTo("HOLIDAY"))
        .body("closedDays[1].date", equalTo("2026-01-02"))
        .body("closedDays[1].kind", equalTo("CLOSURE"))
        .body(
            "closedDays.date",
            hasItems(
                "2026-04-29",
                "2026-05-04",
                "2026-05-05",
                "2026-05-06",
                "2026-09-21",
                "2026-09-22",
                "2026-09-23",
                "2026-12-29",
                "2026-12-31"))
        .body("closedDays.find { it.date == '2026-09-22' }.name", equalTo("Citizens' Holiday"))
        .body("closedDays.find { it.date == '2026-05-06' }.name", equalTo("Substitute Holiday"))
        .body("closedDays.find { it.date == '2026-12-30' }.kind", equalTo("CLOSURE"))
        // a holiday on a Sunday is listed; weekends as such are not
        .body("closedDays.date", hasItem("2026-05-03"))
        .body("closedDays.date", not(hasItem("2026-05-09")));
  }

  @Test
  void theAllDayCalendarHasNoClosedDays() {
    ops()
        .queryParam("year", "2026")
        .get("/api/v1/calendars/24x7/holidays")
        .then()
        .statusCode(200)
        .body("closedDays", hasSize(0));
  }

  @Test
  void calendarIdsAreFoundWhateverTheirCase() {
    ops()
        .queryParam("year", 2026)
        .get("/api/v1/calendars/jp/holidays")
        .then()
        .statusCode(200)
        .body("calendar", equalTo("JP"));
    dueAt("24X7", "2026-05-01T10:00:00Z", 1, "2026-05-03T00:00:00Z", "24x7");
  }

  @Test
  void anUnknownCalendarIsNotFound() {
    ops()
        .queryParam("year", 2026)
        .get("/api/v1/calendars/XX/holidays")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("CALENDAR_NOT_FOUND"));
    ops()
        .queryParam("from", "2026-05-01T10:00:00Z")
        .queryParam("businessDays", 1)
        .get("/api/v1/calendars/XX/deadline")
        .then()
        .statusCode(404)
        .body("code", equalTo("CALENDAR_NOT_FOUND"));
  }

  @Test
  void aMissingNonNumericOrOutOfRangeYearIsABadRequest() {
    for (String year : new String[] {null, "", "twenty", "1999", "2100", "2026.5"}) {
      RequestSpecification request = ops();
      if (year != null) {
        request.queryParam("year", year);
      }
      request
          .get("/api/v1/calendars/JP/holidays")
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("code", equalTo("VALIDATION_FAILED"))
          .body("violations.field", hasItem("year"));
    }
    ops().queryParam("year", 2000).get("/api/v1/calendars/JP/holidays").then().statusCode(200);
    ops().queryParam("year", 2099).get("/api/v1/calendars/JP/holidays").then().statusCode(200);
  }

  // ---------------------------------------------------------------- deadline

  @Test
  void oneBusinessDayFromATuesdayIsWednesdayAtCloseInUtc() {
    dueAt("JP", "2026-05-12T10:00:00+09:00", 1, "2026-05-13T08:30:00Z");
  }

  @Test
  void theWeekendIsSkipped() {
    dueAt("JP", "2026-05-15T11:00:00+09:00", 1, "2026-05-18T08:30:00Z"); // Fri → Mon
    dueAt("JP", "2026-05-16T11:00:00+09:00", 1, "2026-05-18T08:30:00Z"); // Sat → Mon
    dueAt("JP", "2026-05-14T11:00:00+09:00", 1, "2026-05-15T08:30:00Z"); // Thu → Fri
  }

  @Test
  void goldenWeekIsSkipped() {
    dueAt("JP", "2026-04-28T14:00:00+09:00", 1, "2026-04-30T08:30:00Z"); // over Showa Day
    dueAt("JP", "2026-05-01T14:00:00+09:00", 1, "2026-05-07T08:30:00Z"); // over May 2-6
  }

  @Test
  void septembersConsecutiveHolidaysAreSkipped() {
    // Sep 19-23 2026: weekend, Respect for the Aged Day, Citizens' Holiday, Autumnal Equinox
    dueAt("JP", "2026-09-18T11:00:00+09:00", 1, "2026-09-24T08:30:00Z");
    dueAt("JP", "2026-09-18T11:00:00+09:00", 2, "2026-09-25T08:30:00Z");
  }

  @Test
  void theYearEndClosureIsSkipped() {
    dueAt("JP", "2026-12-28T15:00:00+09:00", 1, "2027-01-04T08:30:00Z");
    dueAt("JP", "2026-12-25T15:00:00+09:00", 2, "2027-01-04T08:30:00Z");
  }

  @Test
  void theDayOfIssueIsTheTokyoDateNotTheUtcDate() {
    // 20:00Z on Thursday is already Friday 05:00 in Tokyo: due Monday
    dueAt("JP", "2026-05-07T20:00:00Z", 1, "2026-05-11T08:30:00Z");
    // 14:59:59Z is still Thursday in Tokyo: due Friday
    dueAt("JP", "2026-05-07T14:59:59Z", 1, "2026-05-08T08:30:00Z");
  }

  @Test
  void tenBusinessDaysForBronze() {
    dueAt("JP", "2026-05-12T10:00:00+09:00", 10, "2026-05-26T08:30:00Z");
  }

  @Test
  void theAllDayCalendarEndsAtMidnightOfTheNthDay() {
    dueAt("24x7", "2026-05-01T10:00:00Z", 1, "2026-05-03T00:00:00Z");
  }

  @Test
  void answersTheStartInUtcWhateverTheOffsetGiven() {
    ops()
        .queryParam("from", "2026-05-01T14:00:00+09:00")
        .queryParam("businessDays", 1)
        .get("/api/v1/calendars/JP/deadline")
        .then()
        .statusCode(200)
        .body("from", equalTo("2026-05-01T05:00:00Z"));
  }

  @Test
  void acceptsAnOffsetWhosePlusSignWasNotEncoded() {
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .urlEncodingEnabled(false)
        .get("/api/v1/calendars/JP/deadline?from=2026-05-12T10:00:00+09:00&businessDays=1")
        .then()
        .statusCode(200)
        .body("dueAt", equalTo("2026-05-13T08:30:00Z"));
  }

  @Test
  void badParametersAreABadRequestNamingEachOne() {
    String[][] cases = {
      {null, "1", "from"},
      {"yesterday", "1", "from"},
      {"2026-05-01T10:00:00", "1", "from"}, // no offset
      {"2026-05-01", "1", "from"},
      {"2026-05-01T10:00:00Z", null, "businessDays"},
      {"2026-05-01T10:00:00Z", "0", "businessDays"},
      {"2026-05-01T10:00:00Z", "251", "businessDays"},
      {"2026-05-01T10:00:00Z", "two", "businessDays"},
      {"2099-12-30T00:00:00Z", "5", "from"}, // would leave the years the calendar knows
    };
    for (String[] c : cases) {
      RequestSpecification request = ops();
      if (c[0] != null) {
        request.queryParam("from", c[0]);
      }
      if (c[1] != null) {
        request.queryParam("businessDays", c[1]);
      }
      request
          .get("/api/v1/calendars/JP/deadline")
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("code", equalTo("VALIDATION_FAILED"))
          .body("violations.field", hasItem(c[2]));
    }
    ops()
        .get("/api/v1/calendars/JP/deadline")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("from", "businessDays"));
  }

  @Test
  void onlyOpsMayAskTheCalendars() {
    given().queryParam("year", 2026).get("/api/v1/calendars/JP/holidays").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.partner("P-1001"))
        .queryParam("year", 2026)
        .get("/api/v1/calendars/JP/holidays")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
  }
}
