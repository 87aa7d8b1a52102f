package dev.hydra4j.override;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one function call, bound to parameters the way Python binds them: positional
 * first, then by name; unknown names, repeated names and surplus positional arguments are errors.
 */
final class CallArguments {

  /** One argument as written: {@code name} is null for a positional argument. */
  record Argument(String name, Object value, int column) {}

  /** Marks a parameter that was not given (null is a value: {@code exclude=null}). */
  static final Object MISSING = new Object();

  private final String function;
  private final List<Argument> positional = new ArrayList<>();
  private final Map<String, Argument> keywords = new LinkedHashMap<>();
  private final Map<String, Integer> columns = new LinkedHashMap<>();

  CallArguments(String function, List<Argument> arguments) {
    this.function = function;
    for (Argument argument : arguments) {
      if (argument.name() == null) {
        positional.add(argument);
      } else if (keywords.put(argument.name(), argument) != null) {
        throw new FunctionError(function + "() got argument '" + argument.name() + "' twice", null);
      }
    }
  }

  String function() {
    return function;
  }

  List<Argument> positional() {
    return positional;
  }

  /** Rejects keyword arguments other than {@code allowed}. */
  void allowKeywords(String... allowed) {
    for (String name : keywords.keySet()) {
      if (!Arrays.asList(allowed).contains(name)) {
        String hint =
            allowed.length == 0
                ? function + "() takes no keyword arguments"
                : function + "() accepts " + String.join(", ", allowed);
        throw new FunctionError(
            function + "() got an unexpected keyword argument '" + name + "'", hint);
      }
    }
  }

  /** The keyword argument's value, or {@code fallback} when it was not given. */
  Object keyword(String name, Object fallback) {
    Argument argument = keywords.get(name);
    return argument == null ? fallback : argument.value();
  }

  boolean hasKeyword(String name) {
    return keywords.containsKey(name);
  }

  /**
   * Binds to a fixed parameter list (no *args). Returns values in parameter order; a parameter that
   * was not given holds {@code MISSING}.
   */
  Object[] bind(String... parameters) {
    if (positional.size() > parameters.length) {
      throw new FunctionError(
          function
              + "() takes at most "
              + parameters.length
              + " arguments ("
              + String.join(", ", parameters)
              + ") but "
              + positional.size()
              + " were given",
          null);
    }
    allowKeywords(parameters);
    Object[] values = new Object[parameters.length];
    Arrays.fill(values, MISSING);
    for (int i = 0; i < positional.size(); i++) {
      values[i] = positional.get(i).value();
      columns.put(parameters[i], positional.get(i).column());
    }
    for (int i = 0; i < parameters.length; i++) {
      if (keywords.containsKey(parameters[i])) {
        if (values[i] != MISSING) {
          throw new FunctionError(
              function + "() got multiple values for argument '" + parameters[i] + "'", null);
        }
        values[i] = keywords.get(parameters[i]).value();
        columns.put(parameters[i], keywords.get(parameters[i]).column());
      }
    }
    return values;
  }

  /** A number argument: an int or a float (bools and strings are rejected, as Hydra does). */
  Number number(String parameter, Object value) {
    if (value instanceof Long || value instanceof Double) {
      return (Number) value;
    }
    if (value instanceof java.math.BigInteger) {
      throw new FunctionError(
          function + "() cannot use " + value + " for '" + parameter + "': it is too large",
          null,
          columnOf(parameter));
    }
    throw new FunctionError(
        function
            + "() needs a number for '"
            + parameter
            + "', got "
            + Ordering.describe(Element.plain(value)),
        null,
        columnOf(parameter));
  }

  /** A string or a list of strings, as glob's include and exclude. */
  List<String> strings(String parameter, Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        out.add(string(parameter, item));
      }
    } else {
      out.add(string(parameter, value));
    }
    return out;
  }

  String string(String parameter, Object value) {
    Object plain = Element.plain(value);
    if (plain instanceof String s) {
      return s;
    }
    throw new FunctionError(
        function + "() needs a string for '" + parameter + "', got " + Ordering.describe(plain),
        null,
        columnOf(parameter));
  }

  /** Column of the argument bound to {@code parameter} (0 when unknown). */
  int columnOf(String parameter) {
    Integer column = columns.get(parameter);
    return column == null ? 0 : column;
  }

  /** Remembers where a positional argument of a *args function was written. */
  void locate(String parameter, Argument argument) {
    columns.put(parameter, argument.column());
  }
}
