package dev.hydra4j.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads a YAML config file the way Hydra does (OmegaConf's loader: PyYAML's SafeLoader with YAML
 * 1.1 typing, see {@link YamlImplicitTypes}) into a {@link ConfigFile} whose every node knows its
 * file, line and column. snakeyaml-engine's parser supplies the events and their positions; typing,
 * anchors, {@code <<} merge keys and duplicate-key checks are done here.
 *
 * <p>Plain keys are typed as Python Hydra types them ({@link DictKeys}); quoted keys are kept as
 * written.
 */
final class YamlReader {

  private static final int MAX_DEPTH = 500;

  /**
   * The most nodes a file may reach through aliases, counting each alias as the whole node it
   * repeats. The tree shares aliased nodes, but merging, printing and resolving walk every repeat,
   * so nested aliases (the "billion laughs") would otherwise cost time and memory exponential in
   * the file's size.
   */
  static final int MAX_ALIASED_NODES = 100_000;

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";

  /**
   * One parser configuration for the whole process, built on first use. Typing is ours, so the
   * failsafe schema spares building snakeyaml's resolver patterns.
   */
  private static final class Shared {
    static final Parse PARSE =
        new Parse(
            LoadSettings.builder()
                .setLabel("config")
                .setSchema(new FailsafeSchema())
                // ConfigText limits a file's size, with a message that says so.
                .setCodePointLimit(Integer.MAX_VALUE)
                .build());
  }

  private final String file;
  private final Iterator<Event> events;
  private final Map<String, Anchored> anchors = new HashMap<>();

  /** An anchored node, and its text when it is a scalar (for use as a key). */
  private record Anchored(ConfigNode node, String keyText, Origin origin, long weight) {}

  /** Nodes built so far, each alias counted as the nodes it repeats. */
  private long weight;

  /** Nodes reached through aliases so far. */
  private long aliasedWeight;

  private YamlReader(String file, Iterator<Event> events) {
    this.file = file;
    this.events = events;
  }

  static ConfigFile read(String text, String displayPath) {
    String header = PackageHeader.find(text, displayPath, false);
    ConfigNode root;
    try {
      root =
          new YamlReader(
                  displayPath, Shared.PARSE.parseReader(new WholeCharacters(text)).iterator())
              .document();
    } catch (YamlEngineException e) {
      throw YamlSyntaxErrors.translate(e, displayPath, text);
    }
    if (root == null || (root instanceof ConfigValue v && v.isNull())) {
      return new ConfigFile(ConfigMap.empty(Origin.ofFile(displayPath, 0, 0)), header);
    }
    if (!(root instanceof ConfigMap map)) {
      String kind = root instanceof ConfigList ? "a list" : "a single value";
      throw new ConfigException(
          "The top level of a config file must be a mapping, but " + displayPath + " holds " + kind,
          root.origin(),
          "write 'key: value' lines at the top level; a config file is merged into the config "
              + "by its keys");
    }
    return new ConfigFile(map, header);
  }

  private ConfigNode document() {
    next(); // stream start
    Event event = next();
    if (event instanceof StreamEndEvent) {
      return null;
    }
    ConfigNode root = node(next(), 0);
    next(); // document end
    Event after = next();
    if (after instanceof DocumentStartEvent) {
      throw new ConfigException(
          "A config file must hold one YAML document, but " + file + " has more",
          origin(after),
          "remove the '---' line and keep one document per file");
    }
    return root;
  }

  private Event next() {
    return events.next();
  }

