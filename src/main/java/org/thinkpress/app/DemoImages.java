package org.thinkpress.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.FeaturedImage;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.media.MediaFolder;
import org.thinkpress.media.Uploads;

/**
 * Pictures for the demo institute, drawn here with Java2D when the demo is loaded (no photograph
 * is copied from anywhere): for each piece (its translations share one) an abstract map, chart or
 * pattern, and for each expert a portrait-like silhouette. They are stored as any upload is, so
 * they get their variants, and become the pieces' featured images and the experts' photos.
 */
final class DemoImages {

  private static final Color[][] PALETTES = {
      {new Color(0x1b3a5c), new Color(0x3f6e8c), new Color(0xd9c9a3), new Color(0xe0a458), new Color(0xf4f2ee)},
      {new Color(0x23403a), new Color(0x4f7d64), new Color(0xe3d7b8), new Color(0xc8553d), new Color(0xf2efe6)},
      {new Color(0x2e2a4f), new Color(0x5b5f97), new Color(0xe8d9c4), new Color(0xffc15e), new Color(0xf5f3f0)},
  };
  private static final Map<String, String[]> ALT = Map.of(
      "en", new String[] {"An abstract map of coastlines, borders and towns", "An abstract chart of rising and falling lines",
          "An abstract pattern of coloured bands"},
      "ru", new String[] {"Абстрактная карта: береговые линии, границы и города",
          "Абстрактная диаграмма с растущими и падающими линиями", "Абстрактный узор из цветных полос"},
      "hy", new String[] {"Վերացական քարտեզ՝ ափագծեր, սահմաններ և քաղաքներ",
          "Վերացական գծապատկեր՝ բարձրացող և իջնող գծերով", "Վերացական նախշ՝ գունավոր շերտերով"});
  private static final Map<String, String> CREDIT = Map.of("en", "Illustration generated for the demo",
      "ru", "Иллюстрация создана для демонстрации", "hy", "Նկարազարդումը ստեղծված է ցուցադրության համար");

  private DemoImages() {}

  /**
   * The bundle with a drawn featured image on every piece and a drawn photo, an upload with its
   * variants, for every expert without one or with the demo's placeholder drawing ({@code /assets/demo/}).
   */
  static ContentBundle add(ContentBundle bundle, Jdbi jdbi, Uploads uploads, long now) {
    Map<String, String> pictures = new HashMap<>();
    List<PublicationInput> publications = new ArrayList<>();
    for (PublicationInput piece : bundle.publications()) {
      String key = piece.translationGroup() != null ? piece.translationGroup() : piece.slug();
      String url = pictures.computeIfAbsent(key, k -> store(jdbi, uploads, picture(k), k + ".jpg", now));
      int style = style(key);
      String language = ALT.containsKey(piece.language()) ? piece.language() : "en";
      publications.add(piece.image() != null ? piece
          : piece.withImage(new FeaturedImage(url, ALT.get(language)[style], "", CREDIT.get(language))));
    }
    List<ExpertInput> experts = new ArrayList<>();
    for (ExpertInput expert : bundle.experts()) {
      boolean drawn = expert.photoUrl() == null || expert.photoUrl().isBlank() || expert.photoUrl().startsWith("/assets/demo/");
      experts.add(!drawn ? expert
          : new ExpertInput(expert.slug(), expert.name(), expert.names(), expert.role(), expert.affiliation(),
              expert.bioMarkdown(), store(jdbi, uploads, portrait(expert.slug()), expert.slug() + ".jpg", now),
              expert.links(), expert.expertise(), expert.languages(), expert.mediaContact()));
    }
    return new ContentBundle(bundle.settings(), bundle.topics(), bundle.regions(), experts, publications);
  }

  private static String store(Jdbi jdbi, Uploads uploads, BufferedImage image, String name, long now) {
    try {
      Path file = Files.createTempFile("demo-image-", ".jpg");
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        Files.write(file, out.toByteArray());
        return jdbi.inTransaction(handle -> MediaFolder.importFile(handle, uploads, file, name, now).url());
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store a demo image", e);
    }
  }

  private static int style(String key) {
    return Math.floorMod(key.hashCode(), 3);
  }

