package com.acme.rma.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The computed holidays must equal the Cabinet Office's published list, year by year. */
class JapaneseHolidaysGoldenTest {

  private static final List<Holiday> PUBLISHED = readCsv("/jp-national-holidays-2020-2027.csv");

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027})
  void computedHolidaysEqualThePublishedListForEveryYearFrom2020To2027(int year) {
    List<Holiday> expected =
        PUBLISHED.stream().filter(h -> h.date().getYear() == year).collect(Collectors.toList());

    // compare as text so that a failure shows the whole year side by side
    assertEquals(lines(expected), lines(JapaneseHolidays.inYear(year)));
  }

  @Test
  void goldenFileCoversEightYears() {
    // guards against a truncated copy of the golden file silently passing
    assertEquals(
        List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027),
        PUBLISHED.stream().map(h -> h.date().getYear()).distinct().collect(Collectors.toList()));
    assertEquals(143, PUBLISHED.size());
  }

  private static String lines(List<Holiday> holidays) {
    return holidays.stream().map(h -> h.date() + "," + h.name()).collect(Collectors.joining("\n"));
  }

  private static List<Holiday> readCsv(String resource) {
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    JapaneseHolidaysGoldenTest.class.getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
      List<Holiday> result = new ArrayList<>();
      String header = reader.readLine();
      assertEquals("date,name", header);
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        result.add(
            new Holiday(LocalDate.parse(line.substring(0, comma)), line.substring(comma + 1)));
      }
      return result;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
