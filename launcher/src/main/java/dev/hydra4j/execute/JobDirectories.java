package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.sweep.SweepPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every job of a sweep gets a directory of its own. Hydra lets a {@code
 * hydra.sweep.subdir} that does not vary (say {@code ${name}} in a sweep over {@code lr}) put
 * several jobs in one directory, each overwriting the other's files; and a job directory inside
 * another's would hide the inner job from {@code status} and {@code resume}, which stop at the
 * first status file. Both are refused before anything runs.
 */
final class JobDirectories {

  private static final int MAX_SHOWN = 5;

  private JobDirectories() {}

  /**
   * @param dirs each job's directory relative to the sweep directory, in plan order
   * @throws ConfigException naming the jobs that collide
   */
  static void requireDistinct(SweepPlan plan, List<String> dirs) {
    Map<String, Integer> owner = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    for (int i = 0; i < dirs.size(); i++) {
      int num = plan.job(i).num();
      String dir = dirs.get(i);
      if (dir.isEmpty()) {
        clashes.add("job " + num + " would use the sweep directory itself");
        continue;
      }
      Integer other = owner.putIfAbsent(dir, num);
      if (other != null) {
        clashes.add("jobs " + other + " and " + num + " would share '" + dir + "'");
      }
    }
    for (int i = 0; i < dirs.size() && clashes.size() <= MAX_SHOWN; i++) {
      String dir = dirs.get(i);
      for (int slash = dir.indexOf('/'); slash > 0; slash = dir.indexOf('/', slash + 1)) {
        Integer outer = owner.get(dir.substring(0, slash));
        if (outer != null) {
          clashes.add(
              "job "
                  + plan.job(i).num()
                  + "'s directory '"
                  + dir
                  + "' is inside job "
                  + outer
                  + "'s");
          break;
        }
      }
    }
    if (!clashes.isEmpty()) {
      String shown =
          String.join("; ", clashes.subList(0, Math.min(MAX_SHOWN, clashes.size())))
              + (clashes.size() > MAX_SHOWN ? "; …" : "");
      throw new ConfigException(
          "Jobs of this sweep do not get a directory each: " + shown,
          Origin.of("hydra.sweep.subdir"),
          "make hydra.sweep.subdir differ from job to job,"
              + " e.g. hydra.sweep.subdir=${hydra.job.num} (the default) or"
              + " ${hydra.job.override_dirname}");
    }
  }
}
