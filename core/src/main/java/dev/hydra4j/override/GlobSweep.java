package dev.hydra4j.override;

import dev.hydra4j.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code glob(include, exclude=...)}: the options of a config group whose names match an include
 * pattern and no exclude pattern, in the order the group lists them. Patterns are shell-style:
 * {@code *}, {@code ?}, {@code [abc]}, {@code [!abc]}.
 */
public record GlobSweep(List<String> include, List<String> exclude) implements Sweep {

  public GlobSweep {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  @Override
  public List<String> tags() {
    return List.of();
  }

  @Override
  public ValueType valueType() {
    return ValueType.GLOB_CHOICE_SWEEP;
  }

  /** The options of {@code groupOptions} this glob selects. */
  public List<String> filter(List<String> groupOptions) {
    List<String> out = new ArrayList<>();
    for (String option : groupOptions) {
      if (matchesAny(option, include) && !matchesAny(option, exclude)) {
        out.add(option);
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<SweepItem> expand(List<String> groupOptions, RandomGenerator random) {
    if (groupOptions == null) {
      throw new ConfigException(
          "glob() selects options of a config group, but this key is not a config group",
          null,
          "use choice(...) or a,b,c to sweep over the values of a config key");
    }
    List<SweepItem> out = new ArrayList<>();
    for (String option : filter(groupOptions)) {
      out.add(new SweepItem(option, CanonicalText.escapeUnquoted(option)));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toOverrideText() {
    return "glob(include="
        + OverrideText.of(include)
        + ",exclude="
        + OverrideText.of(exclude)
        + ")";
  }

  private static boolean matchesAny(String name, List<String> patterns) {
    for (String pattern : patterns) {
      if (GlobPattern.matches(pattern, name)) {
        return true;
      }
    }
    return false;
  }
}
