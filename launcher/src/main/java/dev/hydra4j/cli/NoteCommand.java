package dev.hydra4j.cli;

import dev.hydra4j.results.MetaEdit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "note",
    mixinStandardHelpOptions = true,
    description = {
      "Add a dated note to a run or sweep, or set its name or description;"
          + " without arguments, print them. Kept in meta.json in its directory."
    },
    footer = {
      "",
      "Examples:",
      "  hydra4j note multirun/2026-01-31/12-00-00 \"lr 0.1 diverges; use 0.01\"",
      "  hydra4j note multirun/2026-01-31/12-00-00 --name baseline"
    })
final class NoteCommand extends PrintingCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "DIR|NAME",
      description = "The run or sweep: its" + " directory, name, directory name or tag.")
  String dir;

  @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "The note.")
  String text;

  @Option(names = "--name", paramLabel = "NAME", description = "Set the name (\"\" clears it).")
  String name;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description = "Set the description (\"\" clears it).")
  String description;

  @Override
  public Integer call() {
    return MetaEdit.note(RunLocator.locate(dir, false, err), text, name, description, out);
  }
}
