package com.acme.rma.platform.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void plainTextIsOneToMaxCharactersWithoutControlsAndNotBlank() {
    assertTrue(Text.isPlain("Yamato Transport", 100));
    assertTrue(Text.isPlain(" x ", 3));
    assertTrue(Text.isPlain("ヤマト運輸 🚚 שלום", 100));
    assertFalse(Text.isPlain(null, 100));
    assertFalse(Text.isPlain("", 100));
    assertFalse(Text.isPlain("   ", 100));
    assertFalse(Text.isPlain("a\u0000", 100));
    assertFalse(Text.isPlain("a\nb", 100));
    assertFalse(Text.isPlain("a\u007F", 100));
    assertFalse(Text.isPlain("a\u001F", 100));
    assertFalse(Text.isPlain("abcd", 3));
  }

  @Test
  void longTextIsRefusedBeforeItIsRead() {
    assertFalse(Text.isPlain("a".repeat(1_000_000) + "\u0000", 100));
    assertTrue(Text.fits(null, 1));
    assertTrue(Text.fits("ab", 2));
    assertFalse(Text.fits("abc", 2));
  }
}
