package com.acme.rma.platform.rest;

/**
 * Linear-time checks of untrusted text, for the rules a regular expression would state with
 * backtracking: the length is checked first, then the text is read once.
 */
public final class Text {

  private Text() {}

  /**
   * Whether the text has 1 to {@code max} characters, none of them a control character (U+0000–
   * U+001F, U+007F) and at least one not a space: the old pattern {@code
   * [^\p{Cntrl}]*[^\p{Cntrl}\s][^\p{Cntrl}]*} in one pass.
   */
  public static boolean isPlain(String text, int max) {
    if (text == null || text.isEmpty() || text.length() > max) {
      return false;
    }
    boolean visible = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return false;
      }
      if (c != ' ') {
        visible = true;
      }
    }
    return visible;
  }

  /** Whether the text is at most {@code max} characters long (null counts as short enough). */
  public static boolean fits(String text, int max) {
    return text == null || text.length() <= max;
  }
}
