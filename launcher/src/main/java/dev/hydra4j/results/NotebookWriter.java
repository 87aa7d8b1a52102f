package dev.hydra4j.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code notebook DIR}: a Jupyter notebook (nbformat 4.5) beside a CSV of the results, with cells
 * that load the CSV with pandas and plot each metric against each swept parameter with matplotlib,
 * ready to be changed. The CSV is {@code collect --all-params --format csv}.
 */
public final class NotebookWriter {

  private NotebookWriter() {}

  /**
   * Writes {@code DIR/results.csv} and the notebook ({@code null}: {@code DIR/results.ipynb});
   * returns the exit code.
   */
  public static int write(Path dir, Path target, PrintStream out) {
    RunResults results = RunResults.read(RecordedRun.open(dir), new Harvester());
    Path runDir = results.run().dir();
    Path csv = runDir.resolve(RunLayout.RESULTS_CSV);
    Path curvesCsv = runDir.resolve(CURVES_CSV);
    Path notebook =
        (target != null ? target : runDir.resolve("results.ipynb")).toAbsolutePath().normalize();
    String csvPath = notebook.getParent().relativize(csv).toString();
    boolean curves = !results.curveNames().isEmpty();
    try {
      AtomicFiles.write(
          csv,
          ResultsFormat.CSV.render(
              ResultsTable.of(results, new ResultsTable.Options(true, null, null, List.of())), 0));
      if (curves) {
        AtomicFiles.write(curvesCsv, curvesCsv(results));
      }
      AtomicFiles.write(
          notebook,
          json(cells(results, csvPath, notebook.getParent().relativize(curvesCsv).toString())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the notebook: " + e.getMessage(), e);
    }
    out.println(
        "wrote "
            + Display.path(notebook)
            + " and "
            + Display.path(csv)
            + (curves ? " and " + Display.path(curvesCsv) : "")
            + " (open with: jupyter lab "
            + Display.path(notebook)
            + ")");
    return 0;
  }

  /** A cell: markdown or code, and its source lines. */
  record Cell(boolean code, String source) {}

  static final String CURVES_CSV = RunLayout.CURVES_CSV;

  /** Every point of every curve, one per line: num, the swept keys, metric, step, time, value. */
  static String curvesCsv(RunResults results) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("num"));
    header.addAll(results.sweptKeys());
    header.addAll(List.of("metric", "step", "time", "value"));
    ResultsFormat.csvLine(csv, header);
    for (JobRow row : results.rows()) {
      row.curves()
          .forEach(
              (metric, curve) -> {
                for (CurvePoint p : curve) {
                  List<String> cells = new ArrayList<>(List.of(String.valueOf(row.num())));
                  for (String key : results.sweptKeys()) {
                    cells.add(MetricValues.format(row.params().get(key)));
                  }
                  cells.addAll(
                      List.of(
                          metric,
                          MetricValues.format(p.step()),
                          MetricValues.format(p.time()),
                          MetricValues.format(p.value())));
                  ResultsFormat.csvLine(csv, cells);
                }
              });
    }
    return csv.toString();
  }

  static List<Cell> cells(RunResults results, String csvPath) {
    return cells(results, csvPath, CURVES_CSV);
  }

