package io.sitkit.fx.ui;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: writes 1280×800 PNGs of the inspector window — a dialog, when given, drawn centred
 * over it with a drop shadow, as a person would see it — to {@code sitkit.fx.screenshots}
 * ({@code docs/screenshots} in the build). Call on the FX thread.
 */
final class Screenshots {
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private Screenshots() {
    }

    static Path dir() {
        return Path.of(System.getProperty("sitkit.fx.screenshots", "target/screenshots"));
    }

    /** The window as it was when a UI test step timed out, to {@code target/ui-failure.png}, for the person reading the failure. */
    static Path failure(Scene main) {
        return write(Path.of("target"), "ui-failure.png", main, null);
    }

    static Path write(String name, Scene main, Scene dialog) {
        return write(dir(), name, main, dialog);
    }

    private static Path write(Path dir, String name, Scene main, Scene dialog) {
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.drawImage(image(main), 0, 0, null);
        if (dialog != null) {
            BufferedImage d = image(dialog);
            int x = (WIDTH - d.getWidth()) / 2;
            int y = Math.max(20, (HEIGHT - d.getHeight()) / 2);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f));
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 8; i > 0; i--) {
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.04f));
                g.fillRoundRect(x - i, y - i + 4, d.getWidth() + 2 * i, d.getHeight() + 2 * i, 12, 12);
            }
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(d, x, y, null);
            g.setColor(new Color(0x9aa4b1));
            g.drawRect(x - 1, y - 1, d.getWidth() + 1, d.getHeight() + 1);
        }
        g.dispose();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage image(Scene scene) {
        WritableImage fx = scene.snapshot(null);
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = fx.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        return b;
    }
}
