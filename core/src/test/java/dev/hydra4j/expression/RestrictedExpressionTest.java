package dev.hydra4j.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one language of both filters: what it evaluates, what it refuses, and how it says so. */
class RestrictedExpressionTest {

  private static final Map<String, Object> VALUES =
      Map.of("lr", 0.1, "model", "small", "db", Map.of("port", 5432L), "seeds", List.of(1L, 2L));

  private static Object eval(String text) throws ExpressionException {
    return RestrictedExpression.parse(text).evaluate(VALUES);
  }

  @Test
  void evaluatesConditionsOverNestedValues() throws ExpressionException {
    assertEquals(true, eval("lr < 0.5 && model == 'small'"));
    assertEquals(true, eval("db.port == 5432 && db['port'] > 1"));
    assertEquals(true, eval("model =~ 'sm.*' && seeds[1] == 2"));
    assertEquals(0.2, eval("lr * 2"));
  }

  @Test
  void listsTheVariablesItReadsAsPaths() throws ExpressionException {
    assertEquals(
        List.of(List.of("lr"), List.of("db", "port"), List.of("model")),
        RestrictedExpression.parse("lr < 1 && db.port > 0 || model == lr").variables());
  }

  @Test
  void refusesWhatCouldDoMoreThanReadValues() {
    for (String text :
        List.of(
            "x = 1",
            "model.length() > 1",
            "new('java.lang.String')",
            "for (i : [1]) {}",
            "var x = 1; x",
            "lr > 5; true",
            "if (lr > 0) true",
            "function(x) { x }",
            "#pragma a 1")) {
      ExpressionException e =
          assertThrows(ExpressionException.class, () -> RestrictedExpression.parse(text), text);
      assertEquals(ExpressionException.Kind.SYNTAX, e.kind(), text);
    }
  }

  @Test
  void reasonsPointIntoTheUsersTextNotAtHydra4jsCode() {
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> RestrictedExpression.parse("lr <"));
    assertEquals("parsing error in '<'", e.reason());
    e = assertThrows(ExpressionException.class, () -> RestrictedExpression.parse("x = 1"));
    assertEquals("global assign/modify error in 'x'", e.reason());
    e = assertThrows(ExpressionException.class, () -> eval("model > 1"));
    assertEquals(ExpressionException.Kind.EVALUATION, e.kind());
    assertEquals("JEXL error : > error", e.reason());
  }

  @Test
  void namesWhatIsUndefined() {
    ExpressionException e = assertThrows(ExpressionException.class, () -> eval("nope > 1"));
    assertEquals(ExpressionException.Kind.UNDEFINED_VARIABLE, e.kind());
    assertEquals("nope", e.name());
    e = assertThrows(ExpressionException.class, () -> eval("seeds[5] > 1"));
    assertEquals(ExpressionException.Kind.UNDEFINED_PROPERTY, e.kind());
    assertEquals("5", e.name());
  }
}
