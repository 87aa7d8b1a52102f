package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverrideErrorTest {

  private static OverrideParseException reject(String input) {
    return assertThrows(OverrideParseException.class, () -> OverrideParser.parse(input));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // input                      | column | words the message must contain
        "key=[]aa                     | 7      | after the value",
        "a=]                          | 3      | ']'",
        "a=[1,2]]                     | 8      | never opened",
        "a={a:1}}                     | 8      | never opened",
        "a=choice(1))                 | 12     | no function call is open",
        "a=[1,2                       | 7      | Unclosed '['",
        "a={a:1                       | 7      | Unclosed '{'",
        "a=choice(                    | 10     | Unclosed '('",
        "a=[1,]                       | 6      | Missing",
        "a=1,                         | 5      | Missing",
        "a=,1                         | 3      | Missing",
        "a=x=y                        | 4      | '='",
        "a=a#b                        | 4      | '#'",
        "a=ünïcödé                    | 3      | 'ü'",
        "\"a='unterminated\"          | 3      | Unterminated",
        "\"a='x' 'y'\"                | 6      | whitespace",
        "\"a='x'y\"                   | 6      | after the value",
        "a=${b:${c}}                  | 11     | never opened",
        "a=${b                        | 4      | interpolation",
        "a={a}                        | 5      | ':'",
        "a={:1}                       | 4      | key",
        "\"a={'x':1}\"                | 4      | quoted",
        "a=my.fn(1)                   | 8      | '('",
        "a=f(x=1,2)                   | 9      | positional",
        "a=[choice(1,2)]              | 3      | nested",
      })
  void grammarErrorsPointAtTheOffendingCharacter(String input, int column, String words) {
    OverrideParseException e = reject(input);
    assertEquals(column, e.column(), e.render());
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }

  @Test
  void renderShowsTheOverrideAndACaret() {
    OverrideParseException e = reject("key=[1,2]]");
    assertEquals(
        "Unexpected ']': a list was closed that was never opened\n"
            + "  key=[1,2]]\n"
            + "           ^\n"
            + "  hint: remove the ']', or escape it as \\] if it belongs to a string",
        e.render());
    assertEquals("key=[1,2]]", e.input());
    assertEquals(10, e.origin().column());
    assertTrue(e.origin().toString().contains("key=[1,2]]"));
  }

  @Test
  void caretLinesUpUnderTabs() {
    OverrideParseException e = reject("a=x\t\ty=z");
    assertEquals("  a=x\t\ty=z\n     \t\t ^", e.detail());
  }

  @Test
  void unknownFunctionNamesItAndListsTheKnownOnes() {
    OverrideParseException e = reject("key=chioce(1,2)");
    assertEquals(5, e.column());
    assertTrue(e.getMessage().contains("'chioce'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("choice, float, glob, int, interval, range, shuffle"),
        e.getMessage());
    assertEquals("did you mean choice(...)?", e.hint());
  }

  @Test
  void functionErrorsAreParseErrorsAtTheCall() {
    OverrideParseException e = reject("a=[1,int(abc)]");
    assertEquals(6, e.column());
    assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
    assertTrue(reject("a=range(start=1,2)").getMessage().contains("positional"));
    assertTrue(reject("a=choice(list=[1])").getMessage().contains("'list'"));
    assertTrue(reject("a=range(1,2,3,4)").getMessage().contains("at most 3"));
    assertTrue(reject("a=range(1,start=2)").getMessage().contains("multiple values"));
    assertTrue(reject("a=interval(1)").getMessage().contains("start and an end"));
    assertTrue(reject("a=sort(b,a,10,2)").getMessage().contains("cannot be compared"));
    assertTrue(reject("a=tag(sweep=choice(1,2))").getMessage().contains("tag"));
  }

  @Test
  void badArgumentsArePointedAt() {
    assertEquals(12, reject("a=interval(a,b)").column());
    assertEquals(11, reject("a=range(1,stop=x)").column());
    assertEquals(9, reject("a=tag(x,1,choice(1))").column());
  }

  @Test
  void anOverrideParseExceptionIsAConfigException() {
    ConfigException e = reject("a=[");
    assertTrue(e.render().startsWith("Unclosed '['"), e.render());
  }
}
