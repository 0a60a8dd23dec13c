package com.acme.rma.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.rma.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageTest {

  private static int status(String page, String size) {
    return assertThrows(ProblemException.class, () -> Page.Request.parse(page, size))
        .problem()
        .status();
  }

  @Test
  void theDeepestPageEndsAtTheMaximumOffset() {
    assertEquals(Page.MAX_OFFSET, Page.Request.parse("5000000", "200").offset());
    assertEquals(400, status("5000001", "200"));
    assertEquals(0, Page.Request.parse(null, null).offset());
  }

  @Test
  void pagesThatWouldOverflowAreBadRequests() {
    assertEquals(400, status(Integer.toString(Integer.MAX_VALUE), "200"));
    assertEquals(400, status("10737419", "200")); // × 200 wraps to a negative int
    assertEquals(400, status("99999999999", "1"));
    assertEquals(400, status("-2147483648", "1"));
    assertEquals(400, status("1", "-2147483648"));
    assertEquals(400, status("1e3", "1"));
  }
}
