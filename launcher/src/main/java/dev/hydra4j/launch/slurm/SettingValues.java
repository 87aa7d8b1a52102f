package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.launch.slurm.SlurmKey.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one launcher setting into its normal form, or says precisely what is wrong with it: TEXT,
 * GPUS, GIGABYTES, MEMORY become the text sbatch receives; COUNT, AMOUNT, MINUTES a {@link Long};
 * LINES and WORDS a list of strings; OPTIONS a map of sbatch option name to value ({@code null} for
 * a flag without value). {@code null} means not set.
 */
final class SettingValues {

  private static final Pattern GPU_TYPE_COUNT = Pattern.compile("[A-Za-z0-9_.-]+:[0-9]+");
  private static final Pattern SIZE = Pattern.compile("[0-9]+[KMGTkmgt]?");
  private static final Pattern OPTION_NAME = Pattern.compile("[a-z][a-z0-9-]+");
  private static final String NAME_CHARS = "[A-Za-z0-9_.-]+";

  /** What each restricted kind of text may hold; anything else is refused before sbatch. */
  private static final Map<Kind, Pattern> SYNTAX =
      Map.of(
          Kind.NAMES, Pattern.compile(NAME_CHARS + "(," + NAME_CHARS + ")*"),
          Kind.FEATURES, Pattern.compile("[A-Za-z0-9_.,&|()\\[\\]*!-]+"),
          Kind.NODE_LIST, Pattern.compile("[A-Za-z0-9_.,\\[\\]-]+"),
          Kind.GRES, Pattern.compile("[A-Za-z0-9_.:,-]+"));

  private static final Map<Kind, String> EXAMPLES =
      Map.of(
          Kind.NAMES,
          "gpu",
          Kind.FEATURES,
          "'a100&ib'",
          Kind.NODE_LIST,
          "'node[1-3],node7'",
          Kind.GRES,
          "gpu:2");

  /** sbatch options that have a key, or a pair of keys, under another name. */
  private static final Map<String, String> OPTIONS_WITH_KEYS =
      Map.of(
          "ntasks",
              "hydra.launcher.nodes and hydra.launcher.tasks_per_node (tasks = their product)",
          "mem", "hydra.launcher.mem_gb",
          "time", "hydra.launcher.timeout_min");

  /** sbatch options hydra4j writes itself, whatever the config says. */
  private static final Set<String> OWN_OPTIONS =
      Set.of(
          "array",
          "output",
          "error",
          "input",
          "open-mode",
          "parsable",
          "test-only",
          "wrap",
          "signal",
          "requeue",
          "no-requeue");

  private SettingValues() {}

  static Object read(SlurmKey key, ConfigNode node) {
    if (node == null || node instanceof ConfigValue v && v.value() == null) {
      return null;
    }
    if (node instanceof ConfigValue v && v.isMissing()) {
      throw new ConfigException(
          key.path() + " is missing (???)",
          node.origin(),
          "give it a value, or null to leave it unset");
    }
    return switch (key.kind) {
      case NAME -> name(key, node);
      case TEXT -> text(key, node);
      case NAMES, FEATURES, NODE_LIST, GRES -> restricted(key, node);
      case COUNT -> whole(key, node, 1);
      case AMOUNT -> whole(key, node, 0);
      case GPUS -> gpus(key, node);
      case GIGABYTES -> gigabytes(key, node);
      case MEMORY -> memory(key, node);
      case MINUTES -> minutes(key, node);
      case LINES, WORDS -> words(key, node);
      case OPTIONS -> options(key, node);
    };
  }

  private static String name(SlurmKey key, ConfigNode node) {
    if (node instanceof ConfigValue v && "slurm".equals(v.value())) {
      return "slurm";
    }
    throw invalid(key, node, "slurm");
  }

  static String text(SlurmKey key, ConfigNode node) {
    return oneLine(key.path(), node, key.kind);
  }

  private static String restricted(SlurmKey key, ConfigNode node) {
    String text = oneLine(key.path(), node, key.kind);
    if (!SYNTAX.get(key.kind).matcher(text).matches()) {
      throw invalid(key, node, EXAMPLES.get(key.kind));
    }
    return text;
  }

  private static String oneLine(String path, ConfigNode node, Kind kind) {
    if (!(node instanceof ConfigValue v) || v.value() instanceof Boolean) {
      throw invalid(
          path,
          node,
          kind.description,
          "e.g. " + path + "=" + EXAMPLES.getOrDefault(kind, "debug"));
    }
    String text =
        v.value() instanceof Double d
            ? BigDecimal.valueOf(d).toPlainString()
            : String.valueOf(v.value());
    if (text.isEmpty()) {
      throw new ConfigException(
          path + " is empty", node.origin(), "give it a value, or null to leave it unset");
    }
    // An #SBATCH line ends at a newline: the rest would run as shell code.
    String why = ShellText.refusal(text, ShellText.Place.LINE);
    if (why != null) {
      throw new ConfigException(
          path + " must be one line, not " + quoted(text) + ": it holds " + why,
          node.origin(),
          "remove the line break or NUL");
    }
    return text;
  }

  private static Long whole(SlurmKey key, ConfigNode node, long min) {
    if (node instanceof ConfigValue v
        && v.value() instanceof Number n
        && !(n instanceof Double d && (d != Math.rint(d) || d.isInfinite()))
        && n.doubleValue() >= min
        && n.doubleValue() <= Integer.MAX_VALUE) {
      return n.longValue();
    }
    throw invalid(key, node, String.valueOf(Math.max(min, 1) * 4));
  }