  static List<Cell> cells(RunResults results, String csvPath, String curvesPath) {
    List<Cell> cells = new ArrayList<>();
    RunMeta meta = RunMeta.readLeniently(results.run().dir());
    StringBuilder intro =
        new StringBuilder(
            "# Results of "
                + results.run().kind().label()
                + " `"
                + Display.path(results.run().dir())
                + "`\n\n");
    if (meta.name() != null) {
      intro.append("**").append(meta.name()).append("**");
      intro.append(meta.tags().isEmpty() ? "" : " (" + String.join(", ", meta.tags()) + ")");
      intro.append("\n\n");
    }
    intro
        .append(Display.counts(results.rows().size(), results.tally()))
        .append(". Made by" + " `hydra4j notebook`; `hydra4j collect` prints the same table.");
    cells.add(new Cell(false, intro.toString()));
    cells.add(
        new Cell(
            true,
            "import pandas as pd\nimport matplotlib.pyplot as plt\n\n"
                + "df = pd.read_csv("
                + py(csvPath)
                + ")\ndf"));
    cells.add(new Cell(true, "df[\"status\"].value_counts()"));
    List<String> swept = results.sweptKeys();
    if (!results.curveNames().isEmpty()) {
      cells.add(
          new Cell(
              false,
              "## Learning curves\n\nEvery point each job logged"
                  + " (`metrics.jsonl`), one line per job, coloured by its swept values."));
      cells.add(
          new Cell(
              true,
              "curves = pd.read_csv("
                  + py(curvesPath)
                  + ")\nswept = "
                  + pyList(swept)
                  + "\n\n"
                  + """
          def plot_curves(metric, x="step"):
              data = curves[curves["metric"] == metric]
              fig, ax = plt.subplots()
              labels = data[swept].astype(str).agg(", ".join, axis=1) if swept else None
              colours = {label: f"C{i % 10}" for i, label in enumerate(dict.fromkeys(labels))} \\
                  if swept else {}
              for num, job in data.groupby("num"):
                  label = labels[job.index[0]] if swept else f"job {num}"
                  ax.plot(job[x], job["value"], color=colours.get(label),
                          label=label if label not in ax.get_legend_handles_labels()[1] else None)
              ax.set_xlabel(x)
              ax.set_ylabel(metric)
              ax.set_title(f"{metric} over {x}")
              if swept:
                  ax.legend(title=", ".join(swept), fontsize="small")
              plt.show()"""));
      for (String metric : results.curveNames()) {
        cells.add(new Cell(true, "plot_curves(" + py(metric) + ")"));
      }
      cells.add(new Cell(false, "## Each metric against each swept parameter"));
    }
    for (String metric : ChartData.plottable(results)) {
      for (String param : swept) {
        ChartData chart = ChartData.of(results, metric, param);
        if (chart != null) {
          cells.add(new Cell(true, plot(chart, swept)));
        }
      }
    }
    return cells;
  }

  /** Python that draws what the HTML report draws for this chart. */
  private static String plot(ChartData chart, List<String> swept) {
    List<String> others = new ArrayList<>(swept);
    others.remove(chart.param());
    String title = py(chart.metric() + " by " + chart.param());
    StringBuilder code = new StringBuilder();
    if (others.isEmpty()) {
      code.append("data = df.groupby(")
          .append(py(chart.param()))
          .append(")[")
          .append(py(chart.metric()))
          .append("].mean()\n");
    } else {
      code.append("data = df.pivot_table(index=")
          .append(py(chart.param()))
          .append(", columns=[")
          .append(String.join(", ", others.stream().map(NotebookWriter::py).toList()))
          .append("], values=")
          .append(py(chart.metric()))
          .append(", aggfunc=\"mean\")\n");
    }
    if (chart.numeric()) {
      code.append("ax = data.plot(marker=\"o\", logx=")
          .append(chart.logX() ? "True" : "False")
          .append(", title=")
          .append(title)
          .append(")\n");
    } else {
      code.append("ax = data.plot.bar(rot=0, title=").append(title).append(")\n");
    }
    code.append("ax.set_ylabel(").append(py(chart.metric())).append(")\nplt.show()");
    return code.toString();
  }

  private static String pyList(List<String> texts) {
    return "[" + String.join(", ", texts.stream().map(NotebookWriter::py).toList()) + "]";
  }

  /** A Python string literal: JSON's escapes are Python's too. */
  static String py(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String json(List<Cell> cells) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("cells");
      int n = 0;
      for (Cell cell : cells) {
        g.writeStartObject();
        g.writeStringField("cell_type", cell.code() ? "code" : "markdown");
        if (cell.code()) {
          g.writeNullField("execution_count");
        }
        g.writeStringField("id", "cell-" + ++n);
        g.writeObjectFieldStart("metadata");
        g.writeEndObject();
        if (cell.code()) {
          g.writeArrayFieldStart("outputs");
          g.writeEndArray();
        }
        g.writeArrayFieldStart("source");
        // nbformat keeps sources as lines, each but the last ending in a newline.
        String[] lines = cell.source().split("(?<=\n)");
        for (String line : lines) {
          g.writeString(line);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("metadata");
      g.writeObjectFieldStart("kernelspec");
      g.writeStringField("display_name", "Python 3");
      g.writeStringField("language", "python");
      g.writeStringField("name", "python3");
      g.writeEndObject();
      g.writeObjectFieldStart("language_info");
      g.writeStringField("name", "python");
      g.writeEndObject();
      g.writeEndObject();
      g.writeNumberField("nbformat", 4);
      g.writeNumberField("nbformat_minor", 5);
      g.writeEndObject();
    }
    return text + "\n";
  }
}
