package dev.hydra4j.settings;

import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The values of one node, checked against its schema: each key's typed value and origin. */
public final class CheckedSettings {

  private final SettingsSchema schema;
  private final Map<String, Object> values;
  private final Map<String, Origin> origins;

  CheckedSettings(SettingsSchema schema, Map<String, Object> values, Map<String, Origin> origins) {
    this.schema = schema;
    this.values =
        Map.copyOf(
            values.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    this.origins = Map.copyOf(origins);
  }

  /** A whole-number setting's value, or {@code null} when unset without a fallback. */
  public Long whole(String key) {
    return (Long) get(key);
  }

  /** A number setting's value, or {@code null} when unset without a fallback. */
  public Double decimal(String key) {
    Object value = get(key);
    return value == null ? null : ((Number) value).doubleValue();
  }

  /**
   * A word setting's value, or {@code null} when unset without a fallback (or, for a setting that
   * takes a word or a list, when it holds a list).
   */
  public String text(String key) {
    return get(key) instanceof String s ? s : null;
  }

  /**
   * A {@link SettingKind.WholeNumbers} setting's list, or {@code null} when unset or given as a
   * word.
   */
  public List<Long> wholeNumbers(String key) {
    if (!(get(key) instanceof List<?> list)) {
      return null;
    }
    List<Long> numbers = new ArrayList<>(list.size());
    for (Object item : list) {
      numbers.add((Long) item);
    }
    return List.copyOf(numbers);
  }

  /** Where the key's value was set ({@link Origin#BUILT_IN} when absent). */
  public Origin origin(String key) {
    return origins.getOrDefault(key, Origin.BUILT_IN);
  }

  private Object get(String key) {
    if (schema.find(key) == null) {
      throw new IllegalArgumentException("'" + key + "' is not declared by " + schema.owner());
    }
    return values.get(key);
  }
}
