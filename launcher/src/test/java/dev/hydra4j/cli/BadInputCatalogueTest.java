package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue, {@code bad-inputs/cases.txt}: each case runs the CLI in-process and must
 * exit 2 with one message that starts with {@code error: }, names the place (an {@code at} line, a
 * caret under the override, or the option), contains the case's expected fragments, shows no stack
 * trace, prints nothing on stdout and writes nothing.
 */
@Timeout(120)
class BadInputCatalogueTest {

  private static final String CATALOGUE = "/bad-inputs/cases.txt";

  /**
   * A place: an "at" line, a file:line:column in the detail, a caret line, or for a usage error the
   * option or word it is about, quoted on the first line.
   */
  private static final Pattern LOCATED =
      Pattern.compile(
          "(?m)^\\s+at \\S|\\(\\S+:\\d+:\\d+\\)"
              + "|^\\s*\\^+\\s*$|^error: [^\\n]*(--[a-z]|'[^'\\n]+')");

  private static final Pattern TRACE = Pattern.compile("\\tat |Exception|\\.java:\\d+\\)");

  /** One tree for all cases (it holds an 8 MiB file); no case may change it. */
  @TempDir static Path temp;

  @BeforeAll
  static void tree() throws IOException {
    Path conf = temp.resolve("conf");
    for (Map.Entry<String, byte[]> file : catalogue().files.entrySet()) {
      write(conf.resolve(file.getKey()), file.getValue());
    }
    writeGenerated(conf);
  }

  static Stream<Arguments> cases() throws IOException {
    return catalogue().cases.stream().map(c -> Arguments.of(c.name, c.args, c.fragments));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithALocatedMessageAndWritesNothing(
      String name, List<String> args, List<String> fragments) throws IOException {
    List<String> argv = new ArrayList<>();
    boolean subcommand = Main.SUBCOMMANDS.containsKey(args.get(0));
    if (!subcommand && !args.contains("-cp")) {
      argv.addAll(List.of("-cp", temp.resolve("conf").toString()));
    }
    for (String arg : args) {
      argv.add(arg.replace("{tmp}", temp.toString()));
    }
    List<Path> before = listing();
    CliRun run = CliRun.of(argv.toArray(String[]::new));
    String err = run.err().replace(temp.toString(), "{tmp}");
    assertEquals(2, run.exitCode(), name + "\n" + err);
    assertTrue(err.startsWith("error: "), err);
    for (String fragment : fragments) {
      assertTrue(err.contains(fragment), "expected '" + fragment + "' in:\n" + err);
    }
    assertTrue(LOCATED.matcher(err).find(), "the message names the place:\n" + err);
    assertFalse(TRACE.matcher(err).find(), "no stack trace:\n" + err);
    assertEquals("", run.out(), "nothing on stdout");
    assertEquals(before, listing(), "nothing written");
  }

  private static List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.walk(temp)) {
      return files.map(temp::relativize).sorted().toList();
    }
  }

  /** Files too large or too regular to spell out in the catalogue. */
  private static void writeGenerated(Path conf) throws IOException {
    byte[] line = "key: 0123456789\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(conf.resolve("huge.yaml"))) {
      for (int written = 0; written <= 8 * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    deep.append("  ".repeat(600)).append("x: 1\n");
    write(conf.resolve("deep.yaml"), deep.toString().getBytes(StandardCharsets.UTF_8));
    write(
        conf.resolve("deeph.conf"),
        ("a = " + "[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
    write(
        conf.resolve("deepkey.conf"),
        ("a" + ".a".repeat(100_000) + " = 1\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder bomb =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    write(conf.resolve("bomb.yaml"), bomb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  /** The catalogue's files and cases. */
  private record Catalogue(Map<String, byte[]> files, List<Case> cases) {}

  private record Case(String name, List<String> args, List<String> fragments) {}

  private static Catalogue catalogue() throws IOException {
    String text;
    try (InputStream in = BadInputCatalogueTest.class.getResourceAsStream(CATALOGUE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Case> cases = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("file ")) {
        int eq = line.indexOf(" = ");
        files.put(line.substring(5, eq).strip(), unescape(line.substring(eq + 3)));
      } else if (line.startsWith("case ")) {
        String[] parts = line.substring(5).split(" \\| ", -1);
        List<String> args = new ArrayList<>();
        for (String word : parts[1].strip().split(" +")) {
          args.add(word.replace("\\s", " "));
        }
        List<String> fragments = new ArrayList<>();
        for (String fragment : parts[2].split(" ;; ")) {
          fragments.add(fragment.strip());
        }
        cases.add(new Case(parts[0].strip(), args, fragments));
      }
    }
    return new Catalogue(files, cases);
  }

  /** {@code \n}, {@code \t}, {@code \xNN} (a raw byte) and {@code \}{@code uNNNN}. */
  private static byte[] unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char kind = text.charAt(i + 1);
        if (kind == 'n' || kind == 't') {
          out.write(kind == 'n' ? '\n' : '\t');
          i++;
          continue;
        }
        if (kind == 'x') {
          out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
          i += 3;
          continue;
        }
        if (kind == 'u') {
          String ch = String.valueOf((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
          out.writeBytes(ch.getBytes(StandardCharsets.UTF_8));
          i += 5;
          continue;
        }
      }
      out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
