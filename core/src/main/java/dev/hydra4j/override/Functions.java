package dev.hydra4j.override;

import dev.hydra4j.override.CallArguments.Argument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions of Hydra's extended override grammar. Each returns a raw element value or a {@link
 * Sweep}. Quoted strings passed directly as arguments lose their quotes, so {@code choice('1','2')}
 * hands jobs {@code 1} and {@code 2} (ovr-0504), while quotes inside a list argument stay
 * (ovr-0508).
 */
final class Functions {

  /** Every function name, as listed in error messages. */
  static final List<String> NAMES =
      List.of(
          "bool",
          "choice",
          "float",
          "glob",
          "int",
          "interval",
          "range",
          "shuffle",
          "sort",
          "str",
          "tag");

  private Functions() {}

  static boolean exists(String name) {
    return NAMES.contains(name);
  }

  static Object call(String name, List<Argument> written) {
    List<Argument> arguments = new ArrayList<>(written.size());
    for (Argument a : written) {
      Object v = a.value() instanceof QuotedString q ? q.text() : a.value();
      arguments.add(new Argument(a.name(), v, a.column()));
    }
    CallArguments call = new CallArguments(name, arguments);
    TypeCast cast = TypeCast.named(name);
    if (cast != null) {
      return cast(cast, call);
    }
    switch (name) {
      case "choice":
        return choice(call);
      case "range":
        return range(call);
      case "interval":
        return interval(call);
      case "glob":
        return glob(call);
      case "sort":
        return reorder(call, true);
      case "shuffle":
        return reorder(call, false);
      case "tag":
        return tag(call);
      default:
        throw new IllegalStateException(name);
    }
  }

  private static Object cast(TypeCast cast, CallArguments call) {
    call.allowKeywords("value");
    List<Argument> positional = call.positional();
    if (call.hasKeyword("value") == !positional.isEmpty()) {
      throw new FunctionError(
          call.function() + "() needs exactly one value to cast",
          "e.g. " + call.function() + "(10) or " + call.function() + "(value=10)");
    }
    if (positional.size() > 1) {
      return cast.apply(simpleChoice(call, positional));
    }
    Object value = positional.isEmpty() ? call.keyword("value", null) : positional.get(0).value();
    return cast.apply(value);
  }

  private static ChoiceSweep choice(CallArguments call) {
    call.allowKeywords();
    if (call.positional().isEmpty()) {
      throw new FunctionError("choice() needs at least one value", "e.g. choice(a,b)");
    }
    List<OverrideValue> items = new ArrayList<>();
    for (Argument a : call.positional()) {
      if (a.value() instanceof Sweep s && !(s instanceof ChoiceSweep)) {
        throw new FunctionError(
            "choice() takes values or choice sweeps, not " + s.toOverrideText(), null);
      }
      items.add(a.value() instanceof ChoiceSweep c ? c : new Element(a.value()));
    }
    return new ChoiceSweep(items, false, false, List.of());
  }

  private static RangeSweep range(CallArguments call) {
    Object[] v = call.bind("start", "stop", "step");
    if (v[0] == CallArguments.MISSING) {
      throw new FunctionError("range() needs a start or stop", "e.g. range(5) or range(0,10,2)");
    }
    Number start = call.number("start", v[0]);
    Number stop = v[1] == CallArguments.MISSING || v[1] == null ? null : call.number("stop", v[1]);
    Number step = v[2] == CallArguments.MISSING ? (Number) 1L : call.number("step", v[2]);
    if (stop == null) { // range(stop) counts from 0, as Python's does
      stop = start;
      start = 0L;
    }
    return new RangeSweep(start, stop, step, false, List.of());
  }

  private static IntervalSweep interval(CallArguments call) {
    Object[] v = call.bind("start", "end");
    if (v[0] == CallArguments.MISSING || v[1] == CallArguments.MISSING) {
      throw new FunctionError("interval() needs a start and an end", "e.g. interval(0,1)");
    }
    // Bounds become floats, as documented: interval(1,5) is 1.0 <= x < 5.0.
    double start = call.number("start", v[0]).doubleValue();
    double end = call.number("end", v[1]).doubleValue();
    return new IntervalSweep(start, end, List.of());
  }

  private static GlobSweep glob(CallArguments call) {
    Object[] v = call.bind("include", "exclude");
    if (v[0] == CallArguments.MISSING) {
      throw new FunctionError("glob() needs an include pattern", "e.g. glob(*) or glob([a*,b*])");
    }
    List<String> include = call.strings("include", v[0]);
    List<String> exclude =
        v[1] == CallArguments.MISSING || v[1] == null ? List.of() : call.strings("exclude", v[1]);
    return new GlobSweep(include, exclude);
  }

