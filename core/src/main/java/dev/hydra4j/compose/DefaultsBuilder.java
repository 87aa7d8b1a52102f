package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFile;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the primary config's defaults list, recursively, into the final {@link DefaultsList}.
 * Entries are expanded last to first so that {@code override} entries found in later configs (an
 * experiment's {@code override /db: sqlite}) apply to earlier defaults; entries whose option is
 * interpolated wait until the others are chosen.
 */
final class DefaultsBuilder {

  static final String ROOT = "<root>";
  static final String HYDRA_CONFIG = "hydra/config";
  private static final Pattern CHOICE_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private final ConfigRepository repository;
  private final VersionBase versionBase;
  private final ChoiceOverrides overrides = new ChoiceOverrides();
  private final Map<String, String> choices = new LinkedHashMap<>();

  /** Where each group got its option: the entry that wins, since entries expand last first. */
  private final Map<String, Chosen> selected = new LinkedHashMap<>();

  private record Chosen(Origin origin, String group, List<String> options, boolean multiple) {

    /**
     * Whether choosing {@code other} again conflicts: Hydra only refuses a second, different single
     * option (the same option twice, or a list, is merged again).
     */
    boolean conflictsWith(List<String> other, boolean otherMultiple) {
      return !multiple && !otherMultiple && !options.equals(other);
    }
  }

  private final Set<String> expanding = new HashSet<>();
  private final Map<String, GroupOverride> appendedByKey = new LinkedHashMap<>();
  private final List<String> notices = new ArrayList<>();

  /** Group choices merged as plain configs, by key: Hydra allows each once in the result. */
  private final Map<String, Origin> leafChoices = new LinkedHashMap<>();

  private final boolean skipMissing;
  private final List<DefaultsList.Unchosen> unchosen = new ArrayList<>();

  private DefaultsBuilder(
      ConfigRepository repository, VersionBase versionBase, boolean skipMissing) {
    this.repository = repository;
    this.versionBase = versionBase;
    this.skipMissing = skipMissing;
  }

  /** A node of the defaults tree: one loaded config and what its defaults list chose. */
  private record Node(
      String configPath,
      String packageName,
      String parent,
      boolean primary,
      ConfigFile file,
      boolean hasDefaults,
      List<Object> children) {}

  private static final Object SELF = new Object();

  static DefaultsList build(
      ConfigRepository repository,
      String primaryName,
      List<GroupOverride> commandLine,
      boolean withHydra,
      VersionBase versionBase,
      boolean skipMissing) {
    List<GroupOverride> forced = new ArrayList<>();
    while (true) {
      try {
        return new DefaultsBuilder(repository, versionBase, skipMissing)
            .run(primaryName, commandLine, forced, withHydra);
      } catch (UnusedForceAdd retry) {
        // '++group=opt' for a group nothing selects: add it, as '+group=opt' would.
        forced.add(retry.override);
      }
    }
  }

  private static final class UnusedForceAdd extends RuntimeException {
    final transient GroupOverride override;

    UnusedForceAdd(GroupOverride override) {
      super(null, null, false, false);
      this.override = override;
    }
  }

  private DefaultsList run(
      String primaryName,
      List<GroupOverride> commandLine,
      List<GroupOverride> forcedAppends,
      boolean withHydra) {
    // Within the command line the last choice of a group wins (db=x db=y is db=y, as in
    // Hydra): registering from the end makes it the first registration.
    for (int i = commandLine.size() - 1; i >= 0; i--) {
      GroupOverride o = commandLine.get(i);
      switch (o.kind()) {
        case ADD -> {}
        case FORCE_ADD -> {
          if (!forcedAppends.contains(o)) {
            overrides.register(o.key(), choice(o, false));
          }
        }
        case CHANGE -> overrides.register(o.key(), choice(o, false));
        case DELETE -> overrides.register(o.key(), choice(o, true));
      }
    }
    // '+group=opt' appends to the primary config's defaults list, as Hydra does: the
    // primary config becomes the parent of the added group.
    List<DefaultsEntry> appends = new ArrayList<>();
    for (GroupOverride o : commandLine) {
      if (o.kind() == GroupOverride.Kind.ADD
          || o.kind() == GroupOverride.Kind.FORCE_ADD && forcedAppends.contains(o)) {
        appendedByKey.put(o.key(), o);
        appends.add(
            new DefaultsEntry.Group(
                "/" + o.group(),
                o.packageName(),
                o.options(),
                o.multiple(),
                false,
                false,
                o.origin()));
      }
    }
    ConfigFile primary = repository.load(primaryName);
    if (primary == null) {
      throw new MissingConfigException(primaryName, repository);
    }
    String primaryDir = Packages.directoryOf(primaryName);
    String primaryPackage = Packages.of("", null, header(primary, primaryDir), primaryDir);
    List<Node> rootChildren = new ArrayList<>();
    // The primary config first (its 'override hydra/launcher: x' must be seen before
    // hydra's own defaults expand), then hydra's; merged hydra first.
    Node primaryNode =
        expand(primaryName, primaryPackage, ROOT, true, primary, primaryDir, appends);
    if (withHydra) {
      ConfigFile hydra = repository.load(HYDRA_CONFIG);
      rootChildren.add(expand(HYDRA_CONFIG, "hydra", ROOT, false, hydra, "hydra", List.of()));
    }
    rootChildren.add(primaryNode);
    for (GroupOverride o : commandLine) {
      if (o.kind() == GroupOverride.Kind.FORCE_ADD
          && !forcedAppends.contains(o)
          && overrides.take(o.key()) != null
          && !selected.containsKey(o.key())) {
        throw new UnusedForceAdd(o);
      }
    }
    overrides.checkAllUsed();
    List<ResolvedDefault> flat = new ArrayList<>();
    for (Node child : rootChildren) {
      flatten(child, flat);
    }
    return new DefaultsList(flat, choices, notices, unchosen);
  }

  private static ChoiceOverrides.Choice choice(GroupOverride o, boolean delete) {
    String deleteOnlyIf = delete && !o.options().isEmpty() ? o.options().get(0) : null;
    return new ChoiceOverrides.Choice(
        o.options(),
        o.multiple(),
        delete,
        deleteOnlyIf,
        null,
        o.text().replaceFirst("^[+~]+", ""),
        o.origin());
  }

  /**
   * Expands one config's defaults list.
   *
   * @param dir the group its relative defaults are resolved in: the group it was chosen from
   *     ({@code model} for the option {@code lm/big}, as in Hydra), else its directory
   * @param appended entries added after its own ({@code +group=opt}; the primary only)
   */
  private Node expand(
      String configPath,
      String pkg,
      String parent,
      boolean primary,
      ConfigFile file,
      String dir,
      List<DefaultsEntry> appended) {
    if (!expanding.add(configPath + "@" + pkg)) {
      throw new ConfigException(
          "The defaults list of '"
              + configPath
              + "' includes itself (directly or through"
              + " another config)",
          file.root().origin(),
          "remove the entry that leads back to '" + configPath + "'");
    }
    ConfigMap root = file.root();
    List<DefaultsEntry> entries = new ArrayList<>();
    if (root.has("defaults")) {
      for (DefaultsEntry entry :
          DefaultsParser.parse(root.get("defaults"), configPath, versionBase)) {
        entries.add(legacyOverride(entry));
      }
    }
    // Hydra adds _self_ (last) to a list that has other defaults but no _self_; a list of
    // overrides only leaves the config a plain entry (what --info defaults shows).
    boolean hasSelf = entries.stream().anyMatch(e -> e instanceof DefaultsEntry.Self);
    boolean hasChoices =
        entries.stream().anyMatch(e -> !(e instanceof DefaultsEntry.Group g && g.override()));
    if (!hasSelf && (hasChoices || entries.isEmpty() && !appended.isEmpty())) {
      entries.add(new DefaultsEntry.Self(root.origin()));
    }
    entries.addAll(appended);
    // Within one list the first override of a group wins, as in Hydra; across lists the
    // later list wins, because it is expanded (and registers) first.
    for (DefaultsEntry entry : entries) {
      if (entry instanceof DefaultsEntry.Group g && g.override()) {
        String group = Packages.absolutePath(dir, g.group());
        String childPkg = Packages.of(pkg, g.packageName(), null, stripSlash(g.group()));
        overrides.register(
            Packages.choiceKey(group, childPkg),
            new ChoiceOverrides.Choice(
                g.options(),
                g.multiple(),
                false,
                null,
                configPath,
                g.group() + "=" + String.join(",", g.options()),
                g.origin()));
      }
    }
    if (entries.stream().noneMatch(e -> e instanceof DefaultsEntry.Self)) {
      expanding.remove(configPath + "@" + pkg);
      return new Node(configPath, pkg, parent, primary, file, false, List.of());
    }
    checkDuplicates(entries, dir, pkg);
    Object[] slots = new Object[entries.size()];
    List<Integer> order = new ArrayList<>();
    List<Integer> deferred = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0; i--) {
      boolean interpolated =
          entries.get(i) instanceof DefaultsEntry.Group g && !g.override() && g.isInterpolated();
      (interpolated ? deferred : order).add(i);
    }
    order.addAll(deferred);
    for (int i : order) {
      DefaultsEntry entry = entries.get(i);
      if (entry instanceof DefaultsEntry.Self) {
        slots[i] = SELF;
      } else if (entry instanceof DefaultsEntry.Config c) {
        slots[i] = expandConfig(c, dir, pkg, configPath);
      } else if (entry instanceof DefaultsEntry.Group g && !g.override()) {
        String group = Packages.absolutePath(dir, g.group());
        String childPkg = Packages.of(pkg, g.packageName(), null, stripSlash(g.group()));
        String key = Packages.choiceKey(group, childPkg);
        slots[i] =
            expandGroup(
                group,
                childPkg,
                key,
                g.options(),
                g.multiple(),
                g.optional(),
                configPath,
                g.packageName() != null,
                g.origin());
      }
    }
    List<Object> children = new ArrayList<>();
    for (Object slot : slots) {
      if (slot == SELF) {
        children.add(SELF);
      } else if (slot instanceof Node n) {
        children.add(n);
      } else if (slot instanceof List<?> nodes) {
        children.addAll(nodes);
      }
    }
    expanding.remove(configPath + "@" + pkg);
    return new Node(configPath, pkg, parent, primary, file, true, children);
  }

  /**
   * Hydra 1.1 let a {@code hydra/…} entry replace hydra's own choice without the {@code override}
   * keyword; from version base 1.2 on it is an ordinary (duplicate) default.
   */
  private DefaultsEntry legacyOverride(DefaultsEntry entry) {
    if (versionBase.legacy()
        && entry instanceof DefaultsEntry.Group g
        && !g.override()
        && stripSlash(g.group()).startsWith("hydra/")) {
      return new DefaultsEntry.Group(
          g.group(), g.packageName(), g.options(), g.multiple(), g.optional(), true, g.origin());
    }
    return entry;
  }

  /**
   * A config's {@code # @package} header as the version base reads it: below 1.2, {@code _group_}
   * is the config's default package (a header of just {@code _group_} is no header); from 1.2 on it
   * is an ordinary key (golden rw-version-base-13-group-header).
   */
  private String header(ConfigFile file, String defaultPackage) {
    String header = file.packageHeader();
    if (header == null || !versionBase.legacy()) {
      return header;
    }
    if (header.equals("_group_")) {
      return null;
    }
    return header.replace("_group_", defaultPackage.replace('/', '.'));
  }

  private Node expandConfig(DefaultsEntry.Config c, String dir, String pkg, String parent) {
    String path = Packages.absolutePath(dir, c.path());
    ConfigFile file = repository.load(path);
    if (file == null) {
      if (c.optional()) {
        return null;
      }
      throw new ConfigException(
          "Could not find config '" + path + "' (listed in the defaults of '" + parent + "')",
          c.origin(),
          Suggestions.forMissingConfig(repository, path));
    }
    String childDir = Packages.directoryOf(path);
    String childPkg =
        Packages.of(
            pkg,
            c.packageName(),
            header(file, childDir),
            Packages.directoryOf(stripSlash(c.path())));
    return expand(path, childPkg, parent, false, file, childDir, List.of());
  }

  private List<Node> expandGroup(
      String group,
      String pkg,
      String key,
      List<String> written,
      boolean multiple,
      boolean optional,
      String parent,
      boolean explicitPackage,
      Origin origin) {
    List<String> options = written;
    boolean isMultiple = multiple;
    ChoiceOverrides.Choice override = overrides.take(key);
    if (override != null) {
      if (override.delete()) {
        if (override.deleteOnlyIf() != null && !options.contains(override.deleteOnlyIf())) {
          throw new ConfigException(
              "Could not delete '"
                  + key
                  + "': its option is "
                  + String.join(",", options)
                  + ", not "
                  + override.deleteOnlyIf(),
              override.origin(),
              "use ~" + key + " to delete whatever is selected");
        }
        selected.put(key, new Chosen(origin, group, List.of(), false));
        return List.of();
      }
      options = override.options();
      isMultiple = override.multiple();
      origin = override.origin();
    }
    if (selected.containsKey(key) && selected.get(key).conflictsWith(options, isMultiple)) {
      if (appendedByKey.containsKey(key)) {
        throw alreadySelected(appendedByKey.get(key));
      }
      Chosen later = selected.get(key);
      throw new ConfigException(
          "Multiple values for " + key + ": chosen here and again at " + later.origin(),
          origin,
          "to replace this choice, write 'override /"
              + later.group()
              + ": "
              + String.join(",", later.options())
              + "' at "
              + later.origin());
    }
    selected.putIfAbsent(key, new Chosen(origin, group, options, isMultiple));
    options = resolveInterpolations(options, key, origin);
    boolean named =
        versionBase.legacy() && pkg.contains("_name_") && !isMultiple && options.get(0) != null;
    if (named) {
      // Hydra 1.1: '_name_' in a package is the chosen option's name.
      pkg = pkg.replace("_name_", options.get(0));
      key = Packages.choiceKey(group, pkg);
    }
    if (!isMultiple) {
      choices.put(key, options.get(0));
    }
    List<Node> nodes = new ArrayList<>();
    for (String option : options) {
      if (option == null) {
        continue;
      }
      if (option.equals("???") && skipMissing) {
        unchosen.add(new DefaultsList.Unchosen(key, group, origin));
        continue;
      }
      if (option.equals("???")) {
        throw new ConfigException(
            "You must choose an option for group '" + key + "'",
            origin,
            "add "
                + key
                + "=<option> to the command line; available: "
                + String.join(", ", repository.options(group)));
      }
      requireInsideGroup(group, option, origin);
      String path = group + "/" + option;
      ConfigFile file = repository.load(path);
      if (file == null) {
        if (optional) {
          continue;
        }
        if (PluginOptions.isLoggingGroup(group)) {
          notices.add(PluginOptions.loggingNotice(group, option, origin));
          continue;
        }
        throw new ConfigException(
            "Could not find option '" + option + "' of config group '" + group + "'",
            origin,
            Suggestions.forMissingOption(repository, group, option));
      }
      // A '# @package' header moves the content unless the defaults entry names a
      // package (golden cases compose-package-header-*); the choice key stays as written.
      String header = header(file, group);
      String childPkg = header != null && !explicitPackage ? Packages.absolute(header) : pkg;
      Node node = expand(path, childPkg, parent, false, file, group, List.of());
      Origin first = isMultiple || node.hasDefaults() ? null : leafChoices.putIfAbsent(key, origin);
      if (first != null) {
        // The same option chosen twice is allowed, but a config without a defaults list
        // may appear once (golden rw-add-group-same-option-again).
        if (appendedByKey.containsKey(key)) {
          throw alreadySelected(appendedByKey.get(key));
        }
        throw new ConfigException(
            "'"
                + key
                + "' appears twice in the defaults list ("
                + path
                + ", also chosen at "
                + first
                + ")",
            origin,
            "remove one of the two entries");
      }
      nodes.add(node);
    }
    return nodes;
  }

  /**
   * An option names a file of its group, possibly in a subdirectory ({@code lm/big}); it cannot
   * leave the group. Python Hydra loads {@code experiment=../training/base} from another group;
   * hydra4j refuses it, so a value never reaches files it should not.
   */
  private void requireInsideGroup(String group, String option, Origin origin) {
    boolean leaves = option.startsWith("/") || option.startsWith("\\");
    for (String part : option.split("[/\\\\]")) {
      leaves |= part.equals("..") || part.equals(".");
    }
    if (leaves) {
      throw new ConfigException(
          "Option '" + option + "' of config group '" + group + "' points outside the group",
          origin,
          "an option is a file of "
              + group
              + "/ (subdirectories such as 'a/b' work);"
              + " options: "
              + String.join(", ", repository.options(group)));
    }
  }

  private List<String> resolveInterpolations(List<String> options, String key, Origin origin) {
    List<String> out = new ArrayList<>(options.size());
    for (String option : options) {
      if (option == null || !option.contains("${")) {
        out.add(option);
        continue;
      }
      Matcher m = CHOICE_REFERENCE.matcher(option);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String ref = m.group(1).trim();
        if (!choices.containsKey(ref)) {
          throw new ConfigException(
              "The option of group '"
                  + key
                  + "' refers to ${"
                  + ref
                  + "}, but no group '"
                  + ref
                  + "' has been chosen",
              origin,
              "known groups: " + String.join(", ", choices.keySet()));
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(choices.get(ref))));
      }
      m.appendTail(sb);
      out.add(sb.toString());
    }
    return out;
  }

  private void checkDuplicates(List<DefaultsEntry> entries, String dir, String pkg) {
    Map<String, DefaultsEntry.Group> seen = new LinkedHashMap<>();
    for (DefaultsEntry entry : entries) {
      if (entry instanceof DefaultsEntry.Group g && !g.override()) {
        String group = Packages.absolutePath(dir, g.group());
        String key =
            Packages.choiceKey(
                group, Packages.of(pkg, g.packageName(), null, stripSlash(g.group())));
        DefaultsEntry.Group earlier = seen.get(key);
        if (earlier != null
            && new Chosen(earlier.origin(), group, earlier.options(), earlier.multiple())
                .conflictsWith(g.options(), g.multiple())) {
          if (appendedByKey.containsKey(key)) {
            throw alreadySelected(appendedByKey.get(key));
          }
          throw new ConfigException(
              "Multiple values for " + key + " in one defaults list",
              g.origin(),
              "to change the earlier choice, write 'override "
                  + g.group()
                  + ": "
                  + String.join(",", g.options())
                  + "'");
        }
        seen.put(key, g);
      }
    }
  }

  private ConfigException alreadySelected(GroupOverride add) {
    return new ConfigException(
        "Could not add '" + add.key() + "': it is already in the defaults list",
        add.origin(),
        "to change its option, drop the '+': " + add.text().substring(1));
  }

  private static String stripSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static void flatten(Node node, List<ResolvedDefault> out) {
    ConfigMap content = node.file().root().without("defaults");
    if (!node.hasDefaults()) {
      out.add(
          new ResolvedDefault(
              node.configPath(),
              node.packageName(),
              node.parent(),
              false,
              node.primary(),
              content));
      return;
    }
    for (Object child : node.children()) {
      if (child == SELF) {
        out.add(
            new ResolvedDefault(
                node.configPath(),
                node.packageName(),
                node.parent(),
                true,
                node.primary(),
                content));
      } else {
        flatten((Node) child, out);
      }
    }
  }
}
