package dev.hydra4j.override;

import dev.hydra4j.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A sweep over listed values: {@code a,b,c} (the simple form) or {@code choice(a,b,c)}.
 *
 * @param items the values, each an {@link Element}; Hydra also accepts other sweeps here ({@code
 *     choice(a,b),c}), which parse but cannot be expanded
 * @param simpleForm written as a bare comma list
 * @param shuffle jobs get the items in random order
 */
public record ChoiceSweep(
    List<OverrideValue> items, boolean simpleForm, boolean shuffle, List<String> tags)
    implements Sweep {

  public ChoiceSweep {
    items = List.copyOf(items);
    tags = List.copyOf(tags);
  }

  @Override
  public ValueType valueType() {
    return simpleForm ? ValueType.SIMPLE_CHOICE_SWEEP : ValueType.CHOICE_SWEEP;
  }

  @Override
  public List<SweepItem> expand(List<String> groupOptions, RandomGenerator random) {
    List<SweepItem> out = new ArrayList<>(items.size());
    for (OverrideValue item : items) {
      if (!(item instanceof Element element)) {
        throw new ConfigException(
            "A choice sweep cannot contain another sweep (" + item.toOverrideText() + ")",
            null,
            "list the values in one sweep, e.g. key=1,2,3 instead of key=range(1,3),3");
      }
      out.add(element.asSweepItem());
    }
    if (shuffle) {
      Ordering.shuffle(out, random);
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toOverrideText() {
    StringBuilder list = new StringBuilder();
    for (OverrideValue item : items) {
      if (list.length() > 0) {
        list.append(',');
      }
      list.append(item.toOverrideText());
    }
    // Tagged, a bare list needs choice() to stay one argument of tag(), unless shuffle() holds it.
    boolean bare = simpleForm && (tags.isEmpty() || shuffle);
    String text = bare ? list.toString() : "choice(" + list + ")";
    if (shuffle) {
      text = "shuffle(" + text + ")";
    }
    return OverrideText.tagged(tags, text);
  }
}