  private ConfigNode node(Event event, int depth) {
    if (depth > MAX_DEPTH) {
      throw new ConfigException(
          "Config nesting is deeper than " + MAX_DEPTH + " levels",
          origin(event),
          "flatten the structure");
    }
    if (event instanceof AliasEvent alias) {
      Anchored target = aliased(alias);
      countAliased(target, alias);
      return target.node().withOrigin(origin(alias));
    }
    long weightBefore = weight++;
    NodeEvent start = (NodeEvent) event;
    ConfigNode built;
    String keyText = null;
    if (event instanceof ScalarEvent scalar) {
      built = new ConfigValue(scalarValue(scalar), origin(scalar));
      keyText = scalar.getValue();
    } else if (event instanceof SequenceStartEvent seq) {
      checkCollectionTag(seq.getTag(), "seq", seq);
      built = sequence(seq, depth);
    } else {
      MappingStartEvent map = (MappingStartEvent) event;
      checkCollectionTag(map.getTag(), "map", map);
      built = mapping(map, depth);
    }
    Optional<Anchor> anchor = start.getAnchor();
    if (anchor.isPresent()) {
      String name = anchor.get().getValue();
      Anchored earlier = anchors.get(name);
      if (earlier != null) {
        throw new ConfigException(
            "Anchor '&"
                + name
                + "' is defined twice (first at line "
                + earlier.origin().line()
                + ")",
            origin(event),
            "give each anchor its own name");
      }
      anchors.put(name, new Anchored(built, keyText, origin(event), weight - weightBefore));
    }
    return built;
  }

  private void countAliased(Anchored target, AliasEvent alias) {
    weight += target.weight();
    aliasedWeight += target.weight();
    if (aliasedWeight > MAX_ALIASED_NODES) {
      throw new ConfigException(
          "YAML aliases in "
              + file
              + " expand to more than "
              + MAX_ALIASED_NODES
              + " nodes (alias '*"
              + alias.getAlias().getValue()
              + "' repeats "
              + target.weight()
              + ")",
          origin(alias),
          "aliases that repeat aliases grow exponentially; write the values out, or split"
              + " them into config groups");
    }
  }

  private Anchored aliased(AliasEvent alias) {
    String name = alias.getAlias().getValue();
    Anchored target = anchors.get(name);
    if (target == null) {
      throw new ConfigException(
          "Alias '*" + name + "' refers to no anchor defined before it",
          origin(alias),
          "define '&"
              + name
              + "' earlier in the file; an alias cannot refer to a node that "
              + "contains it");
    }
    return target;
  }

  private ConfigList sequence(SequenceStartEvent start, int depth) {
    List<ConfigNode> items = new ArrayList<>();
    for (Event event = next(); !(event instanceof SequenceEndEvent); event = next()) {
      items.add(node(event, depth + 1));
    }
    return new ConfigList(items, origin(start));
  }

  /**
   * A mapping with PyYAML's merge-key rule: entries brought in by {@code <<} come first, in the
   * order PyYAML flattens them (a list of merged maps is taken last to first), and the mapping's
   * own keys override them. Only the mapping's own keys count as duplicates.
   */
  private ConfigMap mapping(MappingStartEvent start, int depth) {
    List<ConfigMap> merged = new ArrayList<>();
    LinkedHashMap<String, ConfigNode> own = new LinkedHashMap<>();
    Map<String, Origin> keyOrigins = new HashMap<>();
    for (Event keyEvent = next(); !(keyEvent instanceof MappingEndEvent); keyEvent = next()) {
      if (isMergeKey(keyEvent)) {
        mergeSources(node(next(), depth + 1), merged, keyEvent);
        continue;
      }
      String key = keyText(keyEvent);
      Origin keyOrigin = origin(keyEvent);
      Origin first = keyOrigins.putIfAbsent(key, keyOrigin);
      if (first != null) {
        throw new ConfigException(
            "Duplicate key '" + key + "' (first at line " + first.line() + ")",
            keyOrigin,
            "remove one of the two '" + key + "' entries; YAML keys must be unique in a mapping");
      }
      own.put(key, node(next(), depth + 1));
    }
    ConfigMap.Builder out = ConfigMap.builder(origin(start));
    for (ConfigMap source : merged) {
      source.entries().forEach(out::put);
    }
    own.forEach(out::put);
    return out.build();
  }

  private static boolean isMergeKey(Event event) {
    return event instanceof ScalarEvent s
        && s.isPlain()
        && s.getTag().isEmpty()
        && s.getValue().equals("<<");
  }

