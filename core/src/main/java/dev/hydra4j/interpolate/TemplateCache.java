package dev.hydra4j.interpolate;

import dev.hydra4j.interpolate.Template.Arg;
import dev.hydra4j.interpolate.Template.NodeRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Parsed templates by their text, shared by every {@link Interpolator} in the process: a sweep
 * resolves the same few strings for each of its thousands of jobs, and parsing is a pure function
 * of the text. Bounded so that an endless stream of distinct strings (say, generated command words)
 * cannot grow it without limit; past the bound, strings are parsed each time.
 */
final class TemplateCache {

  static final TemplateCache SHARED = new TemplateCache(20_000);

  private final int limit;
  private final Map<String, Template> templates = new ConcurrentHashMap<>();
  private final Map<String, Arg> elements = new ConcurrentHashMap<>();
  private final Map<String, NodeRef> keys = new ConcurrentHashMap<>();
  private final AtomicLong parses = new AtomicLong();

  TemplateCache(int limit) {
    this.limit = limit;
  }

  /** The parse of an interpolation string; throws {@link TemplateParser.SyntaxError}. */
  Template template(String text) {
    return cached(templates, text, TemplateParser::parse);
  }

  /** The parse of a whole string as one element, for {@code oc.decode}. */
  Arg element(String text) {
    return cached(elements, text, TemplateParser::parseElement);
  }

  /** The parse of a key such as {@code a.b[0]} or {@code ..x}. */
  NodeRef key(String text) {
    return cached(keys, text, TemplateParser::parseKey);
  }

  /** How many strings were parsed so far (for tests of the cache). */
  long parses() {
    return parses.get();
  }

  private <T> T cached(Map<String, T> map, String text, Function<String, T> parser) {
    T known = map.get(text);
    if (known != null) {
      return known;
    }
    parses.incrementAndGet();
    T parsed = parser.apply(text);
    if (map.size() < limit) {
      map.putIfAbsent(text, parsed);
    }
    return parsed;
  }
}