  private static String gpus(SlurmKey key, ConfigNode node) {
    if (node instanceof ConfigValue v
        && v.value() instanceof String s
        && GPU_TYPE_COUNT.matcher(s).matches()) {
      return s;
    }
    Long n = whole(key, node, 0);
    return n == 0 ? null : String.valueOf(n);
  }

  private static String gigabytes(SlurmKey key, ConfigNode node) {
    if (node instanceof ConfigValue v
        && v.value() instanceof Number n
        && n.doubleValue() > 0
        && Double.isFinite(n.doubleValue())) {
      BigDecimal gb = new BigDecimal(n.toString());
      if (gb.stripTrailingZeros().scale() <= 0) {
        return gb.toBigInteger() + "G";
      }
      // SLURM takes whole units only: a fraction of a gigabyte is given in megabytes.
      return gb.multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.CEILING) + "M";
    }
    throw invalid(key, node, "16");
  }

  private static String memory(SlurmKey key, ConfigNode node) {
    if (node instanceof ConfigValue v
        && v.value() instanceof String s
        && SIZE.matcher(s).matches()
        && !s.matches("0+[A-Za-z]?")) {
      return s.toUpperCase(Locale.ROOT);
    }
    return String.valueOf(whole(key, node, 1));
  }

  private static Long minutes(SlurmKey key, ConfigNode node) {
    if (node instanceof ConfigValue v
        && v.value() instanceof Number n
        && n.doubleValue() > 0
        && n.doubleValue() <= Integer.MAX_VALUE) {
      // SLURM counts whole minutes; a shorter limit would be rounded up by SLURM anyway.
      return (long) Math.ceil(n.doubleValue());
    }
    throw invalid(key, node, "60");
  }

  private static List<String> words(SlurmKey key, ConfigNode node) {
    if (!(node instanceof ConfigList list)) {
      String example = key == SlurmKey.SETUP ? "['module load cuda']" : "[--mpi=pmix]";
      throw invalid(key.path(), node, key.kind.description, "e.g. " + key.path() + "=" + example);
    }
    List<String> out = new ArrayList<>();
    for (ConfigNode item : list.items()) {
      if (!(item instanceof ConfigValue v) || v.value() == null || v.value() instanceof Boolean) {
        throw invalid(key.path(), item, key.kind.description, "each item is one string");
      }
      String text = String.valueOf(v.value());
      String why = ShellText.refusal(text, ShellText.Place.WORD);
      if (why != null) {
        throw new ConfigException(
            key.path() + " item " + quoted(text) + " holds " + why,
            item.origin(),
            "remove it: no program can receive it");
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  private static Map<String, String> options(SlurmKey key, ConfigNode node) {
    if (!(node instanceof ConfigMap map)) {
      throw invalid(
          key.path(),
          node,
          key.kind.description,
          "e.g. " + key.path() + "={mail_type: END, mail_user: me@lab.org}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
      String option = e.getKey().replace('_', '-');
      String path = key.path() + "." + e.getKey();
      ConfigNode value = e.getValue();
      if (!OPTION_NAME.matcher(option).matches()) {
        throw new ConfigException(
            "'" + e.getKey() + "' in " + key.path() + " is not an sbatch option name",
            value.origin(),
            "give sbatch's long option name without dashes, e.g. mail_type or mail-type");
      }
      if (OWN_OPTIONS.contains(option)) {
        throw new ConfigException(
            "hydra4j sets --" + option + " itself; remove " + path,
            value.origin(),
            "see docs/slurm.md for what the launcher controls");
      }
      if (OPTIONS_WITH_KEYS.containsKey(option)) {
        throw new ConfigException(
            "--" + option + " is set through " + OPTIONS_WITH_KEYS.get(option) + "; remove " + path,
            value.origin(),
            "e.g. hydra.launcher.tasks_per_node=2 runs two tasks under srun");
      }
      for (SlurmKey k : SlurmKey.values()) {
        if (("--" + option).equals(k.sbatchOption)) {
          throw new ConfigException(
              "--" + option + " has its own key: use " + k.path() + " instead of " + path,
              value.origin(),
              "e.g. " + k.path() + "=...");
        }
      }
      if (value instanceof ConfigValue v
          && (v.value() == null || Boolean.FALSE.equals(v.value()))) {
        continue;
      }
      if (value instanceof ConfigValue v && Boolean.TRUE.equals(v.value())) {
        out.put(option, null);
      } else {
        out.put(option, oneLine(path, value, Kind.TEXT));
      }
    }
    return out;
  }

  private static ConfigException invalid(SlurmKey key, ConfigNode node, String example) {
    return invalid(key.path(), node, key.kind.description, "e.g. " + key.path() + "=" + example);
  }

  private static ConfigException invalid(String path, ConfigNode node, String wanted, String hint) {
    return new ConfigException(
        path + " must be " + wanted + ", not " + shown(node), node.origin(), hint);
  }

  private static String shown(ConfigNode node) {
    if (node instanceof ConfigValue v) {
      return v.value() instanceof String s ? quoted(s) : String.valueOf(v.value());
    }
    return node instanceof ConfigList ? "a list" : "a map";
  }

  private static String quoted(String s) {
    return "'" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0") + "'";
  }
}
