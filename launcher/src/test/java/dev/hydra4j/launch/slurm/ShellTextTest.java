package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShellTextTest {

  /** Characters that mean something to bash, plus ordinary ones and a few beyond ASCII. */
  private static final String ALPHABET = "abcXYZ019 \t\n'\"`$\\!#&*()[]{}<>|;:?~%^=+,-./@é€\u00a0";

  /** What bash makes of {@code words}: printf prints each followed by a NUL. */
  @SuppressWarnings("OrphanedFormatString") // the format is bash's printf's, not Java's
  static List<String> throughBash(List<String> words) throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder("printf '%s\\0'");
    for (String w : words) {
      script.append(' ').append(ShellText.word(w));
    }
    Process p = new ProcessBuilder("bash", "-c", script.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    List<String> back = new ArrayList<>(List.of(out.split("\0", -1)));
    back.remove(back.size() - 1);
    return back;
  }

  @Test
  void wordsReachBashVerbatim() throws Exception {
    List<String> words =
        List.of(
            "$(touch pwned)",
            "; rm -rf x",
            "it's",
            "\"dq\"",
            "a\nb",
            "`id`",
            "*",
            "$HOME",
            "\\",
            "",
            "'",
            "''",
            "a'b'c",
            "\u00e9\u20ac",
            "-e",
            "$'x'",
            "!!");
    assertEquals(words, throughBash(words));
  }

  @Test
  void randomWordsReachBashVerbatim() throws Exception {
    long seed = Long.getLong("hydra4j.seed", System.nanoTime());
    System.out.println("ShellTextTest seed " + seed + " (replay: -Dhydra4j.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder w = new StringBuilder();
      int n = random.nextInt(12);
      for (int j = 0; j < n; j++) {
        w.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      words.add(w.toString());
    }
    assertEquals(words, throughBash(words), "seed " + seed);
  }

  @Test
  void sbatchOptionsAreQuotedOnlyWhenNeeded() {
    assertEquals("--partition=gpu", ShellText.sbatchOption("--partition=gpu"));
    assertEquals("--exclusive", ShellText.sbatchOption("--exclusive"));
    assertEquals("--exclude=node[1-3]", ShellText.sbatchOption("--exclude=node[1-3]"));
    assertEquals("--comment=\"my run\"", ShellText.sbatchOption("--comment=my run"));
    assertEquals(
        "--comment=\"a \\\"b\\\" \\\\c 'd' $(e)\"",
        ShellText.sbatchOption("--comment=a \"b\" \\c 'd' $(e)"));
    assertEquals("--comment=\"\"", ShellText.sbatchOption("--comment="));
  }

  @Test
  void oneFunctionRefusesWhatEachPlaceCannotHold() {
    assertEquals(null, ShellText.refusal("a\nb $(x) `y` ; 'q' \\", ShellText.Place.WORD));
    assertEquals("a NUL character (at position 1)", ShellText.refusal("a\0", ShellText.Place.WORD));
    assertEquals("a line break (at position 2)", ShellText.refusal("ok\rx", ShellText.Place.LINE));
    assertEquals(null, ShellText.refusal("a\\b", ShellText.Place.LINE));
    assertTrue(ShellText.refusal("/a\\b", ShellText.Place.PATTERN_PATH).startsWith("a backslash"));
    // The renderers ask the same function, so unchecked text can never reach a script.
    assertThrows(IllegalArgumentException.class, () -> ShellText.word("a\0b"));
    assertThrows(
        IllegalArgumentException.class, () -> ShellText.sbatchOption("--comment=a\ntouch pwned"));
    assertThrows(IllegalArgumentException.class, () -> ShellText.comment("sweep\nrm -rf ~"));
    assertThrows(IllegalArgumentException.class, () -> ShellText.filenamePattern("/a\\b"));
  }

  @Test
  void percentSignsInPathsAreLiteral() {
    assertEquals("/data/100%%/sweep", ShellText.filenamePattern("/data/100%/sweep"));
  }
}
