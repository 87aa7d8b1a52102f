package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverrideKeyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=1            | CHANGE    | a",
        "+a=1           | ADD       | a",
        "++a.b=1        | FORCE_ADD | a.b",
        "~a=1           | DEL       | a",
        "~a             | DEL       | a",
        "hydra/launcher=x | CHANGE  | hydra/launcher",
        "a.0.b=1        | CHANGE    | a.0.b",
        "$x.y$=1        | CHANGE    | $x.y$",
        "KEY_2.sub-key=1 | CHANGE   | KEY_2.sub-key",
      })
  void prefixesAndKeys(String input, OverrideType type, String key) {
    ParsedOverride o = OverrideParser.parse(input);
    assertEquals(type, o.type());
    assertEquals(key, o.key());
    assertNull(o.packageName());
  }

  @Test
  void packages() {
    assertEquals("backup", OverrideParser.parse("db@backup=mysql").packageName());
    assertEquals("_global_.x", OverrideParser.parse("+a/b@_global_.x=e").packageName());
    assertEquals("", OverrideParser.parse("db@=mysql").packageName());
    ParsedOverride del = OverrideParser.parse("~db@pkg");
    assertEquals("db@pkg", del.keyWithPackage());
    assertNull(del.value());
    assertTrue(del.isDelete());
  }

  @Test
  void emptyValueIsTheEmptyString() {
    assertEquals("", OverrideParser.parse("a=").element().value());
    assertEquals("", OverrideParser.parse("~a=").element().value());
    assertEquals("", OverrideParser.parse("a=  ").element().value());
    assertEquals("a=", OverrideParser.parse("a=").toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // input          | 1-based column of the caret
        "a.b             | 4",
        "+a              | 3",
        "+++a=1          | 3",
        "~~a             | 2",
        "~+a=1           | 2",
        "1=1             | 1",
        "a..b=1          | 2",
        "a.=1            | 2",
        ".a=1            | 1",
        "'a b=1'         | 2",
        "'a =1'          | 2",
        "$foo/bar=x      | 5",
        "a/=x            | 3",
        "a//b=x          | 3",
        "a/b.c=x         | 3",
        "a@b@c=x         | 4",
        "a@pkg1:pkg2=x   | 7",
        "ключ=1          | 1",
      })
  void keyErrorsPointAtTheBadCharacter(String input, int column) {
    OverrideParseException e =
        assertThrows(OverrideParseException.class, () -> OverrideParser.parse(input));
    assertEquals(column, e.column(), e.render());
  }

  @Test
  void packageRenameGetsAHint() {
    OverrideParseException e =
        assertThrows(OverrideParseException.class, () -> OverrideParser.parse("a@pkg1:pkg2=x"));
    assertTrue(e.hint().contains("no package rename"), e.hint());
  }
}
