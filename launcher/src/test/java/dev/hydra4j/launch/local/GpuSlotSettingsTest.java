package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.settings.CheckedSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hydra.launcher.gpus} and {@code gpus_per_job}: how the ids are cut into slots, every
 * refusal with its place, and {@code auto} against a stand-in for {@code nvidia-smi -L} (this
 * machine has no GPU; what is tested is reading the listing, not CUDA).
 */
class GpuSlotSettingsTest {

  @TempDir Path temp;

  private static CheckedSettings checked(String yaml) {
    ConfigMap node = ConfigFiles.parse(yaml, "conf/hydra/launcher/local.yaml").root();
    return LocalLauncherSettings.SCHEMA.check(node, key -> node.entries().get(key));
  }

  private static GpuSlots slots(String yaml) {
    return LocalLauncherSettings.gpuSlots(checked(yaml), List.of("/nonexistent/nvidia-smi", "-L"));
  }

  private static ConfigException refused(String yaml) {
    return assertThrows(ConfigException.class, () -> slots(yaml));
  }

  @Test
  void idsAreCutIntoSlotsInTheOrderGivenAndTheRestIsLeftOut() {
    GpuSlots slots = slots("gpus: [3, 1, 2, 0, 5]\ngpus_per_job: 2\n");
    assertEquals(List.of(List.of(3L, 1L), List.of(2L, 0L)), slots.slots());
    assertEquals(List.of(5L), slots.unused());
    assertEquals("3,1", slots.devices(0));
    assertEquals("2,0", slots.devices(1));
  }

  @Test
  void oneGpuPerJobUnlessSaid() {
    GpuSlots slots = slots("gpus: [4, 6, 8]\n");
    assertEquals(3, slots.count());
    assertEquals("8", slots.devices(2));
    assertTrue(slots.unused().isEmpty());
  }

  @Test
  void noGpusMeansNoSlots() {
    assertTrue(slots("n_jobs: 3\n").isEmpty());
    assertTrue(slots("gpus: null\n").isEmpty());
    assertTrue(slots("gpus: []\n").isEmpty());
  }

  @Test
  void aDuplicateIdIsRefusedAtItsLine() {
    ConfigException e = refused("n_jobs: 2\ngpus:\n  - 0\n  - 1\n  - 1\n");
    assertEquals("hydra.launcher.gpus lists 1 twice (items 1 and 2)", e.getMessage());
    assertEquals(5, e.origin().line(), e.render());
    assertTrue(e.render().contains("conf/hydra/launcher/local.yaml:5"), e.render());
  }

  @Test
  void negativeFractionalAndWordIdsAreRefusedEachAtItsItem() {
    assertEquals(
        "hydra.launcher.gpus[1] must be a whole number of at least 0, not -1",
        refused("gpus: [0, -1]\n").getMessage());
    assertEquals(
        "hydra.launcher.gpus[2] must be a whole number of at least 0, not 1.5",
        refused("gpus: [0, 1, 1.5]\n").getMessage());
    assertEquals(
        "hydra.launcher.gpus[0] must be a whole number of at least 0, not 'gpu0'",
        refused("gpus: [gpu0]\n").getMessage());
    ConfigException single = refused("gpus: 2\n");
    assertEquals(
        "hydra.launcher.gpus must be a list of distinct whole numbers of at least 0, or auto,"
            + " not 2",
        single.getMessage());
    assertTrue(single.render().contains("hydra.launcher.gpus=[0,1,2,3]"), single.render());
  }

  @Test
  void moreGpusPerJobThanGpusIsRefusedAtGpusPerJob() {
    ConfigException e = refused("gpus: [0, 1]\ngpus_per_job: 3\n");
    assertEquals(
        "hydra.launcher.gpus_per_job=3 is more than the GPUs there are:"
            + " hydra.launcher.gpus lists 2 GPU(s)",
        e.getMessage());
    assertEquals(2, e.origin().line());
    assertTrue(e.render().contains("hydra.launcher.gpus_per_job=2"), e.render());
    assertThrows(ConfigException.class, () -> slots("gpus: [0]\ngpus_per_job: 0\n"));
  }

  @Test
  void gpusPerJobWithoutGpusIsRefused() {
    ConfigException e = refused("gpus_per_job: 2\n");
    assertTrue(e.getMessage().contains("hydra.launcher.gpus names no GPU"), e.getMessage());
    assertEquals(1, e.origin().line());
  }

  @Test
  void autoReadsTheGpusNvidiaSmiLists() throws IOException {
    Path smi =
        script(
            "nvidia-smi",
            "echo 'GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-1)'\n"
                + "echo '  MIG 1g.5gb     Device  0: (UUID: MIG-2)'\n"
                + "echo 'GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-3)'\n"
                + "echo 'GPU 2: NVIDIA A100-SXM4-40GB (UUID: GPU-4)'\n");
    GpuSlots slots =
        LocalLauncherSettings.gpuSlots(checked("gpus: auto\n"), List.of(smi.toString(), "-L"));
    assertEquals(List.of(List.of(0L), List.of(1L), List.of(2L)), slots.slots());
    assertNull(slots.note());

    ConfigException tooMany =
        assertThrows(
            ConfigException.class,
            () ->
                LocalLauncherSettings.gpuSlots(
                    checked("gpus: auto\ngpus_per_job: 4\n"), List.of(smi.toString(), "-L")));
    assertTrue(tooMany.getMessage().endsWith(smi + " -L lists 3 GPU(s)"), tooMany.getMessage());
  }

  @Test
  void autoWithoutNvidiaSmiMeansNoSlotsAndSaysWhy() throws IOException {
    GpuSlots missing = slots("gpus: auto\ngpus_per_job: 2\n");
    assertTrue(missing.isEmpty());
    assertEquals(
        "hydra.launcher.gpus=auto: /nonexistent/nvidia-smi was not found; jobs get no GPU slots",
        missing.note());

    Path broken =
        script(
            "nvidia-smi", "echo 'NVIDIA-SMI has failed because it could not communicate'; exit 9");
    GpuSlots failed =
        LocalLauncherSettings.gpuSlots(checked("gpus: auto\n"), List.of(broken.toString(), "-L"));
    assertTrue(failed.isEmpty());
    assertTrue(failed.note().contains("-L failed (exit 9): NVIDIA-SMI has failed"), failed.note());
  }

  private Path script(String name, String body) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
