package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quoting, escaping and whitespace: what a value means and how Hydra prints it back. */
class OverrideEscapeTest {

  private static Element element(String input) {
    return OverrideParser.parse(input).element();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // override                 | value            | canonical text
        "a=foo\\,bar                | foo,bar          | foo\\,bar",
        "a=\\ lead                  | ' lead'          | \\ lead",
        "a=trail\\                  | trail\\          | trail\\\\",
        "a=c:\\dir\\f.txt           | c:\\dir\\f.txt   | c\\:\\\\dir\\\\f.txt",
        "a=f\\(x\\)                 | f(x)             | f\\(x\\)",
        "a=\\\\\\(                  | \\(              | \\\\\\(",
        "a=\\${b}                   | \\${b}           | \\\\$\\{b\\}",
        "a=  hello   world          | hello   world    | hello\\ \\ \\ world",
        "a=x${y.z}w                 | x${y.z}w         | x$\\{y.z\\}w",
      })
  void unquotedEscapes(String input, String value, String canonical) {
    Element e = element(input);
    assertEquals(value.replace("'", ""), e.value());
    assertEquals(canonical, e.canonical());
    assertFalse(e.isQuoted());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // override                 | value
        "a='it\\'s'                 | it's",
        "a=\"say \\\"hi\\\"\"       | say \"hi\"",
        "a='C:\\dir\\'s'            | C:\\dir's",
        "a='C:\\dir\\\\'            | C:\\dir\\",
        "a='a\\\\\\'b'              | a\\'b",
        "a='x\"y'                   | x\"y",
        "a='1,2 ${x} [a]'           | 1,2 ${x} [a]",
        "a='שלום'                   | שלום",
      })
  void quotedEscapesOnlyMatterBeforeAQuote(String input, String value) {
    Element e = element(input);
    assertEquals(value, e.value());
    assertTrue(e.isQuoted());
    // The canonical form is the quoted text again, so it reads back the same.
    assertEquals(value, element("a=" + e.canonical()).value());
  }

  @Test
  void quotedCanonicalKeepsTheUsersQuoteAndDoublesBackslashesBeforeQuotes() {
    assertEquals(
        "'foo \\\\\\'bar\\' \\\\\\\\\\\\'",
        element("a='foo \\\\\\'bar\\' \\\\\\\\\\\\'").canonical());
    assertEquals("\"foo\\bar\"", element("a=\"foo\\bar\"").canonical());
  }

  @Test
  void typesOfUnquotedPrimitives() {
    assertEquals(100L, element("a=10_0").value());
    assertEquals("1___0", element("a=1___0").value());
    assertEquals(-3.14, element("a=-3.14").value());
    assertEquals(0.5, element("a=.5").value());
    assertEquals(5.0, element("a=5.").value());
    assertEquals(Double.NEGATIVE_INFINITY, element("a=-INF").value());
    assertTrue(Double.isNaN((Double) element("a=NaN").value()));
    assertEquals("Infinity", element("a=Infinity").value());
    assertEquals(true, element("a=tRuE").value());
    assertEquals(null, element("a=NULL").value());
    assertEquals("none", element("a=none").value());
    assertEquals("0x10", element("a=0x10").value());
    assertEquals("007", element("a=007").value());
    assertEquals("1 2", element("a=1 2").value());
    assertEquals(1L, element("a= 1 ").value());
    assertEquals("100", element("a='100'").value());
  }

  @Test
  void containersAndTypedDictKeys() {
    assertEquals(List.of(1L, List.of("a", "b c")), element("a=[ 1 , [a, b c] ]").value());
    Map<?, ?> map = (Map<?, ?>) element("a={1: x, true: y, null: z, k v : w}").value();
    assertEquals(
        java.util.Arrays.asList(1L, true, null, "k v"), new java.util.ArrayList<>(map.keySet()));
    assertEquals(
        "{1:x,True:y,null:z,k\\ v:w}", element("a={1: x, true: y, null: z, k v : w}").canonical());
    assertEquals("{a:b\\:c}", element("a={a:b:c}").canonical());
  }

  @Test
  void quotesInsideContainersStayInTheCanonicalText() {
    Element e = element("a=['a b', \"c\", d]");
    assertEquals(List.of("a b", "c", "d"), e.value());
    assertEquals("['a b',\"c\",d]", e.canonical());
    assertEquals("['a b', \"c\", d]", e.canonical(true));
  }

  @Test
  void valuesAreImmutable() {
    List<?> list = (List<?>) element("a=[1,2]").value();
    org.junit.jupiter.api.Assertions.assertThrows(
        UnsupportedOperationException.class, () -> list.remove(0));
  }
}
