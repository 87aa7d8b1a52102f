package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.interpolate.InterpolationContext;
import dev.hydra4j.interpolate.Resolvers;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Composers for runs: one instant per run, so every {@code ${now:…}} of it agrees. */
final class Composers {

  private Composers() {}

  static Composer create(SearchPath searchPath, ZonedDateTime now) {
    return new Composer(
        searchPath, Resolvers.builtIn(), InterpolationContext.system().withNow(now));
  }

  /** The sweep's common part: the config composed with its non-swept overrides. */
  static dev.hydra4j.compose.Composition sweepBase(
      Composer composer, String configName, List<ParsedOverride> overrides) {
    return composer.compose(
        configName,
        overrides.stream().filter(o -> !o.isSweep()).toList(),
        dev.hydra4j.compose.RunMode.MULTIRUN);
  }

  static List<ParsedOverride> parse(List<String> texts) {
    List<ParsedOverride> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(OverrideParser.parse(text));
    }
    return out;
  }
}
