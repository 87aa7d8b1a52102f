package dev.hydra4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.interpolate.Template.Arg;
import dev.hydra4j.interpolate.Template.Concat;
import dev.hydra4j.interpolate.Template.Constant;
import dev.hydra4j.interpolate.Template.DictArg;
import dev.hydra4j.interpolate.Template.ListArg;
import dev.hydra4j.interpolate.Template.Literal;
import dev.hydra4j.interpolate.Template.NodeRef;
import dev.hydra4j.interpolate.Template.Piece;
import dev.hydra4j.interpolate.Template.ResolverCall;
import dev.hydra4j.interpolate.Template.Single;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateParserTest {

  private static List<Piece> pieces(String text) {
    return TemplateParser.parse(text).pieces();
  }

  private static List<Arg> args(String text) {
    Template t = TemplateParser.parse(text);
    assertTrue(t.isSingleInterpolation(), text);
    return ((ResolverCall) t.pieces().get(0)).args();
  }

  private static Object constant(Arg arg) {
    return assertInstanceOf(Constant.class, arg).value();
  }

  @Test
  void textAndNodeReferences() {
    List<Piece> p = pieces("run_${a.b}_${c[0]}");
    assertEquals(4, p.size());
    assertEquals(new Literal("run_"), p.get(0));
    NodeRef ref = (NodeRef) p.get(1);
    assertEquals(0, ref.dots());
    assertEquals(List.of("a", "b"), ref.segments().stream().map(Template.Segment::text).toList());
    assertEquals("${a.b}", ref.source());
    NodeRef indexed = (NodeRef) p.get(3);
    assertEquals(
        List.of("c", "0"), indexed.segments().stream().map(Template.Segment::text).toList());
  }

  @Test
  void relativeReferencesCountDots() {
    assertEquals(1, ((NodeRef) pieces("${.x}").get(0)).dots());
    assertEquals(3, ((NodeRef) pieces("${...x.y}").get(0)).dots());
  }

  @Test
  void blanksAroundTheKeyAreAllowedButNotAroundDots() {
    assertEquals("${ a.b }", ((NodeRef) pieces("${ a.b }").get(0)).source());
    assertThrows(TemplateParser.SyntaxError.class, () -> pieces("${a . b}"));
  }

  @Test
  void nestedInterpolationInAKey() {
    NodeRef ref = (NodeRef) pieces("${plans.${selected}}").get(0);
    assertEquals("plans", ref.segments().get(0).text());
    assertInstanceOf(NodeRef.class, ref.segments().get(1).interpolation());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\\${dir}|${dir}", // escaped interpolation
        "C:\\foo|C:\\foo", // a lone backslash is just a backslash
        "a \\\\\\${b}|a \\${b}", // \\ then \${ : one backslash, then a literal ${
      })
  void escapesInText(String text, String expected) {
    List<Piece> p = pieces(text);
    assertEquals(List.of(new Literal(expected)), p);
  }

  @Test
  void evenBackslashesBeforeAnInterpolationKeepIt() {
    List<Piece> p = pieces("C:\\\\${dir}");
    assertEquals(new Literal("C:\\"), p.get(0));
    assertInstanceOf(NodeRef.class, p.get(1));
  }

  @Test
  void resolverArgumentsAreTypedLikeOmegaConf() {
    List<Arg> a = args("${f:1, -5, +1_000, 0.1, 1e-3, inf, true, FALSE, null, NULL, None, abc}");
    assertEquals(1L, constant(a.get(0)));
    assertEquals(-5L, constant(a.get(1)));
    assertEquals(1000L, constant(a.get(2)));
    assertEquals(0.1, constant(a.get(3)));
    assertEquals(1e-3, constant(a.get(4)));
    assertEquals(Double.POSITIVE_INFINITY, constant(a.get(5)));
    assertEquals(true, constant(a.get(6)));
    assertEquals(false, constant(a.get(7)));
    assertEquals(null, constant(a.get(8)));
    assertEquals(null, constant(a.get(9)));
    assertEquals("None", constant(a.get(10)), "None is not a keyword in the grammar");
    assertEquals("abc", constant(a.get(11)));
  }

  @Test
  void unquotedArgumentsAreTrimmedButKeepInnerBlanks() {
    List<Arg> a = args("${f:  hello world 123 , x}");
    assertEquals("hello world 123", constant(a.get(0)));
    assertEquals("x", constant(a.get(1)));
  }

  @Test
  void escapedBlanksAndPunctuationSurvive() {
    List<Arg> a = args("${f:Hello,\\ World, \\ hi u \\  ,C\\:\\\\$\\{dir\\},\\[a\\, b\\]}");
    assertEquals(" World", constant(a.get(1)));
    assertEquals(" hi u  ", constant(a.get(2)));
    assertEquals("C:\\${dir}", constant(a.get(3)));
    assertEquals("[a, b]", constant(a.get(4)));
  }

  @Test
  void anEscapedNumberIsStillAString() {
    assertEquals("1 ", constant(args("${f:1\\ }").get(0)));
  }

  @Test
  void quotedArgumentsAreStringsEvenWhenTheyHoldOneInterpolation() {
    List<Arg> a = args("${f:'Hello, World', \"12\", '${x}', 'it\\'s'}");
    assertEquals(List.of(new Literal("Hello, World")), ((Concat) a.get(0)).pieces());
    assertEquals(List.of(new Literal("12")), ((Concat) a.get(1)).pieces());
    assertInstanceOf(NodeRef.class, ((Concat) a.get(2)).pieces().get(0));
    assertEquals(List.of(new Literal("it's")), ((Concat) a.get(3)).pieces());
  }

  @Test
  void quotesInsideANestedInterpolationNeedNoEscape() {
    List<Arg> a = args("${f:\"'Hi ${concat: 'y', \"o\", u}', I said\"}");
    List<Piece> p = ((Concat) a.get(0)).pieces();
    assertEquals(new Literal("'Hi "), p.get(0));
    assertEquals(3, ((ResolverCall) p.get(1)).args().size());
    assertEquals(new Literal("', I said"), p.get(2));
  }

  @Test
  void singleInterpolationArgumentKeepsItsType() {
    List<Arg> a = args("${sum:${a}, pre_${b}, ${c} }");
    assertInstanceOf(Single.class, a.get(0));
    assertInstanceOf(Concat.class, a.get(1));
    assertInstanceOf(Single.class, a.get(2));
  }

  @Test
  void listsAndDicts() {
    List<Arg> a = args("${f:[1, [a, b], {k: v, n: 2}], {}, []}");
    ListArg list = (ListArg) a.get(0);
    assertEquals(1L, constant(list.items().get(0)));
    assertEquals(2, ((ListArg) list.items().get(1)).items().size());
    DictArg dict = (DictArg) list.items().get(2);
    assertEquals(List.of("k", "n"), List.copyOf(dict.entries().keySet()));
    assertEquals(2L, constant(dict.entries().get("n")));
    assertTrue(((DictArg) a.get(1)).entries().isEmpty());
    assertTrue(((ListArg) a.get(2)).items().isEmpty());
  }

  @Test
  void resolverWithoutArgumentsAndNamespacedNames() {
    ResolverCall call = (ResolverCall) pieces("${my.res:}").get(0);
    assertEquals(0, call.args().size());
    assertEquals("res", call.name().get(1).text());
    ResolverCall dynamic = (ResolverCall) pieces("${mylib.${func}:3}").get(0);
    assertInstanceOf(NodeRef.class, dynamic.name().get(1).interpolation());
  }

  @Test
  void elementParsingForDecode() {
    assertEquals(3308L, constant(TemplateParser.parseElement("3308")));
    assertEquals(
        3, ((ListArg) TemplateParser.parseElement(" [host1, host2, host3] ")).items().size());
    assertEquals("hello world", constant(TemplateParser.parseElement(" hello world ")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${b",
        "${}",
        "${a.}",
        "${a:b:c}",
        "${f:a=b}",
        "${f:'x}",
        "${f:[1, 2}",
        "x${a}}${",
        "${a b}",
        "${.}",
        "${f:{'k': 1}}",
        "${a/b:x}",
      })
  void malformedTextIsAnError(String text) {
    assertThrows(TemplateParser.SyntaxError.class, () -> TemplateParser.parse(text));
  }

  @Test
  void syntaxErrorsKnowWhere() {
    TemplateParser.SyntaxError e =
        assertThrows(TemplateParser.SyntaxError.class, () -> TemplateParser.parse("a ${b c}"));
    assertEquals(6, e.index);
    assertTrue(e.getMessage().contains("'}'"), e.getMessage());
  }

  @Test
  void absurdNestingIsASyntaxErrorNotAStackOverflow() {
    String deep = "${f:" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    TemplateParser.SyntaxError e =
        assertThrows(TemplateParser.SyntaxError.class, () -> TemplateParser.parse(deep));
    assertTrue(e.getMessage().contains("nest"), e.getMessage());
    String deepKeys = "${a." + "${a.".repeat(5_000) + "}".repeat(5_001);
    assertThrows(TemplateParser.SyntaxError.class, () -> TemplateParser.parse(deepKeys));
  }

  @Test
  void keysForSelect() {
    NodeRef ref = TemplateParser.parseKey(" ..a[0].b ");
    assertEquals(2, ref.dots());
    assertEquals(3, ref.segments().size());
  }

  @Test
  void aStrayClosingBraceOutsideInterpolationsIsText() {
    List<Piece> p = pieces("${a}}");
    assertEquals(new Literal("}"), p.get(1));
  }
}
