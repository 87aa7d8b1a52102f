package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors a user can make in a config file: where each points and what it says. */
class ConfigReadErrorsTest {

  private static ConfigException fails(String text, String path) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.parse(text, path));
    assertNotNull(e.hint(), "every read error carries a hint: " + e.getMessage());
    return e;
  }

  private static void assertAt(String expected, ConfigException e) {
    assertEquals(expected, e.origin().toString(), e.render());
  }

  @Test
  void yamlSyntaxErrorPointsWherePyYamlDoes() {
    // conformance case compose-yaml-syntax-error: Hydra reports line 2, column 2 and the
    // flow sequence opened at line 1, column 4.
    ConfigException e = fails("a: [1, 2\nb: 1\n", "conf/config.yaml");
    assertAt("conf/config.yaml:2:2", e);
    assertEquals(
        "YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow "
            + "sequence that starts at line 1, column 4)",
        e.getMessage());
    assertTrue(e.render().contains("\n  at conf/config.yaml:2:2\n  hint: close the list"));
  }

  @Test
  void badIndentationAndTabs() {
    assertAt("c.yaml:3:2", fails("a:\n  b: 1\n c: 2\n", "c.yaml"));
    ConfigException tab = fails("a:\n\tb: 1\n", "c.yaml");
    assertAt("c.yaml:2:1", tab);
    assertTrue(tab.hint().contains("spaces"));
    assertAt("c.yaml:1:5", fails("a: b: c\n", "c.yaml"));
    assertAt("c.yaml:2:1", fails("a: 'open\n", "c.yaml"));
  }

  @Test
  void duplicateKeyNamesBothLines() {
    ConfigException e = fails("a: 1\nb:\n  x: 1\n  x: 2\n", "c.yaml");
    assertAt("c.yaml:4:3", e);
    assertEquals("Duplicate key 'x' (first at line 3)", e.getMessage());
  }

  @Test
  void topLevelMustBeAMapping() {
    ConfigException list = fails("- 1\n- 2\n", "c.yaml");
    assertAt("c.yaml:1:1", list);
    assertTrue(list.getMessage().contains("holds a list"));
    assertAt("c.yaml:2:1", fails("# comment\njust text\n", "c.yaml"));
  }

  @Test
  void structuralYamlMistakes() {
    assertAt("c.yaml:2:4", fails("a: 1\nb: *missing\n", "c.yaml"));
    assertAt("c.yaml:2:4", fails("a: &x 1\nb: &x 2\n", "c.yaml"));
    assertAt("c.yaml:2:1", fails("a: 1\n---\nb: 2\n", "c.yaml"));
    assertAt("c.yaml:1:4", fails("a: !custom 1\n", "c.yaml"));
    assertAt("c.yaml:1:4", fails("a: !!int nope\n", "c.yaml"));
    assertAt("c.yaml:1:3", fails("? [k]\n: v\n", "c.yaml"));
    assertAt("c.yaml:1:9", fails("a: {<<: 5, b: 1}\n", "c.yaml"));
    assertAt("c.yaml:1:5", fails("a: x\u0001y\n", "c.yaml"));
  }

  @Test
  void malformedPackageHeaders() {
    assertAt("c.yaml:2:3", fails("# config\n# @package\na: 1\n", "c.yaml"));
    assertAt("c.yaml:1:3", fails("# @package a b\n", "c.yaml"));
    ConfigException colon = fails("# @package: foo\n", "c.yaml");
    assertTrue(colon.hint().contains("'# @package foo'"));
  }

  @Test
  void hoconSyntaxErrorNamesFileAndLine() {
    ConfigException e = fails("a = [1, 2\nb = 1\n", "conf/x.conf");
    assertEquals("conf/x.conf", e.origin().file());
    assertEquals(2, e.origin().line());
    assertTrue(
        e.getMessage().startsWith("HOCON syntax error: List should have ended with ]"),
        e.getMessage());
    assertEquals(3, fails("a {\n  b = 1\n", "x.conf").origin().line());
    assertTrue(fails("[1, 2]\n", "x.conf").getMessage().contains("holds a list"));
  }

  @Test
  void hoconFeaturesWeDoNotResolve() {
    ConfigException optional = fails("a = 1\nhome = ${?HOME}\n", "x.conf");
    assertEquals("x.conf:2:1", optional.origin().toString());
    assertTrue(optional.hint().contains("oc.env"));
    ConfigException append = fails("l = [1]\nx = 2\nl += 2\n", "x.conf");
    assertEquals(3, append.origin().line());
    assertTrue(append.getMessage().contains("'l'"), append.getMessage());
    assertEquals(2, fails("a = 1\na = ${b}\n", "x.conf").origin().line());
    // A self-referencing merge, which once escaped as Typesafe's NotResolved.
    assertEquals(
        "x.conf:2:1", fails("a { x = 1 }\na = ${a} { y = 2 }\n", "x.conf").origin().toString());
    // Text no file can hold (found by InputFuzzTest: the YAML parser failed on it).
    assertEquals("x.yaml:2:4", fails("a: 1\nc: \uD800\n", "x.yaml").origin().toString());
    ConfigException include = fails("a = 1\ninclude \"other.conf\"\n", "x.conf");
    assertEquals("x.conf:2:1", include.origin().toString());
  }

  @Test
  void everyHoconIncludeFormIsRefusedWithoutReadingOrFetching(@TempDir Path dir) throws Exception {
    Path outside = dir.resolve("outside.conf");
    Files.writeString(outside, "secret = 42\n");
    java.util.concurrent.atomic.AtomicInteger fetched =
        new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          byte[] body = "secret = 42\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.conf";
      for (String form :
          java.util.List.of(
              "\"" + outside + "\"",
              "file(\"" + outside + "\")",
              "url(\"" + url + "\")",
              "classpath(\"reference.conf\")",
              "required(file(\"" + outside + "\"))",
              "required(url(\"" + url + "\"))",
              "required(classpath(\"hydra4j-conf/hydra/config.yaml\"))")) {
        ConfigException e = fails("a = 1\n  include " + form + "\nb = 2\n", "conf/x.conf");
        assertEquals("conf/x.conf:2:3", e.origin().toString(), form);
        assertTrue(e.getMessage().startsWith("HOCON 'include "), e.getMessage());
        assertTrue(e.hint().contains("defaults list"), e.hint());
      }
    } finally {
      server.stop(0);
    }
    assertEquals(0, fetched.get(), "composing never fetches a URL");
  }

  @Test
  void invalidUtf8NamesTheLineAndTheByte(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.write(
        file, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', 'x', (byte) 0xC3, '(', '\n'});
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.read(file, "conf/bad.yaml"));
    assertAt("conf/bad.yaml:2:5", e);
    assertTrue(
        e.getMessage().contains("byte 0xC3 at line 2, column 5 (byte offset 9)"), e.getMessage());
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.yaml");
    byte[] line = "k: 1234567890\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written <= ConfigText.MAX_BYTES; written += line.length) {
        out.write(line);
      }
    }
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.read(file, "conf/huge.yaml"));
    assertTrue(e.getMessage().contains("conf/huge.yaml is larger than 8 MiB"), e.getMessage());
  }

  @Test
  void nestedAliasesStopAtTheExpansionLimit() {
    StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      yaml.append("]\n");
    }
    ConfigException e = fails(yaml.toString(), "conf/bomb.yaml");
    assertAt("conf/bomb.yaml:5:45", e);
    assertTrue(e.getMessage().contains("expand to more than 100000 nodes"), e.getMessage());
    // Aliases below the limit keep working: a shared block used a few times.
    ConfigMap ok =
        ConfigFiles.parse("base: &b {x: 1, y: [1, 2]}\nc: *b\nd: {<<: *b, x: 2}\n", "conf/ok.yaml")
            .root();
    assertEquals(3, ok.entries().size());
  }

  @Test
  void filesThatCannotBeRead(@TempDir Path dir) throws Exception {
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> ConfigFiles.read(dir.resolve("nope.yaml"), "conf/nope.yaml"));
    assertTrue(missing.getMessage().contains("conf/nope.yaml does not exist"));
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    ConfigException encoding =
        assertThrows(ConfigException.class, () -> ConfigFiles.read(latin1, "conf/latin1.yaml"));
    assertTrue(encoding.getMessage().contains("not valid UTF-8"));
    assertThrows(ConfigException.class, () -> ConfigFiles.parse("a: 1", "conf/a.json"));
  }
}
