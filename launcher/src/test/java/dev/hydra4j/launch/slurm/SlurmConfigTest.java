package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlurmConfigTest {

  // `scontrol show config` of the local test cluster (SLURM 22.05.8, scripts/slurm-local.sh).
  private static String realOutput() throws IOException {
    try (InputStream in =
        SlurmConfigTest.class.getResourceAsStream("scontrol-show-config-22.05.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsTheRealOutput() throws IOException {
    SlurmConfig config = SlurmConfig.parse(realOutput());
    assertEquals(10001, config.maxArraySize());
    assertEquals(Optional.of(Duration.ofMinutes(5)), config.minJobAge());
    assertTrue(config.accountingEnabled());
    assertEquals(Optional.of("22.05.8"), config.version());
    assertEquals(Optional.of("hydra4j"), config.get("ClusterName"));
    assertEquals(
        Optional.of("batch_sched_delay=0,sched_min_interval=0"), config.get("SchedulerParameters"));
    assertEquals(Optional.of("(null)"), config.get("AccountingStorageBackupHost"));
    assertFalse(config.values().containsKey("Configuration"));
    assertFalse(config.values().containsKey("Slurmctld(primary)"));
  }

  @Test
  void defaultsAndAccountingOff() {
    SlurmConfig config =
        SlurmConfig.parse("AccountingStorageType   = accounting_storage/none\nMinJobAge = 2\n");
    assertFalse(config.accountingEnabled());
    assertEquals(SlurmConfig.DEFAULT_MAX_ARRAY_SIZE, config.maxArraySize());
    assertEquals(Optional.of(Duration.ofSeconds(2)), config.minJobAge());
    assertFalse(SlurmConfig.parse("").accountingEnabled());
  }
}
