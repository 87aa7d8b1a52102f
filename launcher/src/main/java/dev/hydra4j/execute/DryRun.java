package dev.hydra4j.execute;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.JsonWriter;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.YamlWriter;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.sweep.PlannedJob;
import dev.hydra4j.sweep.SweepPlan;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --multirun --dry-run}: plans and checks every job like a real sweep, writes nothing, and
 * prints the jobs — a table of the keys that vary, or JSON for machines. For a SLURM sweep the
 * table is followed by the array scripts it would submit.
 */
public final class DryRun {

  private DryRun() {}

  public static int run(LaunchRequest request, String format) {
    return run(request, format, false);
  }

  /**
   * {@code inProcess}: the jobs are a JVM program's own code ({@code Hydra4j.main}), so they need
   * no command and no launcher's scripts.
   */
  public static int run(LaunchRequest request, String format, boolean inProcess) {
    if (!format.equals("table") && !format.equals("json")) {
      throw new ConfigException(
          "Unknown --format '" + format + "' for --dry-run",
          Origin.of("--format " + format),
          "use --format table or --format json");
    }
    Composer composer =
        Composers.create(request.searchPath(), ZonedDateTime.now(ZoneId.systemDefault()));
    List<ParsedOverride> overrides = Composers.parse(request.overrides());
    Composition base =
        composer.compose(
            request.configName(),
            overrides.stream().filter(o -> !o.isSweep()).toList(),
            RunMode.MULTIRUN);
    if (dev.hydra4j.search.AdaptiveStudy.isOptuna(base.config())) {
      return AdaptiveSweep.dryRun(request, composer, overrides, base);
    }
    SweepPlan plan =
        SweepPlan.create(composer, request.configName(), overrides, request.sweepOptions());
    Path root =
        Path.of(new HydraSettings(base).text("hydra.sweep.dir", "multirun"))
            .toAbsolutePath()
            .normalize();
    JobPreparer preparer =
        new JobPreparer(
            composer, request.configName(), RunMode.MULTIRUN, root, request.command(), inProcess);
    // Every job is checked before anything is printed, so that a sweep with a bad job
    // prints only the error (exit 2), never a plan that looks valid.
    LaunchSettings launch = new LaunchSettings(base).checked(root);
    Multirun.validateAll(plan, preparer, root, launch);
    if (format.equals("json")) {
      json(plan, preparer, request);
    } else {
      table(plan, request);
      if (!inProcess) {
        launcherPreview(plan, preparer, root, launch, request);
      }
    }
    return 0;
  }

  /** What the launcher would do with the jobs beyond the table (a scheduler's scripts). */
  private static void launcherPreview(
      SweepPlan plan,
      JobPreparer preparer,
      Path root,
      LaunchSettings launch,
      LaunchRequest request) {
    JobSource jobs =
        new JobSource() {
          @Override
          public int size() {
            return plan.size();
          }

          @Override
          public JobSpec get(int index) {
            PlannedJob job = plan.job(index);
            return JobPreparer.spec(preparer.prepare(job.num(), job.overrides()));
          }
        };
    launch.preview(root, jobs, request.out(), request.err());
  }

  /**
   * Prints the table in two passes over the lazy plan, the first for the column widths, so that no
   * more than one row is held at a time whatever the sweep's size.
   */
  private static void table(SweepPlan plan, LaunchRequest request) {
    List<String> keys = plan.sweptKeys();
    List<String> header = new ArrayList<>();
    header.add("num");
    header.addAll(keys);
    int[] widths = new int[header.size()];
    widen(widths, header);
    for (int i = 0; i < plan.size(); i++) {
      widen(widths, row(plan.job(i), keys));
    }
    print(widths, header, request.out());
    for (int i = 0; i < plan.size(); i++) {
      print(widths, row(plan.job(i), keys), request.out());
    }
    request
        .err()
        .println(
            "hydra4j: dry run: "
                + plan.size()
                + " jobs"
                + (plan.size() != plan.gridSize()
                    ? " (of " + plan.gridSize() + " in the grid)"
                    : "")
                + ", all valid; nothing was written");
  }

  private static List<String> row(PlannedJob job, List<String> keys) {
    List<String> row = new ArrayList<>(keys.size() + 1);
    row.add(String.valueOf(job.num()));
    for (String key : keys) {
      row.add(valueOf(job, key));
    }
    return row;
  }

  private static void widen(int[] widths, List<String> row) {
    for (int c = 0; c < row.size(); c++) {
      widths[c] = Math.max(widths[c], row.get(c).length());
    }
  }

  private static void print(int[] widths, List<String> row, java.io.PrintStream out) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < row.size(); c++) {
      String cell = row.get(c);
      line.append(
          c == 0
              ? " ".repeat(widths[c] - cell.length()) + cell
              : "  " + cell + " ".repeat(widths[c] - cell.length()));
    }
    out.println(line.toString().stripTrailing());
  }

  private static String valueOf(PlannedJob job, String key) {
    for (ParsedOverride o : job.overrides()) {
      if (o.keyWithPackage().equals(key)) {
        String text = o.input();
        return text.substring(text.indexOf('=') + 1);
      }
    }
    return "";
  }

  /**
   * Streams {@code {"jobs": [...]}} one job at a time, each with its number, its overrides (as in
   * {@code .hydra/overrides.yaml}), its {@code override_dirname} and its resolved config, so a
   * 100,000-job plan needs no more memory than one job.
   */
  private static void json(SweepPlan plan, JobPreparer preparer, LaunchRequest request) {
    try {
      Writer writer = new OutputStreamWriter(request.out(), StandardCharsets.UTF_8);
      JsonGenerator g = new JsonFactory().createGenerator(writer);
      g.writeStartObject();
      g.writeArrayFieldStart("jobs");
      for (int i = 0; i < plan.size(); i++) {
        PlannedJob job = plan.job(i);
        PreparedJob prepared = preparer.prepare(job.num(), job.overrides());
        g.writeStartObject();
        g.writeNumberField("num", job.num());
        g.writeArrayFieldStart("overrides");
        for (String text : prepared.composition().taskOverrides()) {
          g.writeString(text);
        }
        g.writeEndArray();
        g.writeStringField(
            "override_dirname",
            new HydraSettings(prepared.composition()).text("hydra.job.override_dirname", ""));
        g.writeFieldName("config");
        g.writeRawValue(JsonWriter.toJson(prepared.config(), false));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String yaml(ConfigNode node) {
    return YamlWriter.toYaml(node);
  }
}