  /** {@code sort} (sorting) and {@code shuffle} share their argument forms. */
  private static Object reorder(CallArguments call, boolean sorting) {
    String fn = call.function();
    if (sorting) {
      call.allowKeywords("sweep", "list", "reverse");
    } else {
      call.allowKeywords("sweep", "list");
    }
    Object reverseArg = call.keyword("reverse", false);
    if (!(reverseArg instanceof Boolean reverse)) {
      throw new FunctionError("sort() needs true or false for 'reverse'", null);
    }
    List<Argument> positional = call.positional();
    int forms =
        (positional.isEmpty() ? 0 : 1)
            + (call.hasKeyword("sweep") ? 1 : 0)
            + (call.hasKeyword("list") ? 1 : 0);
    if (forms != 1) {
      throw new FunctionError(
          fn + "() takes either values, sweep= or list=",
          "e.g. " + fn + "(3,1,2), " + fn + "(sweep=choice(3,1,2)) or " + fn + "(list=[3,1,2])");
    }
    Object target;
    if (positional.size() > 1) {
      target = simpleChoice(call, positional);
    } else if (positional.size() == 1) {
      target = positional.get(0).value();
    } else if (call.hasKeyword("sweep")) {
      target = call.keyword("sweep", null);
      if (!(target instanceof ChoiceSweep || target instanceof RangeSweep)) {
        throw new FunctionError(fn + "() needs a choice or range for 'sweep'", null);
      }
    } else {
      target = call.keyword("list", null);
      if (!(target instanceof List)) {
        throw new FunctionError(fn + "() needs a list for 'list'", null);
      }
    }
    return sorting ? sort(target, reverse) : shuffle(target);
  }

  private static Object sort(Object target, boolean reverse) {
    if (target instanceof ChoiceSweep choice) {
      return Ordering.sort(choice, reverse);
    }
    if (target instanceof RangeSweep range) {
      return Ordering.sort(range, reverse);
    }
    if (target instanceof Sweep sweep) {
      throw new FunctionError(
          "sort() cannot sort " + sweep.toOverrideText(),
          "sort works on lists, choices and ranges");
    }
    if (target instanceof List<?> list) {
      return Ordering.sortRaw(list, reverse);
    }
    return target; // a single value is returned as it is
  }

  private static Object shuffle(Object target) {
    if (target instanceof ChoiceSweep c) {
      return new ChoiceSweep(c.items(), c.simpleForm(), true, c.tags());
    }
    if (target instanceof RangeSweep r) {
      return new RangeSweep(r.start(), r.stop(), r.step(), true, r.tags());
    }
    if (target instanceof Sweep sweep) {
      throw new FunctionError(
          "shuffle() cannot shuffle " + sweep.toOverrideText(),
          "shuffle works on lists, choices and ranges");
    }
    if (target instanceof List<?> list) {
      // Hydra shuffles a list while parsing; its order is unspecified (ovr-0071).
      List<Object> out = new ArrayList<>(list);
      Ordering.shuffle(out, ThreadLocalRandom.current());
      return java.util.Collections.unmodifiableList(out);
    }
    return target;
  }

  private static Sweep tag(CallArguments call) {
    call.allowKeywords("sweep");
    List<Argument> positional = call.positional();
    if (positional.isEmpty()) {
      throw new FunctionError(
          "tag() needs at least one tag or a sweep", "e.g. tag(log,interval(0,1))");
    }
    Object sweep = call.keyword("sweep", null);
    int tagCount = positional.size();
    if (sweep == null) {
      sweep = positional.get(tagCount - 1).value();
      tagCount--;
    }
    if (!(sweep instanceof Sweep)) {
      throw new FunctionError(
          "tag() needs a sweep to tag, got " + Ordering.describe(Element.plain(sweep)),
          "put the sweep last: tag(a,b,choice(1,2))");
    }
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < tagCount; i++) {
      call.locate("tag " + (i + 1), positional.get(i));
      tags.add(call.string("tag " + (i + 1), positional.get(i).value()));
    }
    return withTags((Sweep) sweep, tags);
  }

  private static Sweep withTags(Sweep sweep, List<String> tags) {
    if (sweep instanceof ChoiceSweep c) {
      return new ChoiceSweep(c.items(), c.simpleForm(), c.shuffle(), tags);
    }
    if (sweep instanceof RangeSweep r) {
      return new RangeSweep(r.start(), r.stop(), r.step(), r.shuffle(), tags);
    }
    if (sweep instanceof IntervalSweep i) {
      return new IntervalSweep(i.start(), i.end(), tags);
    }
    throw new FunctionError("tag() cannot tag a glob", null);
  }

  /** {@code f(a,b,c)} for a reordering or cast means {@code f} of the sweep {@code a,b,c}. */
  private static ChoiceSweep simpleChoice(CallArguments call, List<Argument> args) {
    List<OverrideValue> items = new ArrayList<>();
    for (Argument a : args) {
      if (a.value() instanceof Sweep s) {
        throw new FunctionError(
            call.function() + "() with several values takes no sweeps, got " + s.toOverrideText(),
            null);
      }
      items.add(new Element(a.value()));
    }
    return new ChoiceSweep(items, true, false, List.of());
  }
}
