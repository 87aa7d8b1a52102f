package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import org.junit.jupiter.api.Test;

class SubmitLimitTest {

  /** What sbatch 22.05 said when a QOS's MaxSubmitJobsPerUser was reached. */
  @SuppressWarnings("StaticAssignmentOfThrowable") // never thrown: SLURM's words to read
  private static final ConfigException QOS_LIMIT =
      new ConfigException(
          "SLURM refused the job:"
              + " sbatch: error: QOSMaxSubmitJobPerUserLimit\nsbatch: error: Batch job submission"
              + " failed: Job violates accounting/QOS policy (job submit limit, user's size and/or time"
              + " limits)");

  @Test
  void aSubmitLimitIsToldFromOtherRefusalsAndNamed() {
    assertTrue(SubmitLimit.isLimit(QOS_LIMIT));
    assertEquals("QOSMaxSubmitJobPerUserLimit", SubmitLimit.named(QOS_LIMIT));
    assertEquals(
        "AssocMaxSubmitJobLimit",
        SubmitLimit.named(
            new ConfigException("SLURM refused the job: sbatch: error: AssocMaxSubmitJobLimit")));
    assertFalse(
        SubmitLimit.isLimit(
            new ConfigException(
                "SLURM refused the job: sbatch: error:" + " invalid partition specified: gpu")));
  }

  @Test
  void aSubmitLimitIsNotBlamedOnASetting() {
    SlurmSettings settings =
        SlurmSettings.parse(
            SlurmSettingsTest.yaml("partition: debug\ntimeout_min: 5\nqos: normal"));
    ConfigException e = Refusals.explain(QOS_LIMIT, settings);
    assertTrue(
        e.getMessage()
            .endsWith(
                "caused by the cluster's submit limit"
                    + " (QOSMaxSubmitJobPerUserLimit), not by a setting"),
        e.getMessage());
    assertFalse(e.getMessage().contains("hydra.launcher."), e.getMessage());
  }
}
