package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported JSON Schema in a real YAML editor back end: Red Hat's yaml-language-server (from the
 * npm registry; scripts/install-test-deps.sh installs it), spoken to over LSP as an editor does,
 * with the schema mapped to the files as a user's {@code yaml.schemas} setting maps it.
 */
class YamlLanguageServerIT {

  private static final Path CONF = Path.of("../conf");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Process server;
  private static int nextId = 1;

  private static Path serverCommand() {
    String given = System.getenv("HYDRA4J_YAML_LS");
    return given != null
        ? Path.of(given)
        : Path.of(
            System.getProperty("user.home"),
            ".cache/hydra4j-tools/node_modules/.bin/yaml-language-server");
  }

  @BeforeAll
  static void start() throws Exception {
    Path command = serverCommand();
    if (!Files.isExecutable(command)) {
      String reason = "no yaml-language-server at " + command + " (scripts/install-test-deps.sh)";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + "; under CI=true this test must run");
      }
      Assumptions.abort(reason);
    }
    Path schema = dir.resolve("config.schema.json");
    Files.writeString(schema, ConfigSchema.of(Hydra4j.load(CONF, "config")));
    server =
        new ProcessBuilder(command.toString(), "--stdio")
            .redirectError(dir.resolve("server.log").toFile())
            .start();
    ObjectNode settings = JSON.createObjectNode();
    settings.putObject("schemas").put(schema.toUri().toString(), "*.yaml");
    settings.put("validate", true).put("completion", true);
    request(
        "initialize",
        Map.of(
            "processId", ProcessHandle.current().pid(),
            "rootUri", dir.toUri().toString(),
            "capabilities", Map.of("workspace", Map.of("configuration", true))),
        settings);
    notify("initialized", Map.of());
    notify("workspace/didChangeConfiguration", Map.of("settings", Map.of("yaml", settings)));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  private static void write(Object message) throws IOException {
    byte[] body = JSON.writeValueAsBytes(message);
    OutputStream out = server.getOutputStream();
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static JsonNode read() throws IOException {
    InputStream in = server.getInputStream();
    int length = -1;
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException(
            "the language server ended: " + Files.readString(dir.resolve("server.log")));
      }
      if (c != '\n') {
        line.append((char) c);
        continue;
      }
      String header = line.toString().trim();
      line.setLength(0);
      if (header.isEmpty()) {
        break;
      }
      if (header.startsWith("Content-Length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    return JSON.readTree(in.readNBytes(length));
  }

  /**
   * Reads messages until one matches, answering the server's own requests on the way ({@code
   * workspace/configuration} with {@code settings}, anything else with null).
   */
  private static JsonNode until(Predicate<JsonNode> wanted, ObjectNode settings)
      throws IOException {
    while (true) {
      JsonNode m = read();
      if (m.has("method") && m.has("id")) {
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", m.get("id"));
        if (m.get("method").asText().equals("workspace/configuration")) {
          var items = reply.putArray("result");
          m.get("params").get("items").forEach(i -> items.add(settings));
        } else {
          reply.putNull("result");
        }
        write(reply);
        continue;
      }
      if (wanted.test(m)) {
        return m;
      }
    }
  }

  private static ObjectNode settings;

  private static JsonNode request(String method, Object params, ObjectNode yamlSettings)
      throws IOException {
    settings = yamlSettings;
    int id = nextId++;
    write(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
    return until(m -> m.path("id").asInt(-1) == id && !m.has("method"), settings);
  }

  private static void notify(String method, Object params) throws IOException {
    write(Map.of("jsonrpc", "2.0", "method", method, "params", params));
  }

  /** Opens {@code text} as {@code name} and returns the diagnostics the server publishes. */
  private static List<String> open(String name, String text) throws IOException {
    String uri = dir.resolve(name).toUri().toString();
    notify(
        "textDocument/didOpen",
        Map.of(
            "textDocument", Map.of("uri", uri, "languageId", "yaml", "version", 1, "text", text)));
    JsonNode published =
        until(
            m ->
                m.path("method").asText().equals("textDocument/publishDiagnostics")
                    && m.get("params").get("uri").asText().equals(uri),
            settings);
    List<String> out = new ArrayList<>();
    for (JsonNode d : published.get("params").get("diagnostics")) {
      out.add(d.get("range").get("start").get("line").asInt() + ": " + d.get("message").asText());
    }
    return out;
  }

  @Test
  void theExampleTreesComposedConfigHasNoProblem() throws IOException {
    String job =
        Hydra4j.load(CONF, "config", "training=long", "experiment=exp_person_25").toString();
    assertEquals(List.of(), open("job.yaml", job), job);
  }

  @Test
  void aMisspeltKeyIsMarkedOnItsLine() throws IOException {
    String job = Hydra4j.load(CONF, "config").toString().replace("  epochs:", "  epochz:");
    int line =
        job.lines()
            .toList()
            .indexOf(job.lines().filter(l -> l.contains("epochz")).findFirst().get());
    List<String> problems = open("typo.yaml", job);
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith(line + ": ") && p.contains("epochz")),
        problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("epochs")),
        "epochs is now missing: " + problems);
  }

  @Test
  void completionUnderAGroupOffersItsKeys() throws IOException {
    String text = "training:\n  \n";
    String uri = dir.resolve("complete.yaml").toUri().toString();
    open("complete.yaml", text);
    JsonNode result =
        request(
            "textDocument/completion",
            Map.of(
                "textDocument", Map.of("uri", uri),
                "position", Map.of("line", 1, "character", 2)),
            settings);
    JsonNode items =
        result.get("result").isArray() ? result.get("result") : result.get("result").get("items");
    List<String> labels = new ArrayList<>();
    items.forEach(i -> labels.add(i.get("label").asText()));
    for (String key : List.of("epochs", "batch_size", "image_size", "lr", "patience", "model")) {
      assertTrue(labels.contains(key), key + " in " + labels);
    }
  }
}
