package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hydra4j-core as a user gets it: the jar this build made, installed into the local Maven
 * repository with its dependency-reduced POM, and examples/java-app built against it by a separate
 * Maven run, then started with the class path Maven gives it.
 */
class JavaAppExampleIT {

  /** core/, found from target/test-classes: failsafe may start in another directory. */
  private static final Path MODULE = moduleDir();

  private static final Path ROOT = MODULE.getParent();
  private static final Path EXAMPLE = ROOT.resolve("examples/java-app");
  private static final String VERSION = "0.1.0";
  private static final Path JAR = MODULE.resolve("target/hydra4j-core-" + VERSION + ".jar");

  private static Path moduleDir() {
    try {
      Path classes =
          Path.of(
              JavaAppExampleIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent().getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @TempDir static Path work;
  private static String classPath;

  record Result(int code, String out, String err) {}

  private static Result run(Path dir, List<String> command) throws Exception {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("still running after 10 minutes: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Result mvn(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dstyle.color=never"));
    command.addAll(Arrays.asList(args));
    Result r = run(ROOT, command);
    assertEquals(0, r.code(), "mvn " + String.join(" ", args) + "\n" + r.out() + r.err());
    return r;
  }

  private static Result app(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaCommand(), "-cp", classPath));
    command.add("dev.hydra4j.example.TrainApp");
    command.addAll(Arrays.asList(args));
    return run(ROOT, command);
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @BeforeAll
  static void installCoreAndBuildTheExample() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "run after `package`: " + JAR);
    String install = "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file";
    // The parent POM first: the core's POM names it.
    mvn(install, "-Dfile=pom.xml", "-DpomFile=pom.xml", "-Dpackaging=pom");
    mvn(
        install,
        "-Dfile=" + JAR,
        "-DpomFile=" + MODULE.resolve("target/dependency-reduced-pom.xml"));
    mvn("-f", EXAMPLE.resolve("pom.xml").toString(), "package");
    Path cp = work.resolve("cp.txt");
    mvn(
        "-f",
        EXAMPLE.resolve("pom.xml").toString(),
        "dependency:build-classpath",
        "-Dmdep.outputFile=" + cp);
    classPath =
        EXAMPLE.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(cp);
  }

  @Test
  void theExampleDependsOnHydra4jCoreAloneWithNoLibraryBesideIt() throws Exception {
    Path tree = work.resolve("tree.txt");
    mvn("-f", EXAMPLE.resolve("pom.xml").toString(), "dependency:tree", "-DoutputFile=" + tree);
    List<String> lines = Files.readAllLines(tree);
    assertEquals(
        List.of(
            "dev.hydra4j.example:java-app:jar:1.0",
            "\\- dev.hydra4j:hydra4j-core:jar:" + VERSION + ":compile"),
        lines,
        String.join("\n", lines));
    String[] entries = classPath.split(java.io.File.pathSeparator);
    assertEquals(2, entries.length, classPath);
    assertTrue(entries[1].endsWith("hydra4j-core-" + VERSION + ".jar"), classPath);
  }

  @Test
  void theCoreJarHoldsNoClassOutsideDevHydra4j() throws IOException {
    List<String> foreign = new ArrayList<>();
    int relocated = 0;
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        if (e.getName().endsWith(".class")) {
          if (!e.getName().startsWith("dev/hydra4j/")) {
            foreign.add(e.getName());
          } else if (e.getName().startsWith("dev/hydra4j/shaded/")) {
            relocated++;
          }
        }
      }
    }
    assertEquals(List.of(), foreign);
    assertTrue(relocated > 0, "snakeyaml, jackson-core and JEXL are bundled, relocated");
  }

  @Test
  void itBindsItsConfigToRecords() throws Exception {
    Result r = app("training=long", "training.lr=0.02");
    assertEquals(0, r.code(), r.err());
    assertEquals("person_100_e30: person_100, 30 epochs, lr=0.02 -> loss 0.0107\n", r.out());
  }

  @Test
  void aBrokenConfigIsOneLocatedErrorListingEveryProblem() throws Exception {
    Result r = app("training.lr=fast", "training.epochs=1.5", "+training.warmup=5s");
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: 3 problems binding the config to AppConfig:"), r.err());
    for (String expected :
        List.of(
            "training.epochs: expected an int, got 1.5 (a float) at override 'training.epochs=1.5'",
            "training.lr: expected a double, got 'fast' (a string) at override 'training.lr=fast'",
            "training.warmup: unknown key: Training has no component 'warmup'")) {
      assertTrue(r.err().contains(expected), r.err());
    }
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void itRunsASweepInItsOwnProcess() throws Exception {
    Result r = app("-m", "training.lr=0.1,0.01", "training=base,long");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r.out());
    for (int i = 0; i < 4; i++) {
      assertTrue(lines.get(i).startsWith("job " + i + " ["), lines.get(i));
    }
    assertTrue(lines.stream().anyMatch(l -> l.contains("30 epochs, lr=0.01")), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.contains("10 epochs, lr=0.1 ")), r.out());
  }

  @Test
  void aHoconFileNeedsTypesafeConfigWhichTheCoreLeavesToTheProgram() throws Exception {
    Result r = app("training=fast");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("fast.conf is a HOCON file"), r.err());
    assertTrue(r.err().contains("com.typesafe:config"), r.err());
  }

  @Test
  void itsSourcesNameNoInternalPackage() throws IOException {
    try (var files = Files.walk(EXAMPLE.resolve("src"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.startsWith("import dev.hydra4j.")) {
            assertTrue(
                line.matches("import dev\\.hydra4j\\.[A-Z]\\w*(\\.\\w+)*;"), f + ": " + line);
          }
        }
      }
    }
  }
}