  private void mergeSources(ConfigNode value, List<ConfigMap> merged, Event keyEvent) {
    if (value instanceof ConfigMap map) {
      merged.add(map);
      return;
    }
    if (value instanceof ConfigList list) {
      List<ConfigMap> maps = new ArrayList<>();
      for (ConfigNode item : list.items()) {
        if (!(item instanceof ConfigMap map)) {
          throw mergeError(item.origin());
        }
        maps.add(map);
      }
      for (int i = maps.size() - 1; i >= 0; i--) {
        merged.add(maps.get(i));
      }
      return;
    }
    throw mergeError(value == null ? origin(keyEvent) : value.origin());
  }

  private static ConfigException mergeError(Origin origin) {
    return new ConfigException(
        "A '<<' merge key needs a mapping or a list of mappings",
        origin,
        "write '<<: *anchor' or '<<: [*one, *two]' where the anchors name mappings");
  }

  private String keyText(Event event) {
    if (event instanceof ScalarEvent scalar) {
      return scalar.isPlain() && scalar.getTag().isEmpty()
          ? typedKey(scalar.getValue(), origin(event))
          : scalar.getValue();
    }
    if (event instanceof AliasEvent alias) {
      Anchored target = aliased(alias);
      if (target.keyText() != null) {
        return target.keyText();
      }
    }
    throw new ConfigException(
        "A mapping key must be a scalar (text, number, ...)",
        origin(event),
        "use a plain key such as 'name:'; lists and mappings cannot be keys");
  }

  /**
   * A plain key as Python Hydra sees it: YAML types keys like values, and OmegaConf keys are then
   * named by Python's {@code str()}: {@code true:} is the key "True", {@code 0x10:} is "16", {@code
   * 3.140:} is "3.14"; a null key is refused, as OmegaConf refuses it (golden rw-dict-key-null).
   * Other keys keep their text.
   */
  private static String typedKey(String text, Origin origin) {
    Object typed = YamlImplicitTypes.plainValue(text);
    if (typed == null) {
      throw new ConfigException(
          "A mapping key cannot be null ('" + text + "')",
          origin,
          "quote the key to make it text: '" + text + "':");
    }
    return typed instanceof String ? text : DictKeys.of(typed);
  }

  private Object scalarValue(ScalarEvent scalar) {
    String text = scalar.getValue();
    Optional<String> tag = scalar.getTag();
    if (tag.isEmpty() || tag.get().equals("!")) {
      // Quoted and block scalars, and plain ones under the non-specific tag, are strings.
      return scalar.isPlain() && tag.isEmpty() ? YamlImplicitTypes.plainValue(text) : text;
    }
    String name =
        tag.get().startsWith(TAG_PREFIX) ? tag.get().substring(TAG_PREFIX.length()) : tag.get();
    Object value =
        switch (name) {
          case "str" -> text;
          case "null" -> null;
          case "int" -> YamlImplicitTypes.toInt(text);
          case "float" -> YamlImplicitTypes.toFloat(text);
          case "bool" -> YamlImplicitTypes.toBool(text);
          default ->
              throw new ConfigException(
                  "Unsupported YAML tag '" + tag.get() + "'",
                  origin(scalar),
                  "remove the tag; config values are strings, numbers, booleans "
                      + "or null (use !!str, !!int, !!float, !!bool or !!null to force a type)");
        };
    if ((value == null && name.equals("bool")) || YamlImplicitTypes.isNotANumber(value)) {
      throw new ConfigException(
          "'" + text + "' is not a valid !!" + name,
          origin(scalar),
          "fix the value or remove the '!!" + name + "' tag");
    }
    return value;
  }

  private void checkCollectionTag(Optional<String> tag, String expected, Event event) {
    if (tag.isPresent() && !tag.get().equals("!") && !tag.get().equals(TAG_PREFIX + expected)) {
      throw new ConfigException(
          "Unsupported YAML tag '" + tag.get() + "'",
          origin(event),
          "remove the tag; plain mappings and lists need none");
    }
  }

  private Origin origin(Event event) {
    Optional<Mark> mark = event.getStartMark();
    return mark.isPresent()
        ? Origin.ofFile(file, mark.get().getLine() + 1, mark.get().getColumn() + 1)
        : Origin.ofFile(file, 0, 0);
  }
}
