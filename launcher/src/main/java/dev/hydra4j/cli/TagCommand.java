package dev.hydra4j.cli;

import dev.hydra4j.results.MetaEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Add (+TAG) or remove (-TAG) tags of a run or sweep; without tags, print"
          + " them. Tags are kept in meta.json in its directory."
    },
    footer = {
      "",
      "Examples:",
      "  hydra4j tag multirun/2026-01-31/12-00-00 +paper +baseline",
      "  hydra4j tag multirun/2026-01-31/12-00-00 -baseline"
    })
final class TagCommand extends PrintingCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "DIR|NAME",
      description = "The run or sweep: its" + " directory, name, directory name or tag.")
  String dir;

  @Parameters(index = "1..*", paramLabel = "+TAG|-TAG", description = "Tags to add or remove.")
  List<String> edits = new ArrayList<>();

  @Option(
      names = "--remove",
      paramLabel = "TAG",
      description = "Remove TAG (for tags that" + " look like options, such as h).")
  List<String> removals = new ArrayList<>();

  // picocli takes "-old" for an unknown option; it is a removal here.
  @Unmatched List<String> unmatched = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> all = new ArrayList<>(edits);
    all.addAll(unmatched);
    for (String tag : removals) {
      all.add("-" + tag);
    }
    return MetaEdit.tag(RunLocator.locate(dir, false, err), all, out);
  }
}
