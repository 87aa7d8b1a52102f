package dev.hydra4j;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigTree;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Jakarta Bean Validation ({@code @Min}, {@code @NotBlank}, …) on bound records, when the
 * application has a validator (e.g. Hibernate Validator) on its classpath. hydra4j does not depend
 * on it: the API is reached by reflection, and without a provider nothing is checked. Each
 * violation becomes a problem at the key and file:line of its value.
 */
final class BeanValidation {

  private static final Object VALIDATOR = validator();

  private BeanValidation() {}

  static List<Hydra4jException.Problem> check(Object value, ConfigNode node, String key) {
    if (VALIDATOR == null || value.getClass().getName().startsWith("java.")) {
      return List.of();
    }
    List<Hydra4jException.Problem> problems = new ArrayList<>();
    try {
      Method validate = VALIDATOR.getClass().getMethod("validate", Object.class, Class[].class);
      Set<?> violations = (Set<?>) validate.invoke(VALIDATOR, value, new Class<?>[0]);
      for (Object violation : violations) {
        Object path = call(violation, "getPropertyPath");
        ConfigNode at = node;
        String where = key;
        for (Object step : (Iterable<?>) path) {
          Object index = call(step, "getIndex");
          Object mapKey = call(step, "getKey");
          if (index != null || mapKey != null) {
            String segment = String.valueOf(index != null ? index : mapKey);
            at = child(at, segment);
            where = index != null ? where + "[" + index + "]" : Binder.join(where, segment);
          }
          String name = (String) call(step, "getName");
          if (name != null && !name.startsWith("<")) {
            String configKey = configKey(at, name);
            at = child(at, configKey);
            where = Binder.join(where, configKey);
          }
        }
        problems.add(
            new Hydra4jException.Problem(
                where,
                call(violation, "getMessage") + ", got " + call(violation, "getInvalidValue"),
                Origin.of(at.origin())));
      }
    } catch (ReflectiveOperationException e) {
      problems.add(
          new Hydra4jException.Problem(
              key, "the bean validator failed: " + e, Origin.of(node.origin())));
    }
    problems.sort(Comparator.comparing(Hydra4jException.Problem::key));
    return problems;
  }

  private static String configKey(ConfigNode map, String javaName) {
    if (map instanceof ConfigMap m) {
      for (String k : m.keys()) {
        if (new Creators.Slot(javaName, Object.class, false).matches(k)) {
          return k;
        }
      }
    }
    return javaName;
  }

  private static ConfigNode child(ConfigNode node, String segment) {
    ConfigNode next =
        node instanceof ConfigMap || node instanceof ConfigList
            ? ConfigTree.child(node, segment)
            : null;
    return next == null ? node : next;
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    Method m = target.getClass().getMethod(method);
    m.setAccessible(true);
    return m.invoke(target);
  }

  private static Object validator() {
    try {
      Class<?> validation = Class.forName("jakarta.validation.Validation");
      Object factory = validation.getMethod("buildDefaultValidatorFactory").invoke(null);
      return factory.getClass().getMethod("getValidator").invoke(factory);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // No Bean Validation API, or no provider for it: nothing to check.
      return null;
    }
  }
}
