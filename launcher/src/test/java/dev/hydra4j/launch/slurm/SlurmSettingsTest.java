package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlurmSettingsTest {

  static ConfigMap yaml(String text) {
    return ConfigFiles.parse(text, "conf/hydra/launcher/slurm.yaml").root();
  }

  static ConfigMap builtIn() throws IOException {
    try (InputStream in =
        SlurmSettingsTest.class.getResourceAsStream("/hydra4j-conf/hydra/launcher/slurm.yaml")) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${hydra.job.name}", "app");
      return yaml(text);
    }
  }

  @Test
  void builtInDefaultsAreValidAndBecomeSbatchOptions() throws IOException {
    SlurmSettings s = SlurmSettings.parse(builtIn());
    assertEquals(
        List.of(
            "--job-name=app",
            "--nodes=1",
            "--ntasks-per-node=1",
            "--cpus-per-task=1",
            "--time=60",
            "--no-requeue"),
        s.sbatchOptions());
    assertEquals(256, s.arrayParallelism());
    assertEquals(0, s.maxNumTimeout());
    assertEquals(3600, s.timeLimitSeconds());
    assertEquals(false, s.warnsBeforeTimeLimit());
  }

  @Test
  void everyKeyMapsToItsOption() {
    SlurmSettings s =
        SlurmSettings.parse(
            yaml(
                """
        name: slurm
        job_name: train
        partition: gpu
        qos: high
        account: 1234
        comment: my run
        constraint: a100&ib
        exclude: node[1-3]
        nodes: 2
        tasks_per_node: 4
        cpus_per_task: 8
        gpus_per_node: a100:2
        gres: gpu:2
        cpus_per_gpu: 6
        gpus_per_task: 1
        mem_per_cpu: 4g
        timeout_min: 2.5
        signal_delay_s: 120
        max_num_timeout: 3
        array_parallelism: 10
        max_array_size: 500
        setup: [module load cuda]
        srun_args: [--mpi=pmix]
        additional_parameters: {mail_type: END, exclusive: true, hint: null, wckey: false}
        """));
    assertEquals(
        List.of(
            "--job-name=train",
            "--partition=gpu",
            "--qos=high",
            "--account=1234",
            "--comment=my run",
            "--constraint=a100&ib",
            "--exclude=node[1-3]",
            "--nodes=2",
            "--ntasks-per-node=4",
            "--cpus-per-task=8",
            "--gpus-per-node=a100:2",
            "--gres=gpu:2",
            "--cpus-per-gpu=6",
            "--gpus-per-task=1",
            "--mem-per-cpu=4G",
            "--time=3",
            "--signal=B:USR2@120",
            "--requeue",
            "--mail-type=END",
            "--exclusive"),
        s.sbatchOptions());
    assertEquals(List.of("module load cuda"), s.setup());
    assertEquals(List.of("--mpi=pmix"), s.srunArgs());
    assertEquals(500, s.maxArraySize());
    assertEquals(3, s.maxNumTimeout());
    assertTrue(s.warnsBeforeTimeLimit());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mem_gb: 16    | --mem=16G",
        "mem_gb: 16.0  | --mem=16G",
        "mem_gb: 1.5   | --mem=1536M",
        "mem_gb: 0.001 | --mem=2M",
        "mem_per_gpu: 2048 | --mem-per-gpu=2048",
        "gpus_per_node: 0 | ",
        "gpus_per_node: 4 | --gpus-per-node=4",
        "timeout_min: 90 | --time=90"
      })
  void valuesAreNormalised(String line, String option) {
    List<String> options = SlurmSettings.parse(yaml(line)).sbatchOptions();
    if (option == null) {
      assertEquals(List.of("--no-requeue"), options);
    } else {
      assertEquals(option, options.get(0), options.toString());
    }
  }

  @Test
  void unknownKeyIsRefusedWithItsPlaceAndTheValidKeys() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> SlurmSettings.parse(yaml("partition: a\nparition: gpu\n")));
    assertEquals("Unknown key 'parition' in hydra.launcher (the slurm launcher)", e.getMessage());
    assertEquals("conf/hydra/launcher/slurm.yaml:2:11", e.origin().toString());
    assertTrue(
        e.hint().startsWith("did you mean 'partition'? valid keys: name, job_name,"), e.hint());
    assertTrue(e.hint().contains("additional_parameters"), e.hint());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cpus_per_task: 0      | hydra.launcher.cpus_per_task must be a whole number of at least 1, not 0",
        "cpus_per_task: four   | hydra.launcher.cpus_per_task must be a whole number of at least 1, not 'four'",
        "cpus_per_task: 2.5    | hydra.launcher.cpus_per_task must be a whole number of at least 1, not 2.5",
        "nodes: [1]            | hydra.launcher.nodes must be a whole number of at least 1, not a list",
        "max_num_timeout: -1   | hydra.launcher.max_num_timeout must be a whole number of at least 0, not -1",
        "mem_gb: 0             | hydra.launcher.mem_gb must be a number of gigabytes greater than 0, not 0",
        "mem_per_cpu: 4 GB     | hydra.launcher.mem_per_cpu must be megabytes (e.g. 4096) or a size with a unit (e.g. 4G, 500M), not '4 GB'",
        "timeout_min: -5       | hydra.launcher.timeout_min must be minutes greater than 0, not -5",
        "partition: true       | hydra.launcher.partition must be a name of letters, digits, '_', '.' or '-' (several separated by commas), not true",
        "partition: 'gpu;x'    | hydra.launcher.partition must be a name of letters, digits, '_', '.' or '-' (several separated by commas), not 'gpu;x'",
        "partition: '$(id)'    | hydra.launcher.partition must be a name of letters, digits, '_', '.' or '-' (several separated by commas), not '$(id)'",
        "account: 'a b'        | hydra.launcher.account must be a name of letters, digits, '_', '.' or '-' (several separated by commas), not 'a b'",
        "qos: 'x,'             | hydra.launcher.qos must be a name of letters, digits, '_', '.' or '-' (several separated by commas), not 'x,'",
        "exclude: 'n1 n2'      | hydra.launcher.exclude must be node names such as node7 or node[1-3], separated by commas, not 'n1 n2'",
        "gres: 'gpu:2;x'       | hydra.launcher.gres must be generic resources such as gpu:2 or gpu:a100:2, separated by commas, not 'gpu:2;x'",
        "array_parallelism: 0  | hydra.launcher.array_parallelism must be a whole number of at least 1, not 0",
        "array_parallelism: 2147483648 | hydra.launcher.array_parallelism must be a whole number of at least 1, not 2147483648",
        "mem_per_cpu: 12XB     | hydra.launcher.mem_per_cpu must be megabytes (e.g. 4096) or a size with a unit (e.g. 4G, 500M), not '12XB'",
        "signal_delay_s: -1    | hydra.launcher.signal_delay_s must be a whole number of at least 0, not -1",
        "signal_delay_s: 70000 | hydra.launcher.signal_delay_s=70000 is more than SLURM's largest warning time, 65535 s",
        "additional_parameters: {ntasks: 2} | --ntasks is set through hydra.launcher.nodes and hydra.launcher.tasks_per_node (tasks = their product); remove hydra.launcher.additional_parameters.ntasks",
        "partition: ''         | hydra.launcher.partition is empty",
        "partition: ???        | hydra.launcher.partition is missing (???)",
        "name: local           | hydra.launcher.name must be the launcher's name, slurm, not 'local'",
        "setup: module load x  | hydra.launcher.setup must be a list of shell lines, not 'module load x'",
        "gpus_per_task: a100   | hydra.launcher.gpus_per_task must be a number of GPUs (e.g. 2) or type:count (e.g. a100:2), not 'a100'",
        "additional_parameters: [a] | hydra.launcher.additional_parameters must be a map of sbatch option name to value, not a list",
        "additional_parameters: {array: 1-3} | hydra4j sets --array itself; remove hydra.launcher.additional_parameters.array",
        "additional_parameters: {cpus_per_task: 2} | --cpus-per-task has its own key: use hydra.launcher.cpus_per_task instead of hydra.launcher.additional_parameters.cpus_per_task",
        "additional_parameters: {N: 2} | 'N' in hydra.launcher.additional_parameters is not an sbatch option name"
      })
  void invalidValuesAreRefusedWithTheKey(String line, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> SlurmSettings.parse(yaml(line)));
    assertEquals(message, e.getMessage());
    assertTrue(
        e.origin().toString().startsWith("conf/hydra/launcher/slurm.yaml:1:"),
        e.origin().toString());
  }

  @Test
  void aLineBreakCannotReachAnSbatchLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> SlurmSettings.parse(yaml("comment: \"ok\\nrm -rf ~\"")));
    assertEquals(
        "hydra.launcher.comment must be one line, not 'ok\\nrm -rf ~': it holds a line"
            + " break (at position 2)",
        e.getMessage());
    assertThrows(
        ConfigException.class,
        () -> SlurmSettings.parse(yaml("additional_parameters: {mail_user: \"a\\rb\"}")));
  }

  @Test
  void aNulCannotReachAnyWord() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> SlurmSettings.parse(yaml("srun_args: [\"a\\0b\"]")));
    assertEquals(
        "hydra.launcher.srun_args item 'a\\0b' holds a NUL character (at position 1)",
        e.getMessage());
    assertThrows(ConfigException.class, () -> SlurmSettings.parse(yaml("job_name: \"a\\0\"")));
  }

  @Test
  void constraintsAreFeatureExpressions() {
    SlurmSettings.parse(yaml("constraint: '[rack1|rack2]&a100*2'"));
    ConfigException e =
        assertThrows(ConfigException.class, () -> SlurmSettings.parse(yaml("constraint: 'a`id`'")));
    assertTrue(
        e.getMessage().startsWith("hydra.launcher.constraint must be node features of"),
        e.getMessage());
    assertEquals("conf/hydra/launcher/slurm.yaml:1:13", e.origin().toString());
  }

  @Test
  void theTimeLimitWarningMustComeBeforeTheLimit() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> SlurmSettings.parse(yaml("timeout_min: 2\nsignal_delay_s: 120\n")));
    assertEquals(
        "hydra.launcher.signal_delay_s=120 is not shorter than the time limit"
            + " (hydra.launcher.timeout_min=2, 120 s): the warning would come at the start",
        e.getMessage());
    assertEquals("conf/hydra/launcher/slurm.yaml:2:17", e.origin().toString());
    assertTrue(e.hint().endsWith("signal_delay_s=12"), e.hint());
    SlurmSettings.parse(yaml("timeout_min: 2\nsignal_delay_s: 119\n"));
  }

  @Test
  void moreThanOneTaskRunsUnderSrun() {
    assertFalse(SlurmSettings.parse(yaml("tasks_per_node: 1")).runsUnderSrun());
    assertTrue(SlurmSettings.parse(yaml("tasks_per_node: 2")).runsUnderSrun());
    assertTrue(SlurmSettings.parse(yaml("nodes: 2")).runsUnderSrun());
    assertTrue(SlurmSettings.parse(yaml("srun_args: [--mpi=none]")).runsUnderSrun());
  }

  @Test
  void onlyOneMemoryRequest() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> SlurmSettings.parse(yaml("mem_gb: 4\nmem_per_cpu: 100\n")));
    assertEquals(
        "hydra.launcher.mem_gb and hydra.launcher.mem_per_cpu cannot both be set (SLURM"
            + " takes one memory request)",
        e.getMessage());
    assertEquals("conf/hydra/launcher/slurm.yaml:2:14", e.origin().toString());
    SlurmSettings.parse(yaml("mem_gb: 4\nmem_per_cpu: null\n"));
  }

  @Test
  void equalValuesGroupWhateverTheirOrigin() {
    SlurmSettings a = SlurmSettings.parse(yaml("cpus_per_task: 2\nmem_gb: 1\n"));
    SlurmSettings b =
        SlurmSettings.parse(
            ConfigFiles.parse("mem_gb: 1\n\n\ncpus_per_task: 2\n", "other.yaml").root());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, SlurmSettings.parse(yaml("cpus_per_task: 3\nmem_gb: 1\n")));
  }
}
