package dev.hydra4j.compose;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The outcome of expanding the defaults lists: every config to merge, in order, and the option
 * chosen for each group (Hydra's {@code hydra.runtime.choices}).
 *
 * @param entries configs in merge order
 * @param choices group key ({@code db}, {@code db@backup}, {@code server/db}) to option; a {@code
 *     null} value is a group explicitly set to null
 * @param notices one line each about choices accepted but skipped (an option only a Python plugin
 *     provides), for the user to see once
 * @param unchosen {@code ???} choices left open while composing a sweep's base, which every job
 *     must fill (Hydra's basic-sweep tutorial: {@code db: ???}, {@code -m db=a,b})
 */
public record DefaultsList(
    List<ResolvedDefault> entries,
    Map<String, String> choices,
    List<String> notices,
    List<Unchosen> unchosen) {

  /** A group whose choice is still {@code ???}, and the entry that left it open. */
  public record Unchosen(String key, String group, dev.hydra4j.config.Origin origin) {}

  public DefaultsList {
    entries = List.copyOf(entries);
    choices = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
    notices = List.copyOf(notices);
    unchosen = List.copyOf(unchosen);
  }
}
