package com.acme.rma.platform;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A failure and everything it wraps, outermost first, once each (cycles are cut); and the text of a
 * failure as ops read it in an answer, without the names of exception classes or code.
 */
public final class Causes {

  /** Top-level package names that only code names start with ({@code java.lang.String}). */
  private static final Set<String> CODE_ROOTS =
      Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org", "io", "net");

  private Causes() {}

  /** The cause chain, with an {@link SQLException}'s next exception after it. */
  public static List<Throwable> of(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        chain.add(sql.getNextException());
      }
    }
    return chain;
  }

  /**
   * The text with the names of code taken out, for an answer ops read (the service's log keeps
   * them): a qualified class name becomes its simple name ({@code java.lang.String} → {@code
   * String}), an exception's or error's name is dropped with the colon after it ({@code
   * java.lang.IllegalStateException: no row} → {@code no row}), and a package name or a source file
   * name goes; whitespace runs become one space. One pass over the text, no regular expression (the
   * text may carry what a sender put in an event). Null stays null.
   */
  public static String plain(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isNameChar(c)) {
        if (Character.isWhitespace(c)) {
          if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
          }
        } else {
          out.append(c);
        }
        i++;
        continue;
      }
      int start = i;
      while (i < n
          && (isNameChar(text.charAt(i))
              || (text.charAt(i) == '.' && i + 1 < n && isNameChar(text.charAt(i + 1))))) {
        i++;
      }
      String kept = plainName(text.substring(start, i));
      if (kept.isEmpty()) {
        int j = i;
        while (j < n && text.charAt(j) == ' ') {
          j++;
        }
        if (j < n && text.charAt(j) == ':') {
          i = j + 1; // "SomeException: message" → "message"
        }
      } else {
        out.append(kept);
      }
    }
    int from = 0;
    while (from < out.length() && (out.charAt(from) == ' ' || out.charAt(from) == ':')) {
      from++;
    }
    return out.substring(from).strip();
  }

  /**
   * One sentence for ops about a failure: its message without code names, or, when it has none, the
   * first message in what it wraps; {@code fallback} when none of them says anything.
   */
  public static String describe(Throwable failure, String fallback) {
    for (Throwable t : of(failure)) {
      String text = plain(t.getMessage());
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return fallback;
  }

  private static String plainName(String token) {
    String name = token;
    if (token.indexOf('.') > 0) {
      String[] parts = token.split("\\.", -1);
      String last = parts[parts.length - 1];
      if (last.equals("java") || last.equals("kt")) {
        return ""; // a source file: Foo.java
      }
      boolean packaged = true;
      for (int k = 0; k < parts.length - 1; k++) {
        packaged &= isPackagePart(parts[k]);
      }
      if (packaged && Character.isUpperCase(last.charAt(0))) {
        name = last; // a class: java.lang.String → String
      } else if (CODE_ROOTS.contains(parts[0]) && parts.length >= 3) {
        // code: a package (io.smallrye.reactive), a method (com.acme.Foo.bar) → its class or
        // nothing
        name = "";
        for (String part : parts) {
          if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
            name = part;
            break;
          }
        }
      } else {
        return token; // a topic, a type, a version, a host: rma.cancelled.v1
      }
    }
    return isThrowableName(name) ? "" : name;
  }

  private static boolean isThrowableName(String name) {
    return !name.isEmpty()
        && Character.isUpperCase(name.charAt(0))
        && (name.contains("Exception") || name.endsWith("Error") && !name.equals("Error"));
  }

  private static boolean isPackagePart(String part) {
    if (part.isEmpty() || !Character.isLowerCase(part.charAt(0))) {
      return false;
    }
    for (int k = 0; k < part.length(); k++) {
      char c = part.charAt(k);
      if (!(Character.isLowerCase(c) || Character.isDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
