package dev.hydra4j.cli;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.Suggestions;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.JsonWriter;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.schema.SchemaValidator;
import dev.hydra4j.schema.TreeSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the JSON Schema (draft 2020-12) of the composed job config, for"
          + " completion and checks in YAML editors; or, with --validate, check a YAML/JSON"
          + " config (e.g. a job's .hydra/config.yaml) against it."
    },
    footer = {
      "",
      "Examples:",
      "  hydra4j schema -o config.schema.json",
      "  hydra4j schema --partial -p training -o training.schema.json",
      "  hydra4j schema --validate outputs/2026-01-31/12-00-00/.hydra/config.yaml",
      "  hydra4j schema --validate my.yaml --schema config.schema.json",
      "",
      "Exit codes: 0 valid (or schema written), 2 invalid or bad input."
    })
final class SchemaCommand extends PrintingCommand implements Callable<Integer> {

  @Parameters(paramLabel = "OVERRIDE", description = "Overrides, as for hydra4j --cfg job.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = {"--package", "-p"},
      paramLabel = "KEY",
      description = "Only the part of the config under KEY (e.g. training).")
  String packageName;

  @Option(
      names = "--partial",
      description =
          "Require no key: for files that set only some"
              + " keys (a group option, a partial override file).")
  boolean partial;

  @Option(
      names = "--validate",
      paramLabel = "FILE",
      description = "Check FILE (.yaml, .yml or .json) against the schema; list every problem.")
  Path validate;

  @Option(
      names = "--schema",
      paramLabel = "FILE",
      description = "With --validate: check against this schema, not the composed config's.")
  Path schemaFile;

  @Option(
      names = {"--output", "-o"},
      paramLabel = "FILE",
      description = "Write the schema to FILE instead of printing it.")
  Path output;

  @Mixin ConfigTreeOptions tree = new ConfigTreeOptions();

  @Override
  public Integer call() {
    if (schemaFile != null && validate == null) {
      throw new ConfigException(
          "--schema only applies to --validate",
          Origin.of("--schema"),
          "e.g. hydra4j schema --validate FILE --schema " + schemaFile);
    }
    ConfigMap schema =
        schemaFile != null
            ? ConfigFiles.readDocument(schemaFile, schemaFile.toString()).root()
            : composedSchema();
    if (validate == null) {
      String json = JsonWriter.toJson(schema, true);
      if (output == null) {
        out.print(json);
      } else {
        write(output, json);
        out.println("wrote " + output);
      }
      return ExitCode.OK;
    }
    ConfigMap config = ConfigFiles.readDocument(validate, validate.toString()).root();
    SchemaValidator validator = new SchemaValidator(schema);
    List<SchemaValidator.Violation> violations = validator.validate(config);
    for (String keyword : validator.unchecked()) {
      err.println(
          "error: the schema keyword '"
              + keyword
              + "' is not checked by hydra4j;"
              + " use a full JSON Schema validator for this schema");
    }
    if (violations.isEmpty() && validator.unchecked().isEmpty()) {
      out.println(validate + ": valid");
      return ExitCode.OK;
    }
    if (!violations.isEmpty()) {
      err.println(
          "error: "
              + validate
              + " does not match the schema ("
              + violations.size()
              + (violations.size() == 1 ? " problem" : " problems")
              + "):");
      for (SchemaValidator.Violation v : violations) {
        err.println("  " + v);
      }
    }
    return ExitCode.USAGE;
  }

  private ConfigMap composedSchema() {
    Composer composer = new Composer(tree.searchPath());
    ConfigMap job =
        composer
            .compose(tree.configName, Hydra4jCommand.parseOverrides(overrides), RunMode.RUN)
            .resolvedJobConfig();
    String title = "hydra4j config '" + tree.configName + "'";
    if (packageName == null) {
      return new TreeSchema(!partial).document(job, title);
    }
    ConfigPath at = ConfigPath.parse(packageName);
    ConfigNode part = ConfigTree.select(job, at);
    if (!(part instanceof ConfigMap map)) {
      throw new ConfigException(
          "--package " + packageName + " is not a map of the config",
          Origin.of("--package " + packageName),
          part == null ? Suggestions.forMissingKey(job, at) : "give a key whose value is a map");
    }
    return new TreeSchema(!partial).document(map, title + ", package " + packageName);
  }

  private static void write(Path file, String text) {
    try {
      AtomicFiles.write(file, text);
    } catch (IOException e) {
      Path dir = file.toAbsolutePath().getParent();
      throw new ConfigException(
          "Cannot write the schema to "
              + file
              + (dir != null && !java.nio.file.Files.isDirectory(dir)
                  ? ": the directory " + dir + " does not exist"
                  : ": " + e.getMessage()),
          Origin.of("--output " + file),
          "give a file in an existing, writable directory");
    }
  }
}
