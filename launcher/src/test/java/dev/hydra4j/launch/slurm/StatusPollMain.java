package dev.hydra4j.launch.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * For bench/slurm-submit.sh: times one status poll of a SLURM sweep ({@link SlurmSweepStatus#read}:
 * every status file, one squeue, one sacct), as {@code --wait} and {@code status} do it, in a warm
 * JVM.
 *
 * <p>usage: {@code StatusPollMain SWEEP_DIR [ROUNDS]}; prints {@code poll_ms_first N}, {@code
 * poll_ms_median N} and the state counts.
 */
public final class StatusPollMain {

  private StatusPollMain() {}

  public static void main(String... args) throws Exception {
    Path sweep = Path.of(args[0]).toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    JsonNode plan = new ObjectMapper().readTree(Files.readAllBytes(sweep.resolve("plan.json")));
    Map<Integer, Path> dirs = new TreeMap<>();
    plan.path("jobs")
        .forEach(j -> dirs.put(j.path("num").asInt(), sweep.resolve(j.path("dir").asText())));
    SlurmClient client = new SlurmClient();
    long[] ms = new long[rounds];
    SlurmSweepStatus last = null;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      last = SlurmSweepStatus.read(sweep, dirs, client);
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    long first = ms[0];
    Arrays.sort(ms);
    System.out.println("poll_ms_first " + first);
    System.out.println("poll_ms_median " + ms[rounds / 2]);
    System.out.println("jobs " + dirs.size() + " " + last.counts());
  }
}
