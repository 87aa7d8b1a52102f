package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@link QuickLine} reads every line it accepts exactly as picocli does, option by option. */
class QuickLineTest {

  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--cfg job",
        "-cp conf --cfg job db=b",
        "-c hydra --resolve -p db x=1",
        "-cp conf -cn other -cd extra -cd more --version-base 1.1 --cfg all",
        "-m x=1,2 --name n --tag a --tag b --note first --note second -- ignored",
        "--multirun --dry-run --wait hydra/launcher=slurm seed=1,2,3",
        "~key +new=1 ++both=2 'quoted=a b'",
        "-cn ''",
        "-m x=1,2 --dry-run --format json --filter 'x > 1' --jobs 0,1",
        "--explain db.port --pipeline stages.yaml",
      })
  void everydayLinesSkipPicocliAndMatchIt(String line) {
    String[] options = words(line);
    Hydra4jCommand quick = command();
    assertTrue(QuickLine.parse(options, quick), line);
    assertEquals(valuesAfterPicocli(options), values(quick), line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--help",
        "-h",
        "--version",
        "status",
        "-cp conf status",
        "--cfg=job",
        "--cfg",
        "--cfg -m",
        "--cfg job --cfg hydra",
        "-m -m",
        "@args.txt",
        "-cn @name",
        "--info",
        "--zip a,b -m a=1,2 b=3,4",
        "-x=1",
        "-cjob",
      })
  void otherLinesAreLeftToPicocli(String line) {
    assertFalse(QuickLine.parse(words(line), command()), line);
  }

  /** Random lines from the words people type: whatever QuickLine accepts, picocli reads alike. */
  @Test
  void acceptedRandomLinesMatchPicocli() {
    long seed = dev.hydra4j.Seeds.seed();
    System.out.println("QuickLineTest seed=" + seed + " (replay with -Dhydra4j.seed=" + seed + ")");
    Random random = new Random(seed);
    String[] pool = {
      "--cfg",
      "-c",
      "--package",
      "-p",
      "--config-path",
      "-cp",
      "--config-name",
      "-cn",
      "--config-dir",
      "-cd",
      "--version-base",
      "--name",
      "--tag",
      "--note",
      "--resolve",
      "--multirun",
      "-m",
      "--dry-run",
      "--wait",
      "--format",
      "--zip",
      "--info",
      "-i",
      "--explain",
      "--seed",
      "--sample",
      "--filter",
      "--jobs",
      "--pipeline",
      "json",
      "x>1",
      "--cfg=job",
      "-cpconf",
      "job",
      "hydra",
      "all",
      "conf",
      "1.1",
      "",
      " ",
      "x=1",
      "db=b",
      "~x",
      "+y=2",
      "a,b",
      "-",
      "-1",
      "true",
      "status",
      "@f",
      "x=@f"
    };
    int accepted = 0;
    for (int round = 0; round < 600; round++) {
      String[] options = new String[random.nextInt(7)];
      for (int i = 0; i < options.length; i++) {
        options[i] = pool[random.nextInt(pool.length)];
      }
      Hydra4jCommand quick = command();
      if (QuickLine.parse(options, quick)) {
        accepted++;
        assertEquals(valuesAfterPicocli(options), values(quick), String.join(" | ", options));
      }
    }
    assertTrue(accepted > 30, "too few lines accepted to compare: " + accepted);
  }

  private static Hydra4jCommand command() {
    return new Hydra4jCommand(NOWHERE, NOWHERE, List.of(), List.of());
  }

  /** Every option's and parameter's value, as picocli's own model of the command reads it. */
  private static Map<String, Object> values(Hydra4jCommand command) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ArgSpec arg : new CommandLine(command).getCommandSpec().args()) {
      values.put(
          arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel(), arg.getValue());
    }
    return values;
  }

  private static Map<String, Object> valuesAfterPicocli(String[] options) {
    Hydra4jCommand command = command();
    new CommandLine(command).parseArgs(options);
    return values(command);
  }

  /** A line split at spaces, with '…' quoting a word that holds spaces or is empty. */
  private static String[] words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    int dashes = words.indexOf("--");
    return (dashes < 0 ? words : words.subList(0, dashes)).toArray(new String[0]);
  }
}
