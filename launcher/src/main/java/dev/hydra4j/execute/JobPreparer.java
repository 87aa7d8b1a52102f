package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.JsonWriter;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.YamlWriter;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.RunLayout;
import dev.hydra4j.run.SafePaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one job's overrides into a {@link PreparedJob} (composed, resolved, command built, every
 * problem found) and writes its {@code .hydra/} files. Preparing and writing are apart so that a
 * sweep can check every job before it writes any.
 */
final class JobPreparer {

  /** Environment variables every task receives. */
  static final String ENV_CONFIG = "HYDRA4J_CONFIG";

  static final String ENV_CONFIG_JSON = "HYDRA4J_CONFIG_JSON";
  static final String ENV_JOB_DIR = dev.hydra4j.run.JobProcess.JOB_DIR_VARIABLE;
  static final String ENV_JOB_NUM = "HYDRA4J_JOB_NUM";
  static final String ENV_SWEEP_DIR = "HYDRA4J_SWEEP_DIR";
  static final String ENV_JOB_NAME = "HYDRA4J_JOB_NAME";

  private final Composer composer;
  private final String configName;
  private final RunMode mode;
  private final Path outputRoot;
  private final List<String> commandLineCommand;
  private final Path launchDir;
  private final boolean inProcess;
  private java.util.Map<Integer, Path> savedDirs = java.util.Map.of();
  private java.util.function.IntFunction<Map<String, Object>> stageValues = num -> Map.of();

  /**
   * @param outputRoot the sweep directory (multirun) or the run directory (single run), already
   *     created
   * @param command the words after {@code --}, or empty to use {@code hydra.job.command}
   */
  JobPreparer(
      Composer composer, String configName, RunMode mode, Path outputRoot, List<String> command) {
    this(composer, configName, mode, outputRoot, command, false);
  }

  /**
   * @param inProcess the task is a JVM callback: there is no command to build
   */
  JobPreparer(
      Composer composer,
      String configName,
      RunMode mode,
      Path outputRoot,
      List<String> command,
      boolean inProcess) {
    this.inProcess = inProcess;
    this.composer = composer;
    this.configName = configName;
    this.mode = mode;
    this.outputRoot = outputRoot;
    this.commandLineCommand = List.copyOf(command);
    this.launchDir = Path.of("").toAbsolutePath();
  }

  /**
   * Jobs of a saved sweep keep the directories their plan recorded, whatever {@code
   * hydra.sweep.subdir} says today, so a resume never splits a job's record in two.
   */
  JobPreparer withSavedDirs(java.util.Map<Integer, Path> dirs) {
    this.savedDirs = java.util.Map.copyOf(dirs);
    return this;
  }

  /**
   * Values a pipeline stage's job {@code num} finds in its {@code hydra} node ({@code
   * hydra.upstream.<stage>.output_dir}), see {@link StageInputs}.
   */
  JobPreparer withStageValues(java.util.function.IntFunction<Map<String, Object>> values) {
    this.stageValues = values;
    return this;
  }

  /** The sweep directory (multirun) or run directory (single run). */
  Path root() {
    return outputRoot;
  }

