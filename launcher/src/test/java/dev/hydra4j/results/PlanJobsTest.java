package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming reading of plan.json reads what the tree reads, or leaves the plan to it. */
class PlanJobsTest {

  @TempDir Path tmp;

  private PlanJobs.Plan[] both(String json) throws IOException {
    Path file = Files.writeString(tmp.resolve("plan.json"), json);
    return new PlanJobs.Plan[] {PlanJobs.read(file, tmp), RecordedRun.planTree(file, tmp)};
  }

  @Test
  void thePlansHydra4jWritesReadAsTheirTree() throws IOException {
    for (String json :
        List.of(
            "{\"hydra4j_version\":\"0.1.0\",\"options\":{\"zip\":[],\"filter\":null,\"seed\":0},"
                + "\"command\":[\"python3\",\"train.py\"],\"grid_size\":2,\"jobs\":["
                + "{\"num\":0,\"dir\":\"0\",\"overrides\":[\"lr=0.1\",\"db=a b\"]},"
                + "{\"num\":1,\"dir\":\"lr=0.2/1\",\"overrides\":[\"lr=0.2\"],\"extra\":{\"a\":[1]}}]}",
            // no command; a job without dir or overrides; fields in another order; NaN elsewhere
            "{\"jobs\":[{\"overrides\":[],\"num\":7},{\"dir\":\"x\",\"num\":3}],\"nan\":NaN}",
            // a repeated field: the last one counts, as in the tree
            "{\"jobs\":[{\"num\":1}],\"jobs\":[{\"num\":2,\"num\":4}]}",
            "{\"jobs\":[]}")) {
      PlanJobs.Plan[] plan = both(json);
      assertNotNull(plan[0], json);
      assertEquals(plan[1], plan[0], json);
    }
  }

  @Test
  void otherShapesAreLeftToTheTree() throws IOException {
    for (String json :
        List.of(
            "{\"jobs\":[{\"num\":\"3\"}]}",
            "{\"jobs\":[{\"num\":1.5}]}",
            "{\"jobs\":[{\"num\":1,\"dir\":null}]}",
            "{\"jobs\":[{\"num\":1,\"overrides\":[\"a=1\",2]}]}",
            "{\"jobs\":[3]}",
            "{\"jobs\":{}}",
            "{\"command\":\"train\",\"jobs\":[]}",
            "{\"command\":[\"a\"]}",
            "[]",
            "",
            "{\"jobs\":[{\"num\":1}")) {
      assertNull(both(json)[0], json);
    }
    assertNull(PlanJobs.read(tmp.resolve("none.json"), tmp));
  }
}
