package org.thinkpress.search;

import java.util.Map;

/**
 * The class of each common word of a language ({@link CommonWords}), looked up by the word's
 * characters and their hash: what {@link NotedWords} asks of every distinct word a piece has.
 *
 * <p>Most words asked for are not common words. The table keeps each word's hash in its slot, so
 * such a miss reads a slot or two, in one cache line, and never a word's characters (a general
 * map compares the characters of the words it probes, each somewhere else in memory).
 */
final class WordClasses {

  /** By slot: a word's hash in the high half, its number + 1 in the low half; 0 for a free slot. */
  private final long[] slots;
  private final char[][] words;
  private final byte[] classes;
  private final int mask;

  /** @param classes each word's class, 1 to 127 */
  WordClasses(Map<String, Integer> classes) {
    int size = Integer.highestOneBit(Math.max(16, classes.size() * 2) - 1) << 1; // at most half full
    this.slots = new long[size];
    this.words = new char[classes.size()][];
    this.classes = new byte[classes.size()];
    this.mask = size - 1;
    int[] next = {0};
    classes.forEach((word, wordClass) -> {
      char[] chars = word.toCharArray();
      int hash = hash(chars, chars.length);
      int slot = mix(hash) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      int number = next[0]++;
      slots[slot] = (long) hash << 32 | (number + 1);
      words[number] = chars;
      this.classes[number] = (byte) (int) wordClass;
    });
  }

  /** The hash of a word's characters, as {@link String#hashCode} has it. */
  static int hash(char[] word, int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + word[i];
    }
    return hash;
  }

  /** Spreads a hash's bits over the low ones that pick a slot. */
  static int mix(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }

  /** The class of the word in {@code word[0, length)}, whose {@link #hash} is {@code hash}; 0 when it is not a common word. */
  int classOf(char[] word, int length, int hash) {
    int slot = mix(hash) & mask;
    while (true) {
      long entry = slots[slot];
      if (entry == 0) {
        return 0;
      }
      if ((int) (entry >>> 32) == hash) {
        int number = (int) entry - 1;
        if (same(words[number], word, length)) {
          return classes[number];
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  int classOf(String word) {
    char[] chars = word.toCharArray();
    return classOf(chars, chars.length, hash(chars, chars.length));
  }

  /** Whether {@code known} is the word in {@code word[0, length)}: a loop, which for words of a few letters beats a vectorised comparison's set-up. */
  static boolean same(char[] known, char[] word, int length) {
    if (known.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known[i] != word[i]) {
        return false;
      }
    }
    return true;
  }
}
