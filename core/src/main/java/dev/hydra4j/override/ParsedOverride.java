package dev.hydra4j.override;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.List;
import java.util.Objects;

/**
 * One parsed command-line override, e.g. {@code +db@backup=mysql} or {@code lr=0.1,0.01}.
 *
 * @param type what the prefix asks for (change, add, force-add, delete)
 * @param key the config key ({@code a.b.c}) or config group ({@code hydra/launcher}); empty for
 *     {@code =value}
 * @param packageName the package after {@code @} (possibly empty), or {@code null}
 * @param value the value; {@code null} only for a bare delete ({@code ~key})
 * @param input the override exactly as the user wrote it
 */
public record ParsedOverride(
    OverrideType type, String key, String packageName, OverrideValue value, String input) {

  public ParsedOverride {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    if (value == null && type != OverrideType.DEL) {
      throw new IllegalArgumentException("only a delete override may have no value");
    }
  }

  public boolean isSweep() {
    return value != null && value.isSweep();
  }

  public boolean isDelete() {
    return type == OverrideType.DEL;
  }

  public boolean isAdd() {
    return type == OverrideType.ADD || type == OverrideType.FORCE_ADD;
  }

  /** The key with its package, as written: {@code db@backup}, or {@code db}. */
  public String keyWithPackage() {
    return packageName == null ? key : key + "@" + packageName;
  }

  /** The element value, or {@code null} for a bare delete; fails for a sweep. */
  public Element element() {
    if (value instanceof Sweep) {
      throw new IllegalStateException(input + " is a sweep, not a single value");
    }
    return (Element) value;
  }

  /**
   * The values this override hands to jobs: a single element gives one item, a sweep its items.
   * Errors carry this override as their origin.
   *
   * @param groupOptions the options of the config group {@link #key()} names, or {@code null} when
   *     it is not a group (only glob needs them)
   */
  public List<SweepItem> expand(List<String> groupOptions) {
    if (value == null) {
      throw new IllegalStateException(input + " has no value");
    }
    if (value instanceof Element element) {
      return List.of(element.asSweepItem());
    }
    try {
      return ((Sweep) value).expand(groupOptions);
    } catch (ConfigException e) {
      throw new ConfigException(
          e.getMessage() + " (in override '" + input + "')", Origin.ofOverride(input), e.hint(), e);
    }
  }

  /**
   * The override one job receives for one swept value: {@code lr=0.01}, {@code +db=mysql}, {@code
   * db@pkg=x}. This is the line Hydra writes to {@code .hydra/overrides.yaml} for a sweep; for an
   * override that is not a sweep Hydra writes {@link #input()} unchanged (sweeps.json: {@code
   * +extra=x}).
   */
  public String jobOverride(SweepItem item) {
    return type.prefix() + keyWithPackage() + "=" + item.text();
  }

  /** Override text that parses back to an equal override (not always the user's text). */
  @Override
  public String toString() {
    String head = type.prefix() + keyWithPackage();
    if (value == null) {
      return head;
    }
    // key= already means the empty string; no need for key=''.
    boolean empty = value instanceof Element e && "".equals(e.raw());
    return head + "=" + (empty ? "" : value.toOverrideText());
  }
}
