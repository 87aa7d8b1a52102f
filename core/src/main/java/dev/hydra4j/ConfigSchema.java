package dev.hydra4j;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.JsonWriter;
import dev.hydra4j.schema.SchemaValidator;
import dev.hydra4j.schema.TreeSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Schemas (draft 2020-12) for editors and for programs that are not on the JVM: the schema of
 * a composed config, the schema of the configs a record type binds from, and a check of a YAML or
 * JSON file against a schema.
 *
 * <pre>{@code
 * Files.writeString(Path.of("config.schema.json"),
 *     ConfigSchema.of(Hydra4j.load(Path.of("conf"), "config")));
 * String trainingSchema = ConfigSchema.of(Training.class);
 * List<Hydra4jException.Problem> problems =
 *     ConfigSchema.validate(Path.of("config.schema.json"), Path.of("run/.hydra/config.yaml"));
 * }</pre>
 *
 * <p>The same is on the command line: {@code hydra4j schema [overrides]} and {@code hydra4j schema
 * --validate FILE}.
 */
public final class ConfigSchema {

  private ConfigSchema() {}

  /**
   * The schema of {@code config}: types from its values, each value's file:line as its description
   * and its value as the default, every key required and no other key allowed (struct mode).
   */
  public static String of(Config config) {
    String title = config.path().isEmpty() ? "hydra4j config" : config.path();
    return JsonWriter.toJson(new TreeSchema(true).document(config.tree(), title), true);
  }

  /** The schema of the configs that {@link Config#bind(String, Class)} binds to {@code type}. */
  public static String of(Class<?> type) {
    return JsonWriter.toJson(TypeSchema.document(type), true);
  }

  /**
   * Every violation of the schema in {@code schemaFile} by the YAML or JSON file {@code
   * configFile}, each with its key and file:line; empty when it is valid. A keyword of the schema
   * that hydra4j does not check is a problem too, never a silent pass.
   *
   * @throws Hydra4jException when a file cannot be read or parsed
   */
  public static List<Hydra4jException.Problem> validate(Path schemaFile, Path configFile) {
    try {
      ConfigMap schema = ConfigFiles.readDocument(schemaFile, schemaFile.toString()).root();
      ConfigMap config = ConfigFiles.readDocument(configFile, configFile.toString()).root();
      SchemaValidator validator = new SchemaValidator(schema);
      List<Hydra4jException.Problem> problems = new ArrayList<>();
      for (SchemaValidator.Violation v : validator.validate(config)) {
        problems.add(new Hydra4jException.Problem(v.key(), v.message(), Origin.of(v.origin())));
      }
      for (String keyword : validator.unchecked()) {
        problems.add(
            new Hydra4jException.Problem(
                "",
                "the schema keyword '"
                    + keyword
                    + "' is not checked by hydra4j; use a full JSON Schema validator",
                new Origin(schemaFile.toString(), schemaFile.toString(), 0, 0)));
      }
      return problems;
    } catch (ConfigException e) {
      throw Hydra4jException.of(e);
    }
  }
}
