package dev.hydra4j.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A pipeline stage's {@code stage.json}: the stage's name and the earlier stages its jobs wait for.
 * Written in the stage's sweep directory when the pipeline is planned; read by every reader of the
 * stage (status, collect, resume, the SLURM launcher), so that a stage directory says on its own
 * what it depends on.
 *
 * <pre>{@code
 * {"stage": "eval", "upstream": [{"stage": "train", "dir": "../train", "each": true}]}
 * }</pre>
 *
 * @param stage the stage's name (its directory's name under the pipeline directory)
 * @param upstream the stages it depends on; {@code dir} relative to this stage's directory
 */
public record StageLinks(String stage, List<Link> upstream) {

  /** The file name inside a stage's sweep directory. */
  public static final String NAME = RunLayout.STAGE;

  /** A pipeline's own file, in its root directory: the stages in the order they launch. */
  public static final String PIPELINE = RunLayout.PIPELINE;

  /** The states of an upstream job that keep its dependants from ever running. */
  public static final Set<JobState> BLOCKING =
      EnumSet.of(
          JobState.FAILED,
          JobState.TIMEOUT,
          JobState.CANCELLED,
          JobState.OUT_OF_MEMORY,
          JobState.NODE_FAIL,
          JobState.PREEMPTED,
          JobState.SKIPPED);

  /**
   * One dependency.
   *
   * @param stage the upstream stage's name
   * @param dir its sweep directory, relative to the dependant's
   * @param each job {@code i} waits for upstream job {@code i} only; otherwise for every upstream
   *     job
   */
  public record Link(String stage, String dir, boolean each) {}

  public StageLinks {
    upstream = List.copyOf(upstream);
  }

  /** The links of the stage in {@code sweepDir}, or {@code null} when it is no pipeline stage. */
  public static StageLinks read(Path sweepDir) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(sweepDir.resolve(NAME));
    } catch (NoSuchFileException e) {
      return null;
    }
    JsonNode root = new ObjectMapper().readTree(bytes);
    List<Link> links = new ArrayList<>();
    for (JsonNode link : root.path("upstream")) {
      links.add(
          new Link(
              link.path("stage").asText(),
              link.path("dir").asText(),
              link.path("each").asBoolean()));
    }
    return new StageLinks(root.path("stage").asText(), links);
  }

  public void write(Path sweepDir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode().put("stage", stage);
    ArrayNode links = root.putArray("upstream");
    for (Link link : upstream) {
      links.addObject().put("stage", link.stage()).put("dir", link.dir()).put("each", link.each());
    }
    AtomicFiles.write(
        sweepDir.resolve(NAME),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  /** Whether {@code dir} is a pipeline's root directory. */
  public static boolean isPipeline(Path dir) {
    return Files.isRegularFile(dir.resolve(PIPELINE));
  }

  /** The stage names a pipeline's {@code pipeline.json} lists, in launch order. */
  public static List<String> stagesOf(Path pipelineDir) throws IOException {
    JsonNode root = new ObjectMapper().readTree(pipelineDir.resolve(PIPELINE).toFile());
    List<String> names = new ArrayList<>();
    for (JsonNode stage : root.path("stages")) {
      names.add(stage.path("name").asText());
    }
    return names;
  }

  /** Writes a pipeline's {@code pipeline.json}: its stages, in launch order, with their links. */
  public static void writePipeline(Path pipelineDir, List<StageLinks> stages) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode list = root.putArray("stages");
    for (StageLinks s : stages) {
      ObjectNode stage = list.addObject().put("name", s.stage());
      ArrayNode deps = stage.putArray("depends_on");
      for (Link link : s.upstream()) {
        deps.addObject().put("stage", link.stage()).put("each", link.each());
      }
    }
    AtomicFiles.write(
        pipelineDir.resolve(PIPELINE),
        new String(
                mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root),
                StandardCharsets.UTF_8)
            + "\n");
  }
}