  PreparedJob prepare(int num, List<ParsedOverride> overrides) {
    Composition base = composer.compose(configName, overrides, mode);
    base.requireAllChosen();
    Map<String, Object> values = new LinkedHashMap<>();
    if (mode == RunMode.MULTIRUN) {
      values.put("hydra.job.num", (long) num);
      values.put("hydra.job.id", String.valueOf(num));
      values.put("hydra.sweep.dir", outputRoot.toString());
      values.putAll(stageValues.apply(num));
    } else {
      values.put("hydra.run.dir", outputRoot.toString());
    }
    Composition withNum = base.withHydraValues(values);
    Path jobDir = outputRoot;
    if (savedDirs.containsKey(num)) {
      jobDir = savedDirs.get(num);
    } else if (mode == RunMode.MULTIRUN) {
      String subdir = new HydraSettings(withNum).text("hydra.sweep.subdir", String.valueOf(num));
      jobDir = SafePaths.resolveInside(outputRoot, subdir, "hydra.sweep.subdir");
    }
    Composition composition =
        withNum.withHydraValues(Map.of("hydra.runtime.output_dir", jobDir.toString()));
    ConfigMap config = composition.resolvedJobConfig();
    requireNoMissing(config, "");
    HydraSettings hydra = new HydraSettings(composition);
    // A bad harvest rule is found now, at its line, not by collect after the sweep.
    dev.hydra4j.results.HarvestRules.check(hydra.node("hydra.results.metrics"));
    List<String> argv = inProcess ? List.of() : command(composition, hydra);
    Map<String, String> env = new LinkedHashMap<>(hydra.strings("hydra.job.env_set"));
    // Below version base 1.2 an unset hydra.job.chdir means true, as in Hydra.
    boolean chdirByDefault = hydra.text("hydra.runtime.version_base", "1.3").equals("1.1");
    Path workingDir = hydra.flag("hydra.job.chdir", chdirByDefault) ? jobDir : launchDir;
    env.put(ENV_CONFIG, jobDir.resolve(".hydra/config.yaml").toString());
    env.put(ENV_CONFIG_JSON, jobDir.resolve(".hydra/config.json").toString());
    env.put(ENV_JOB_DIR, jobDir.toString());
    env.put(ENV_JOB_NUM, String.valueOf(num));
    env.put(ENV_JOB_NAME, hydra.text("hydra.job.name", "app"));
    if (mode == RunMode.MULTIRUN) {
      env.put(ENV_SWEEP_DIR, outputRoot.toString());
    }
    Double minutes = hydra.number("hydra.launcher.timeout_min", null);
    Duration timeout =
        minutes == null || minutes <= 0 ? null : Duration.ofMillis(Math.round(minutes * 60_000));
    // Like Hydra, hydra.yaml keeps its interpolations: some (a single run's
    // sweep.subdir) have no value, and the task reads its own config, not this one.
    ConfigMap hydraMap = ConfigMap.empty(config.origin()).with("hydra", composition.hydraConfig());
    ConfigMap launcher =
        hydra.node("hydra.launcher") instanceof ConfigMap m ? m : ConfigMap.empty(Origin.BUILT_IN);
    return new PreparedJob(
        num, jobDir, composition, config, hydraMap, argv, env, workingDir, timeout, launcher);
  }

