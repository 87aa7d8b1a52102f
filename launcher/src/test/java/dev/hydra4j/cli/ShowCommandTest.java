package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.results.FabricatedSweep;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

  @TempDir Path tmp;

  @Test
  void showsEverythingRecordedAboutASlurmSweep() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("sweep"));
    Path ok = s.job(0, "COMPLETED", "{\"acc\": 0.5}", "lr=0.1");
    Path bad = s.job(1, "FAILED", null, "lr=0.2");
    for (Path job : new Path[] {ok, bad}) {
      String status = Files.readString(job.resolve("status.json")).strip();
      Files.writeString(
          job.resolve("status.json"),
          status.substring(0, status.length() - 1)
              + ",\"slurm_job_id\":\"4242_"
              + job.getFileName()
              + "\"}\n");
    }
    Files.writeString(bad.resolve("stderr.log"), "loading\nTraceback\nValueError: lr\n");
    Files.writeString(
        s.dir().resolve("meta.json"),
        "{\"name\":\"base\",\"tags\":[\"paper\"],\"notes\":[\"check lr\"]}");
    CliRun r = CliRun.of("show", s.dir().toString(), "--width", "0");
    assertEquals(0, r.exitCode(), r.err());
    String out = r.out();
    for (String expected :
        new String[] {
          "sweep     " + s.dir() + "\n",
          "name      base\n",
          "tags      paper\n",
          "note      check lr\n",
          "by ada on ws1 in /home/ada\n",
          "command   hydra4j -m lr=0.1,0.01\n",
          "git       3f04aa on main\n",
          "jobs      2 jobs: 1 COMPLETED, 1 FAILED\n",
          "num  status     duration_s  exit  host  start",
          "slurm_job_id   lr  acc",
          "4242_1",
          "failures\n  job 1 FAILED  ("
              + bad
              + ")\n    | loading\n    | Traceback\n"
              + "    | ValueError: lr\n"
        }) {
      assertTrue(out.contains(expected), "missing " + expected + " in\n" + out);
    }
  }

  @Test
  void showsARealSingleRun() throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), "lr: 0.1\n");
    Path dir = tmp.resolve("outputs/run1");
    CliRun run =
        CliRun.of(
            "-cp",
            conf.toString(),
            "lr=0.3",
            "hydra.run.dir=" + dir,
            "--name",
            "single",
            "--",
            "sh",
            "-c",
            "echo '{\"acc\": 1}' > \"$HYDRA4J_JOB_DIR/metrics.json\"");
    assertEquals(0, run.exitCode(), run.err());
    CliRun r = CliRun.of("show", dir.toString(), "--width", "0");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("run       " + dir + "\n"), r.out());
    assertTrue(r.out().contains("name      single\n"), r.out());
    assertTrue(r.out().contains("task      sh -c echo"), r.out());
    assertTrue(r.out().contains("  0  COMPLETED"), r.out());
    assertTrue(r.out().contains("overrides lr=0.3\n"), r.out());
    assertTrue(r.out().contains(" lr  acc\n"), r.out());
  }

  @Test
  void aJobDirectoryIsNotARun() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("sweep"));
    s.job(0, "COMPLETED", "{}", "lr=0.1");
    CliRun r = CliRun.of("show", tmp.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("is not a hydra4j run or sweep"), r.err());
  }
}
