package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad input: every case exits 2, prints one error that names the place
 * (file:line:col, or the override with a caret) and prints nothing on stdout.
 */
class BadInputCatalogTest {

  @TempDir Path conf;

  private static final String CONFIG =
      String.join(
          "\n",
          "defaults:",
          "  - db: mysql",
          "  - _self_",
          "name: app",
          "port: 8080",
          "nested:",
          "  lr: 0.1",
          "");

  static Stream<Arguments> cases() {
    return Stream.of(
        bad("malformed override", List.of("port=[1,2"), List.of("Unclosed '['", "^")),
        bad(
            "unknown function",
            List.of("port=frobnicate(1)"),
            List.of("Unknown function 'frobnicate'", "^")),
        bad(
            "missing group option",
            List.of("db=postgres"),
            List.of(
                "option 'postgres'",
                "override 'db=postgres'",
                "available options:",
                "mysql, sqlite")),
        bad(
            "missing primary config",
            List.of("-cn", "nope"),
            List.of("Cannot find primary config 'nope'", "primary configs found: config")),
        bad(
            "yaml syntax error",
            List.of("db=broken"),
            List.of("YAML syntax error", "db/broken.yaml:2:5", "line 1, column 9")),
        bad(
            "hocon syntax error",
            List.of("db=hocon_broken"),
            List.of("HOCON syntax error", "db/hocon_broken.conf:3")),
        bad(
            "duplicate yaml key",
            List.of("db=dup"),
            List.of("Duplicate key 'driver'", "db/dup.yaml:2:1", "first at line 1")),
        bad("top level not a mapping", List.of("db=listy"), List.of("db/listy.yaml:1")),
        bad(
            "unknown key in struct mode",
            List.of("nested.lrr=1"),
            List.of("'nested.lrr'", "did you mean 'nested.lr'", "+nested.lrr=1")),
        bad("add an existing key", List.of("+port=1"), List.of("Could not add 'port'", "port=1")),
        bad("delete a missing key", List.of("~nope"), List.of("Could not delete 'nope'")),
        bad(
            "unfilled ??? choice",
            List.of("-cn", "needs_choice"),
            List.of(
                "You must choose an option for group 'db'", "needs_choice.yaml:2", "db=<option>")),
        bad(
            "interpolation to a missing key",
            List.of("-cn", "interp_missing", "--resolve"),
            List.of("nope", "interp_missing.yaml:1")),
        bad(
            "interpolation cycle",
            List.of("-cn", "cycle", "--resolve"),
            List.of("cycle", "a -> b -> a")),
        bad(
            "unknown resolver",
            List.of("-cn", "resolver", "--resolve"),
            List.of("oc.nope", "resolver.yaml:1")),
        bad(
            "sweep without --multirun",
            List.of("port=1,2"),
            List.of("needs --multirun", "override 'port=1,2'")),
        bad("unknown --cfg kind", List.of("--cfg", "jobs"), List.of("Unknown --cfg kind")),
        bad("unknown option", List.of("--frobnicate"), List.of("Unknown option")),
        bad(
            "explain of a mistyped key",
            List.of("--explain", "nested.lrr"),
            List.of("'nested.lrr' is not in the composed config", "did you mean 'nested.lr'")),
        bad(
            "mistyped command",
            List.of("staus"),
            List.of("Unknown command 'staus'", "did you mean 'status'")),
        bad(
            "mistyped --info kind",
            List.of("--info", "defualts"),
            List.of("Unknown --info kind 'defualts'", "did you mean 'defaults'")));
  }

  private static Arguments bad(String name, List<String> args, List<String> expected) {
    return Arguments.of(name, args, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsTwoWithALocatedMessage(String name, List<String> args, List<String> expected)
      throws IOException {
    write("config.yaml", CONFIG);
    write("db/mysql.yaml", "driver: mysql\n");
    write("db/sqlite.yaml", "driver: sqlite\n");
    write("db/broken.yaml", "driver: [mysql\nport: 1\n");
    write("db/hocon_broken.conf", "driver = mysql\nport = {\n");
    write("db/dup.yaml", "driver: a\ndriver: b\n");
    write("db/listy.yaml", "- a\n- b\n");
    write("needs_choice.yaml", "defaults:\n  - db: ???\n  - _self_\nx: 1\n");
    write("interp_missing.yaml", "a: ${nope}\n");
    write("cycle.yaml", "a: ${b}\nb: ${a}\n");
    write("resolver.yaml", "a: ${oc.nope:x}\n");
    List<String> argv = new ArrayList<>(Arrays.asList("-cp", conf.toString()));
    if (!args.contains("--cfg")) {
      argv.addAll(List.of("--cfg", "job"));
    }
    argv.addAll(args);
    CliRun run = CliRun.of(argv.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run.err());
    assertEquals("", run.out(), "nothing on stdout");
    assertTrue(run.err().startsWith("error: "), run.err());
    for (String part : expected) {
      assertTrue(run.err().contains(part), "expected '" + part + "' in:\n" + run.err());
    }
    assertFalse(run.err().contains("Exception"), "no stack trace:\n" + run.err());
  }

  private void write(String name, String text) throws IOException {
    Path file = conf.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
