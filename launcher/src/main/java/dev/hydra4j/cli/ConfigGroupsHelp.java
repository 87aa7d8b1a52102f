package dev.hydra4j.cli;

import dev.hydra4j.compose.ConfigRepository;
import dev.hydra4j.compose.SearchPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Adds the config groups of the current config tree to {@code --help}, as Hydra's help does, so a
 * user sees what {@code group=option} choices exist.
 */
final class ConfigGroupsHelp {

  private static final String SECTION = "configGroups";

  private ConfigGroupsHelp() {}

  static void install(CommandLine cli, String[] args) {
    Path dir = Path.of("conf");
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-cp") || args[i].equals("--config-path")) {
        dir = Path.of(args[i + 1]);
      }
    }
    install(cli, dir);
  }

  static void install(CommandLine cli, Path dir) {
    String text;
    try {
      text = describe(dir);
    } catch (RuntimeException e) {
      return;
    }
    Map<String, CommandLine.IHelpSectionRenderer> sections =
        new LinkedHashMap<>(cli.getHelpSectionMap());
    sections.put(SECTION, help -> text);
    List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
    keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER), SECTION);
    cli.setHelpSectionMap(sections);
    cli.setHelpSectionKeys(keys);
  }

  private static String describe(Path dir) {
    ConfigRepository repository =
        new ConfigRepository(
            new SearchPath(Files.isDirectory(dir) ? List.of(dir) : List.of(), true));
    StringBuilder out =
        new StringBuilder("%nConfig groups in " + dir + " (choose with group=option):%n");
    for (String group : repository.groups()) {
      List<String> options = repository.options(group);
      if (!options.isEmpty() && !group.equals("hydra")) {
        out.append("  ").append(group).append(": ").append(String.join(", ", options)).append("%n");
      }
    }
    return CommandLine.Help.Ansi.OFF.string(String.format(out.toString()));
  }
}