  private List<String> command(Composition composition, HydraSettings hydra) {
    List<String> words = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    if (!commandLineCommand.isEmpty()) {
      for (String word : commandLineCommand) {
        words.add(word);
        origins.add(Origin.of("command word '" + word + "'"));
      }
    } else if (composition.config().get("hydra") instanceof ConfigMap h
        && h.get("job") instanceof ConfigMap job
        && job.get("command") instanceof ConfigList list) {
      for (ConfigNode item : list.items()) {
        words.add(
            item instanceof ConfigValue v && v.value() != null ? String.valueOf(v.value()) : "");
        origins.add(item.origin());
      }
    }
    if (words.isEmpty()) {
      throw new ConfigException(
          "No command to run",
          Origin.of("the command line"),
          "give the command after --, e.g. hydra4j -m lr=0.1,0.2 -- python3 train.py,"
              + " or set hydra.job.command in your primary config");
    }
    List<String> argv = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      argv.add(composition.resolveWord(words.get(i), origins.get(i)));
    }
    if (hydra.flag("hydra.job.append_overrides", false)) {
      for (String text : composition.taskOverrides()) {
        argv.add(text);
      }
    }
    return argv;
  }

  /** Writes the job's {@code .hydra/} files, flushed, and returns what the launcher runs. */
  JobSpec write(PreparedJob job) throws IOException {
    writeFiles(job);
    return spec(job);
  }

  /**
   * Writes the job's {@code .hydra/} files and returns what the launcher runs; with {@code flush}
   * false they are not flushed to disk, for a launcher that does not need them there ({@link
   * dev.hydra4j.launch.Launcher#needsFlushedJobFiles}).
   */
  JobSpec write(PreparedJob job, boolean flush) throws IOException {
    if (flush) {
      writeFiles(job);
    } else {
      writeUnflushed(job);
    }
    return spec(job);
  }

  /**
   * A {@code ???} left in a job's config is an error before anything runs: the task is any program,
   * and would read the three question marks as a real value (OmegaConf fails only when the value is
   * read, which for a non-Python task is never).
   */
  private static void requireNoMissing(ConfigNode node, String path) {
    if (node instanceof ConfigMap map) {
      for (var e : map.entries().entrySet()) {
        requireNoMissing(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      }
    } else if (node instanceof ConfigList list) {
      for (int i = 0; i < list.size(); i++) {
        requireNoMissing(list.get(i), path + "." + i);
      }
    } else if (node.isMissing()) {
      throw new ConfigException(
          "'" + path + "' is mandatory (???) and has no value",
          node.origin(),
          "give it one on the command line: " + path + "=…");
    }
  }

  /**
   * Writes the job's {@code .hydra/} files. Each file is replaced atomically, and all are on disk
   * when this returns; they are flushed together, the directory once rather than once per file
   * (five flushes instead of eight: flushes were over half of a short job's cost, see
   * docs/benchmarks.md). A crash before this returns leaves a job that never started, whose files a
   * resume writes again.
   */
  void writeFiles(PreparedJob job) throws IOException {
    Path hydraDir = job.jobDir().resolve(RunLayout.HYDRA_DIR);
    Files.createDirectories(hydraDir);
    Map<String, String> files = hydraFiles(job);
    for (Map.Entry<String, String> file : files.entrySet()) {
      AtomicFiles.write(
          hydraDir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8), false);
    }
    for (String name : files.keySet()) {
      try (FileChannel channel =
          FileChannel.open(hydraDir.resolve(name), StandardOpenOption.READ)) {
        channel.force(true);
      }
    }
    flushDirectory(hydraDir);
  }

  /**
   * Writes the job's {@code .hydra/} files with as few file operations as possible: a new file
   * directly (a job that never started needs no atomic replacement: it is written again when
   * resumed), an existing one only when its content changes, atomically.
   */
  private void writeUnflushed(PreparedJob job) throws IOException {
    Path hydraDir = job.jobDir().resolve(RunLayout.HYDRA_DIR);
    boolean fresh = createdNow(hydraDir);
    for (Map.Entry<String, String> file : hydraFiles(job).entrySet()) {
      Path target = hydraDir.resolve(file.getKey());
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      if (fresh || !Files.exists(target)) {
        Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } else if (!java.util.Arrays.equals(content, Files.readAllBytes(target))) {
        AtomicFiles.write(target, content, false);
      }
    }
  }

  /**
   * Creates {@code dir} and its missing parents; true if {@code dir} did not exist. A new job's two
   * directories cost two system calls this way instead of five, and its files need no look-up.
   */
  private static boolean createdNow(Path dir) throws IOException {
    Path parent = dir.getParent();
    try {
      Files.createDirectory(parent);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // a job run before (resume), or a file there: then the next call says "Not a directory"
    } catch (java.nio.file.NoSuchFileException e) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(dir);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
      return false;
    }
  }

  private static Map<String, String> hydraFiles(PreparedJob job) {
    List<ConfigNode> lines = new ArrayList<>();
    for (String text : job.composition().taskOverrides()) {
      lines.add(new ConfigValue(text, Origin.BUILT_IN));
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put(RunLayout.CONFIG, YamlWriter.toYaml(job.config()));
    files.put(RunLayout.CONFIG_JSON, JsonWriter.toJson(job.config(), true));
    files.put(RunLayout.HYDRA_CONFIG, YamlWriter.toYaml(job.hydra()));
    files.put(RunLayout.OVERRIDES, YamlWriter.toYaml(new ConfigList(lines, Origin.BUILT_IN)));
    return files;
  }

  private static void flushDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // As in AtomicFiles: some file systems cannot flush a directory; the renames are
      // still atomic there.
    }
  }

  static JobSpec spec(PreparedJob job) {
    return new JobSpec(
        job.num(),
        job.jobDir(),
        job.argv(),
        job.env(),
        job.workingDir(),
        job.timeout(),
        job.launcher());
  }
}