  /** A 1200 × 675 picture for the piece {@code key}: a map, a chart or a pattern, in one of three palettes. */
  static BufferedImage picture(String key) {
    Random random = new Random(key.hashCode());
    Color[] palette = PALETTES[Math.floorMod(key.hashCode() / 3, PALETTES.length)];
    BufferedImage image = new BufferedImage(1200, 675, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    switch (style(key)) {
      case 0 -> map(g, random, palette);
      case 1 -> chart(g, random, palette);
      default -> pattern(g, random, palette);
    }
    g.dispose();
    return image;
  }

  private static void map(Graphics2D g, Random random, Color[] p) {
    g.setPaint(new GradientPaint(0, 0, p[1], 1200, 675, p[0]));
    g.fillRect(0, 0, 1200, 675);
    g.setColor(new Color(255, 255, 255, 40));
    g.setStroke(new BasicStroke(1f));
    for (int x = 0; x < 1200; x += 100) {
      g.drawLine(x, 0, x, 675);
    }
    for (int y = 0; y < 675; y += 100) {
      g.drawLine(0, y, 1200, y);
    }
    for (int i = 0; i < 3; i++) {
      Path2D land = blob(random, 200 + random.nextInt(800), 150 + random.nextInt(400), 140 + random.nextInt(160));
      g.setColor(p[2]);
      g.fill(land);
      g.setColor(p[4]);
      g.setStroke(new BasicStroke(3f));
      g.draw(land);
    }
    g.setColor(p[3]);
    g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {12f, 10f}, 0f));
    g.drawLine(random.nextInt(1200), 0, random.nextInt(1200), 675);
    for (int i = 0; i < 7; i++) {
      int x = 100 + random.nextInt(1000);
      int y = 80 + random.nextInt(520);
      g.setColor(p[0]);
      g.fill(new Ellipse2D.Double(x - 9, y - 9, 18, 18));
      g.setColor(p[3]);
      g.fill(new Ellipse2D.Double(x - 5, y - 5, 10, 10));
    }
  }

  private static Path2D blob(Random random, int cx, int cy, int radius) {
    Path2D path = new Path2D.Double();
    int points = 14;
    for (int i = 0; i <= points; i++) {
      double angle = 2 * Math.PI * (i % points) / points;
      double r = radius * (0.65 + 0.5 * random.nextDouble());
      double x = cx + Math.cos(angle) * r * 1.4;
      double y = cy + Math.sin(angle) * r;
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
    return path;
  }

  private static void chart(Graphics2D g, Random random, Color[] p) {
    g.setColor(p[4]);
    g.fillRect(0, 0, 1200, 675);
    g.setColor(p[2]);
    for (int y = 95; y < 620; y += 105) {
      g.fillRect(80, y, 1040, 2);
    }
    int bars = 12;
    for (int i = 0; i < bars; i++) {
      int height = 80 + random.nextInt(380);
      g.setColor(i % 4 == 3 ? p[3] : p[1]);
      g.fillRect(110 + i * 85, 620 - height, 52, height);
    }
    for (int line = 0; line < 2; line++) {
      Path2D path = new Path2D.Double();
      double y = 200 + random.nextInt(300);
      path.moveTo(90, y);
      for (int x = 90; x <= 1110; x += 60) {
        y = Math.max(90, Math.min(600, y + random.nextGaussian() * 45));
        path.lineTo(x, y);
      }
      g.setColor(line == 0 ? p[0] : p[3]);
      g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(path);
    }
  }

  private static void pattern(Graphics2D g, Random random, Color[] p) {
    g.setColor(p[0]);
    g.fillRect(0, 0, 1200, 675);
    for (int i = 0; i < 9; i++) {
      g.setColor(p[1 + random.nextInt(3)]);
      g.setStroke(new BasicStroke(30 + random.nextInt(40)));
      int offset = i * 170 - 300;
      g.drawLine(offset, 675, offset + 600, 0);
    }
    int cx = 300 + random.nextInt(600);
    for (int r = 420; r > 0; r -= 70) {
      g.setColor(new Color(p[4].getRed(), p[4].getGreen(), p[4].getBlue(), 50));
      g.setStroke(new BasicStroke(10f));
      g.draw(new Ellipse2D.Double(cx - r, 337 - r, 2 * r, 2 * r));
    }
  }

  /** A 480 × 480 portrait-like silhouette: a head and shoulders on a soft background. */
  static BufferedImage portrait(String slug) {
    Random random = new Random(slug.hashCode());
    Color[] palette = PALETTES[Math.floorMod(slug.hashCode(), PALETTES.length)];
    BufferedImage image = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, palette[4], 480, 480, palette[2]));
    g.fillRect(0, 0, 480, 480);
    Color skin = new Color(150 + random.nextInt(80), 110 + random.nextInt(60), 90 + random.nextInt(50));
    g.setColor(palette[random.nextInt(2)]);
    g.fill(new Ellipse2D.Double(70, 330, 340, 300));
    g.setColor(skin);
    g.fill(new Ellipse2D.Double(165, 110, 150, 185));
    g.setColor(new Color(40 + random.nextInt(60), 30 + random.nextInt(40), 20 + random.nextInt(30)));
    g.fill(new Ellipse2D.Double(158, 90, 164, 90 + random.nextInt(40)));
    g.dispose();
    return image;
  }
}
