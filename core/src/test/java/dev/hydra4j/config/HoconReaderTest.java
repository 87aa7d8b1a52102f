package dev.hydra4j.config;

import static dev.hydra4j.config.TreeAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoconReaderTest {

  private static ConfigFile read(String hocon) {
    return HoconReader.read(hocon, "conf/x.conf");
  }

  @Test
  void keepsTheOrderKeysAreWrittenIn() {
    ConfigMap root =
        read("zeta = 1\nalpha { y = 2, b = 3, a = 4 }\nmid = [1, 2]\n" + "k.m.n = 5\nbeta = x\n")
            .root();
    assertEquals(List.of("zeta", "alpha", "mid", "k", "beta"), new ArrayList<>(root.keys()));
    assertEquals(List.of("y", "b", "a"), new ArrayList<>(((ConfigMap) root.get("alpha")).keys()));
  }

  @Test
  void typesNumbersByHowTheyAreWritten() {
    ConfigMap root =
        read("lr = 1.0\nn = 2\nbig = 3000000000\ne = 1e3\nneg = -0.5\n"
                + "t = true\nnothing = null\ns = \"2\"\nw = hello world\n")
            .root();
    assertIdentical(
        YamlReader.read(
                "lr: 1.0\nn: 2\nbig: 3000000000\ne: 1000.0\nneg: -0.5\n"
                    + "t: true\nnothing: null\ns: '2'\nw: hello world\n",
                "x.yaml")
            .root(),
        root);
  }

  @Test
  void substitutionsBecomeInterpolationsForOurInterpolator() {
    ConfigMap root =
        read("name = foo\npath = ${name}\nrun = run_${name}_${a.b}\n"
                + "quoted = \"out/\"${name}\" end\"\nlist = [${name}, x${name}]\n")
            .root();
    assertEquals("${name}", ((ConfigValue) root.get("path")).value());
    assertEquals("run_${name}_${a.b}", ((ConfigValue) root.get("run")).value());
    assertEquals("out/${name} end", ((ConfigValue) root.get("quoted")).value());
    assertEquals(
        List.of(ConfigValue.of("${name}", null), ConfigValue.of("x${name}", null)),
        ((ConfigList) root.get("list")).items());
    assertEquals(List.of("name", "path", "run", "quoted", "list"), new ArrayList<>(root.keys()));
  }

  @Test
  void originsNameTheFileAndLine() {
    ConfigMap root = read("a = 1\nb {\n  c = [x, y]\n}\n").root();
    assertEquals("conf/x.conf:1:1", root.get("a").origin().toString());
    ConfigMap b = (ConfigMap) root.get("b");
    assertEquals(2, b.origin().line());
    assertEquals("conf/x.conf:3:3", b.get("c").origin().toString());
  }

  @Test
  void readsPackageHeadersWithEitherCommentStyle() {
    assertEquals("_global_", read("# @package _global_\na = 1\n").packageHeader());
    assertEquals("db.main", read("// comment\n// @package db.main\na = 1\n").packageHeader());
    assertNull(read("a = 1\n# @package x\n").packageHeader());
  }

  @Test
  void emptyFileIsAnEmptyMap() {
    assertEquals(0, read("").root().size());
    assertEquals(0, read("# nothing\n").root().size());
  }
}
