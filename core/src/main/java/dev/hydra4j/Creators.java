package dev.hydra4j;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a config map becomes an object: a record through its canonical constructor, any other class
 * (a Kotlin data class, a Java class) through its public constructor with the most parameters,
 * whose names the compiler kept ({@code javac -parameters}, {@code kotlinc -java-parameters}).
 *
 * @param type the class built
 * @param constructor the constructor that builds it
 * @param parameters its parameters as config keys see them
 */
record Creators(Class<?> type, Constructor<?> constructor, List<Creators.Slot> parameters) {

  /**
   * One constructor parameter.
   *
   * @param name the Java name ({@code batchSize})
   * @param type its generic type
   * @param nullable whether it carries an annotation named {@code Nullable}
   */
  record Slot(String name, Type type, boolean nullable) {

    /** The config key this parameter reads: {@code batchSize} or {@code batch_size}. */
    String snakeName() {
      return snakeCase(name);
    }

    boolean matches(String key) {
      return key.equals(name)
          || key.equals(snakeName())
          || key.equals(snakeName().replace('_', '-'));
    }
  }

  /** The creator of {@code type}, or {@code null} with {@code why} filled in. */
  static Creators of(Class<?> type, StringBuilder why) {
    try {
      if (type.isRecord()) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
          raw[i] = components[i].getType();
          slots.add(
              new Slot(
                  components[i].getName(),
                  components[i].getGenericType(),
                  nullable(components[i].getAnnotations())));
        }
        return new Creators(type, accessible(type.getDeclaredConstructor(raw)), slots);
      }
      Constructor<?> widest = null;
      for (Constructor<?> c : type.getConstructors()) {
        boolean kotlinDefaults =
            c.getParameterCount() > 0
                && c.getParameterTypes()[c.getParameterCount() - 1]
                    .getName()
                    .equals("kotlin.jvm.internal.DefaultConstructorMarker");
        if (!kotlinDefaults
            && (widest == null || c.getParameterCount() > widest.getParameterCount())) {
          widest = c;
        }
      }
      if (widest == null || widest.getParameterCount() == 0) {
        why.append(type.getSimpleName())
            .append(
                " is neither a record nor a class with a"
                    + " public constructor taking its values");
        return null;
      }
      List<Slot> slots = new ArrayList<>();
      for (Parameter p : widest.getParameters()) {
        if (!p.isNamePresent()) {
          why.append("the constructor parameters of ")
              .append(type.getSimpleName())
              .append(
                  " have no names: compile with javac -parameters" + " (kotlinc -java-parameters)");
          return null;
        }
        slots.add(new Slot(p.getName(), p.getParameterizedType(), nullable(p.getAnnotations())));
      }
      return new Creators(type, widest, slots);
    } catch (NoSuchMethodException e) {
      why.append("cannot find the constructor of ").append(type.getName());
      return null;
    }
  }

  /** A new instance; a constructor's own check failing is a message, not a crash. */
  Object create(Object[] args, StringBuilder why) {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      why.append(type.getSimpleName())
          .append(" refused the values: ")
          .append(
              cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
      return null;
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      why.append("cannot create ").append(type.getName()).append(": ").append(e.getMessage());
      return null;
    }
  }

  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
        out.append('_');
      }
      out.append(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean nullable(java.lang.annotation.Annotation[] annotations) {
    for (java.lang.annotation.Annotation a : annotations) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  private static Constructor<?> accessible(Constructor<?> c) {
    try {
      c.setAccessible(true);
    } catch (RuntimeException e) {
      // A module that does not open the record's package: public records still work.
    }
    return c;
  }
}
