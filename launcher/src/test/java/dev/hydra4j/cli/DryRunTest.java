package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dry-run} (table and JSON) and the options that choose a sweep's jobs ({@code --zip},
 * {@code --filter}, {@code --sample/--seed}, {@code --jobs}), checked in the printed plan and in a
 * real run's directories. The CLI runs in-process.
 */
@Timeout(60)
class DryRunTest {

  @TempDir Path temp;
  private Path conf;
  private Path sweepDir;

  @BeforeEach
  void tree() throws IOException {
    conf = temp.resolve("conf");
    sweepDir = temp.resolve("multirun/sweep");
    Files.createDirectories(conf.resolve("db"));
    Files.writeString(
        conf.resolve("config.yaml"),
        "defaults:\n  - db: mysql\n  - _self_\n"
            + "lr: 0.1\nseed: 0\nname: run\nlabel: ${name}-${seed}\n");
    Files.writeString(conf.resolve("db/mysql.yaml"), "driver: mysql\n");
    Files.writeString(conf.resolve("db/sqlite.yaml"), "driver: sqlite\n");
  }

  @Test
  void aTableOfTheSweptKeysAndNothingWritten() {
    CliRun run = cli("--dry-run", "lr=0.1,0.01", "db=glob(*)", "name=x", "--", "true");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of(
            "num  lr    db",
            "  0  0.1   mysql",
            "  1  0.1   sqlite",
            "  2  0.01  mysql",
            "  3  0.01  sqlite"),
        run.out().lines().toList());
    assertTrue(run.err().contains("dry run: 4 jobs"), run.err());
    assertFalse(Files.exists(temp.resolve("multirun")), "nothing written");
  }

  @Test
  void jsonForMachinesWithExactlyTheDocumentedFields() throws IOException {
    CliRun run =
        cli(
            "--dry-run",
            "--format",
            "json",
            "seed=1,2",
            "db=sqlite",
            "hydra.launcher.n_jobs=2",
            "--",
            "true");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.out().lines().count(), "one line of JSON: " + run.out());
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertEquals(List.of("jobs"), fieldNames(root));
    assertEquals(2, root.get("jobs").size());
    JsonNode job = root.get("jobs").get(1);
    assertEquals(List.of("num", "overrides", "override_dirname", "config"), fieldNames(job));
    assertEquals(1, job.get("num").asInt());
    assertEquals("[\"seed=2\",\"db=sqlite\"]", job.get("overrides").toString());
    assertEquals("db=sqlite,seed=2", job.get("override_dirname").asText());
    assertEquals(
        "{\"db\":{\"driver\":\"sqlite\"},\"lr\":0.1,\"seed\":2,\"name\":\"run\","
            + "\"label\":\"run-2\"}",
        job.get("config").toString(),
        "the resolved job config");
    assertFalse(Files.exists(temp.resolve("multirun")), "nothing written");
  }

  @Test
  void zipAdvancesKeysTogether() throws IOException {
    List<JsonNode> jobs = plan("--zip", "lr,seed", "lr=0.1,0.2,0.3", "seed=1,2,3", "name=a,b");
    assertEquals(
        List.of(
            "lr=0.1 seed=1 name=a",
            "lr=0.1 seed=1 name=b",
            "lr=0.2 seed=2 name=a",
            "lr=0.2 seed=2 name=b",
            "lr=0.3 seed=3 name=a",
            "lr=0.3 seed=3 name=b"),
        overrides(jobs));
    assertEquals(List.of(0, 1, 2, 3, 4, 5), nums(jobs));
  }

  @Test
  void filterKeepsMatchingJobsWithTheirGridNumbers() throws IOException {
    List<JsonNode> jobs =
        plan("--filter", "lr < 0.25 && db.driver == 'sqlite'", "lr=0.1,0.2,0.3", "db=mysql,sqlite");
    assertEquals(List.of(1, 3), nums(jobs));
    assertEquals(List.of("lr=0.1 db=sqlite", "lr=0.2 db=sqlite"), overrides(jobs));
  }

  @Test
  void sampleIsASeededSubset() throws IOException {
    String[] args = {"--sample", "4", "--seed", "7", "seed=range(0,20)"};
    List<Integer> first = nums(plan(args));
    assertEquals(first, nums(plan(args)), "the same seed, the same jobs");
    assertEquals(4, first.size());
    assertEquals(first.stream().sorted().distinct().toList(), first, "ascending, distinct");
    assertTrue(first.stream().allMatch(n -> n >= 0 && n < 20), first.toString());
    List<List<Integer>> others = new ArrayList<>();
    for (int seed = 8; seed < 12; seed++) {
      others.add(nums(plan("--sample", "4", "--seed", String.valueOf(seed), "seed=range(0,20)")));
    }
    assertTrue(others.stream().anyMatch(o -> !o.equals(first)), "seeds matter: " + others);
    assertEquals(
        List.of(0, 1, 2),
        nums(plan("--sample", "9", "seed=1,2,3")),
        "a sample larger than the grid is the grid");
  }

  @Test
  void jobsPicksGridPositions() throws IOException {
    List<JsonNode> jobs = plan("--jobs", "3,5,7-9", "seed=range(0,12)");
    assertEquals(List.of(3, 5, 7, 8, 9), nums(jobs));
    assertEquals(List.of("seed=3", "seed=5", "seed=7", "seed=8", "seed=9"), overrides(jobs));
    assertEquals(
        List.of(5, 7),
        nums(plan("--jobs", "3,5,7-9", "--filter", "seed > 4 && seed < 8", "seed=range(0,12)")),
        "the filter applies to the listed jobs");
  }

  @Test
  void aRealRunRunsExactlyTheChosenJobsInTheirGridDirectories() {
    CliRun run = cli("--jobs", "1,4-5", "--filter", "seed != 4", "seed=range(0,6)", "--", "true");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("1", "5"), jobDirs());
    assertTrue(read(sweepDir.resolve("5/.hydra/overrides.yaml")).contains("seed=5"));
    JsonNode summary = json(sweepDir.resolve("summary.json"));
    assertEquals(2, summary.get("total").asInt(), summary.toString());
  }

  private List<JsonNode> plan(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--dry-run", "--format", "json"));
    all.addAll(List.of(args));
    all.addAll(List.of("--", "true"));
    CliRun run = cli(all.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    List<JsonNode> jobs = new ArrayList<>();
    new ObjectMapper().readTree(run.out()).get("jobs").forEach(jobs::add);
    assertNotEquals(0, jobs.size());
    return jobs;
  }

  private CliRun cli(String... args) {
    List<String> argv =
        new ArrayList<>(List.of("-cp", conf.toString(), "-m", "hydra.sweep.dir=" + sweepDir));
    argv.addAll(List.of(args));
    return CliRun.of(argv.toArray(String[]::new));
  }

  private static List<Integer> nums(List<JsonNode> jobs) {
    return jobs.stream().map(j -> j.get("num").asInt()).toList();
  }

  private static List<String> overrides(List<JsonNode> jobs) {
    List<String> out = new ArrayList<>();
    for (JsonNode job : jobs) {
      List<String> texts = new ArrayList<>();
      job.get("overrides").forEach(o -> texts.add(o.asText()));
      out.add(String.join(" ", texts));
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private List<String> jobDirs() {
    try (Stream<Path> list = Files.list(sweepDir)) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode json(Path file) {
    return Workspace.json(file);
  }

  private static String read(Path file) {
    return Workspace.read(file);
  }
}
