package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report of a real sweep in headless Chromium, as a person would open it, with the
 * network switched off: the page must load, hold the results table and its plots, and the plots
 * must actually be drawn on the screen.
 */
class ReportChromiumIT {

  @TempDir Path tmp;

  private static List<String> chromium(Path chrome, Path profile, String... more) {
    List<String> command =
        new ArrayList<>(
            List.of(
                chrome.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--hide-scrollbars",
                "--window-size=1280,2400"));
    command.addAll(List.of(more));
    return command;
  }

  @Test
  void theReportRendersWithItsPlotsInChromium() throws Exception {
    Path chrome = chrome();
    Path sweep = CollectCommandTest.realSweep(tmp);
    Path html = tmp.resolve("report.html");
    CliRun report = CliRun.of("report", sweep.toString(), "-o", html.toString());
    assertEquals(0, report.exitCode(), report.err());
    assertEquals("wrote " + html + " (4 jobs, 4 plots)\n", report.out());

    String page = Files.readString(html);
    assertTrue(
        !page.contains("http://") && !page.contains("https://"),
        "the report must not fetch anything");
    Matcher images =
        Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
    int count = 0;
    while (images.find()) {
      BufferedImage image =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
      assertEquals(560, image.getWidth());
      count++;
    }
    assertEquals(4, count);

    ExternalTools.Result dom =
        ExternalTools.run(
            chromium(chrome, tmp.resolve("profile1"), "--dump-dom", html.toUri().toString()), 180);
    assertEquals(0, dom.exitCode(), dom.output());
    assertTrue(dom.output().contains("<h1>sweep "), dom.output());
    assertEquals(4 + 1, dom.output().split("<tr>", -1).length - 1, "header + 4 job rows");
    assertEquals(4, dom.output().split("<img ", -1).length - 1);

    // Drawn, not only present: a broken image would leave the page nearly colourless.
    Path bare = tmp.resolve("bare.html");
    Files.writeString(bare, page.replaceAll("src=\"data:image/png;base64,[^\"]*\"", "src=\"\""));
    long withPlots = colouredPixels(screenshot(chrome, html, tmp.resolve("with.png")));
    long without = colouredPixels(screenshot(chrome, bare, tmp.resolve("without.png")));
    assertTrue(
        withPlots > without + 20_000, "plots add " + (withPlots - without) + " coloured pixels");
  }

  @Test
  void learningCurvesAreDrawnWithTheirBandsInChromium() throws Exception {
    Path chrome = chrome();
    CollectCommandTest.curveSweep(tmp);
    Path html = tmp.resolve("curves.html");
    CliRun report = CliRun.of("report", "curve probe", "--over", "seed", "-o", html.toString());
    assertEquals(0, report.exitCode(), report.err());
    // reward and sps over step; reward and score against lr and seed
    assertEquals("wrote " + html + " (4 jobs, 6 plots)\n", report.out());
    ExternalTools.Result dom =
        ExternalTools.run(
            chromium(chrome, tmp.resolve("profile"), "--dump-dom", html.toUri().toString()), 180);
    assertEquals(0, dom.exitCode(), dom.output());
    assertTrue(dom.output().contains("<h2>Curves</h2>"), dom.output());
    assertTrue(dom.output().contains("alt=\"reward over step (2 lines)\""), dom.output());
    assertTrue(dom.output().contains("alt=\"sps over step (2 lines)\""), dom.output());
    Path shot = tmp.resolve("curves.png");
    assertTrue(colouredPixels(screenshot(chrome, html, shot)) > 10_000, "curves are drawn");
  }

  private static Path chrome() {
    Path chrome = ExternalTools.find("chromium", "chromium-browser");
    if (chrome == null) {
      ExternalTools.missing("chromium");
    }
    return chrome;
  }

  private static BufferedImage screenshot(Path chrome, Path page, Path png) throws Exception {
    ExternalTools.Result r =
        ExternalTools.run(
            chromium(
                chrome,
                png.resolveSibling("profile-" + png.getFileName()),
                "--screenshot=" + png,
                page.toUri().toString()),
            180);
    assertEquals(0, r.exitCode(), r.output());
    return ImageIO.read(png.toFile());
  }

  /** Pixels of a clear colour (not white, grey or black), as chart lines and bars are. */
  private static long colouredPixels(BufferedImage image) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        if (max > 60 && max - min > 80) {
          n++;
        }
      }
    }
    return n;
  }
}
