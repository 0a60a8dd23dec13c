package com.acme.rma.platform.rest;

import com.acme.rma.platform.problem.ProblemException;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer, the same shape in every service: {@code {items, page, size, total}}.
 * Pages count from 0; a page holds at most {@link #MAX_SIZE} items.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /**
   * The deepest item a page may start at ({@code page × size}): deeper pages are refused with a
   * 400, so the offset never overflows and no query scans that far.
   */
  public static final int MAX_OFFSET = 1_000_000_000;

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }

  /** The requested page and size, checked: a bad one is the caller's mistake, a 400. */
  public record Request(int page, int size) {

    /**
     * Takes the raw query parameters, so that {@code page=abc} is a 400 naming the parameter rather
     * than the framework's 404 for an unconvertible query parameter.
     */
    public static Request parse(String page, String size) {
      return of(number("page", page), number("size", size));
    }

    private static Request of(Integer page, Integer size) {
      int p = page == null ? 0 : page;
      int s = size == null ? DEFAULT_SIZE : size;
      if (p < 0) {
        throw ProblemException.invalid("page", "must be 0 or more");
      }
      if (s < 1 || s > MAX_SIZE) {
        throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
      }
      if ((long) p * s > MAX_OFFSET) {
        throw ProblemException.invalid(
            "page", "page × size must be at most " + MAX_OFFSET + " (use a filter instead)");
      }
      return new Request(p, s);
    }

    private static Integer number(String name, String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return Integer.valueOf(value.trim());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid(name, "must be a whole number");
      }
    }

    /** The first item's index, at most {@link #MAX_OFFSET} (no overflow). */
    public int offset() {
      return page * size;
    }
  }
}
