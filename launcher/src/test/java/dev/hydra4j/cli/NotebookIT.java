package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook of a real sweep is valid nbformat 4, each code cell is valid Python, and it runs:
 * executed headlessly by jupyter nbconvert, every cell succeeds and the learning curves and plots
 * come out as figures.
 */
class NotebookIT {

  @TempDir Path tmp;

  private static final String CHECK =
      """
      import sys, nbformat
      nb = nbformat.read(sys.argv[1], as_version=4)
      nbformat.validate(nb)
      codes = [c for c in nb.cells if c.cell_type == "code"]
      for c in codes:
          compile(c.source, "cell", "exec")
      print("valid", nb.nbformat, nb.nbformat_minor, len(nb.cells), len(codes))
      """;

  @Test
  void theNotebookIsValidAndLoadsTheCollectedCsv() throws Exception {
    Path python = null;
    for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
      Path p = ExternalTools.find(candidate);
      if (p != null
          && ExternalTools.run(List.of(p.toString(), "-c", "import nbformat"), 60).exitCode()
              == 0) {
        python = p;
        break;
      }
    }
    if (python == null) {
      ExternalTools.missing("python3-nbformat");
    }
    Path sweep = CollectCommandTest.realSweep(tmp);
    CliRun run = CliRun.of("notebook", sweep.toString());
    assertEquals(0, run.exitCode(), run.err());
    Path notebook = sweep.resolve("results.ipynb");
    ExternalTools.Result check =
        ExternalTools.run(List.of(python.toString(), "-c", CHECK, notebook.toString()), 120);
    assertEquals(0, check.exitCode(), check.output());
    // intro, load, status counts, and pdm and loss each against lr and model
    assertEquals("valid 4 5 7 6\n", check.output());
    String source = Files.readString(notebook);
    assertTrue(source.contains("pd.read_csv(\\\"results.csv\\\")"), source);
    assertTrue(source.contains("logx=True"), "lr spans a decade: log scale");
    List<String> csv = Files.readAllLines(sweep.resolve("results.csv"));
    assertEquals("num,status,duration_s,lr,model,loss,val.acc,pdm", csv.get(0));
    assertEquals(5, csv.size());
  }

  private static final String FIGURES =
      """
      import sys, nbformat
      nb = nbformat.read(sys.argv[1], as_version=4)
      errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                if o.output_type == "error"]
      figures = [c.source.splitlines()[-1] for c in nb.cells if c.cell_type == "code"
                 and any("image/png" in o.get("data", {}) for o in c.outputs)]
      print(len(errors), len(figures))
      print("\\n".join(figures))
      """;

  @Test
  void theNotebookOfASweepWithCurvesExecutesAndDrawsThem() throws Exception {
    Path nbconvert = ExternalTools.find("jupyter-nbconvert");
    if (nbconvert == null
        || ExternalTools.run(
                    List.of(
                        "/usr/bin/python3", "-c", "import pandas, matplotlib, nbformat, ipykernel"),
                    60)
                .exitCode()
            != 0) {
      ExternalTools.missing("jupyter-nbconvert, python3-pandas, python3-matplotlib");
    }
    Path sweep = CollectCommandTest.curveSweep(tmp);
    CliRun run = CliRun.of("notebook", sweep.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("curves.csv"), run.out());
    List<String> curves = Files.readAllLines(sweep.resolve("curves.csv"));
    assertEquals("num,lr,seed,metric,step,time,value", curves.get(0));
    assertEquals(1 + 4 * 5 * 2, curves.size(), "4 jobs x 5 steps x (reward, sps)");

    Path executed = tmp.resolve("executed.ipynb");
    ExternalTools.Result exec =
        ExternalTools.run(
            List.of(
                nbconvert.toString(),
                "--to",
                "notebook",
                "--execute",
                "--output",
                executed.toString(),
                sweep.resolve("results.ipynb").toString()),
            600);
    assertEquals(0, exec.exitCode(), exec.output());
    ExternalTools.Result check =
        ExternalTools.run(List.of("/usr/bin/python3", "-c", FIGURES, executed.toString()), 120);
    assertEquals(0, check.exitCode(), check.output());
    List<String> lines = check.output().lines().toList();
    // no error; a figure for each curve, then reward and score against lr and against seed
    assertEquals("0 6", lines.get(0), check.output());
    assertEquals("plot_curves(\"reward\")", lines.get(1));
    assertEquals("plot_curves(\"sps\")", lines.get(2));
  }
}
