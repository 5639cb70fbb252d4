package gradus.plot;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import com.madgag.gif.fmsware.NeuQuant;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An animated GIF with one 256-colour palette for all frames. XChart's GifEncoder quantizes every
 * frame on its own, sampling one pixel in ten: thin path lines are too few pixels to earn a
 * palette entry, so a red run came out brown and colours flickered between frames. Here NeuQuant
 * (the same quantizer) sees every pixel of the last frame, which holds all the paths, and the run
 * colours, black and white then replace the least used entries unless already present exactly.
 */
final class GifWriter extends AnimatedGifEncoder {
    private final byte[] palette;
    /** Colour → palette index, open addressing (frames repeat a few thousand colours millions of times). */
    private final int[] cacheKeys = new int[1 << 18];
    private final byte[] cacheValues = new byte[1 << 18];
    private int cached;

    private GifWriter(byte[] palette) {
        this.palette = palette;
    }

    static void write(Path file, List<BufferedImage> frames, int delayMs, List<Color> keep) {
        List<Color> exact = new ArrayList<>(keep);
        exact.add(Color.BLACK);
        exact.add(Color.WHITE);
        GifWriter gif = new GifWriter(palette(frames.get(frames.size() - 1), exact));
        gif.setRepeat(0);
        gif.setDelay(delayMs);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            gif.start(out);
            for (BufferedImage frame : frames) {
                gif.addFrame(frame);
            }
            if (!gif.finish()) {
                throw new IOException("the GIF encoder failed");
            }
        } catch (IOException e) {
            throw new PlotException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** 256 RGB triples: NeuQuant's palette of {@code image} with {@code exact} colours forced in. */
    static byte[] palette(BufferedImage image, List<Color> exact) {
        byte[] bgr = bgr(image);
        // every 3rd pixel: the colours that must survive are forced in below anyway
        NeuQuant nq = new NeuQuant(bgr, bgr.length, 3);
        byte[] tab = nq.process();
        for (int i = 0; i < tab.length; i += 3) {
            byte t = tab[i];
            tab[i] = tab[i + 2];
            tab[i + 2] = t;
        }
        int entries = tab.length / 3;
        int[] use = new int[entries];
        for (int i = 0; i < bgr.length; i += 3) {
            use[nq.map(bgr[i] & 0xFF, bgr[i + 1] & 0xFF, bgr[i + 2] & 0xFF)]++;
        }
        boolean[] fixed = new boolean[entries];
        for (Color c : exact) {
            int k = closest(tab, c.getRed(), c.getGreen(), c.getBlue());
            if (distance(tab, k, c.getRed(), c.getGreen(), c.getBlue()) != 0) {
                k = leastUsed(use, fixed);
                tab[3 * k] = (byte) c.getRed();
                tab[3 * k + 1] = (byte) c.getGreen();
                tab[3 * k + 2] = (byte) c.getBlue();
            }
            fixed[k] = true;
        }
        return tab;
    }

    private static int leastUsed(int[] use, boolean[] fixed) {
        int best = -1;
        for (int k = 0; k < use.length; k++) {
            if (!fixed[k] && (best < 0 || use[k] < use[best])) {
                best = k;
            }
        }
        return best;
    }

    private static byte[] bgr(BufferedImage image) {
        BufferedImage b = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        b.getGraphics().drawImage(image, 0, 0, null);
        return ((DataBufferByte) b.getRaster().getDataBuffer()).getData();
    }

    private static int closest(byte[] tab, int r, int g, int b) {
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int k = 0; k < tab.length / 3; k++) {
            int d = distance(tab, k, r, g, b);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(byte[] tab, int k, int r, int g, int b) {
        int dr = (tab[3 * k] & 0xFF) - r;
        int dg = (tab[3 * k + 1] & 0xFF) - g;
        int db = (tab[3 * k + 2] & 0xFF) - b;
        return dr * dr + dg * dg + db * db;
    }

    private int index(int r, int g, int b) {
        int key = (r << 16) | (g << 8) | b | 0x1000000;
        int mask = cacheKeys.length - 1;
        int slot = (key * 0x9E3779B1) >>> 14 & mask;
        while (cacheKeys[slot] != 0) {
            if (cacheKeys[slot] == key) {
                return cacheValues[slot] & 0xFF;
            }
            slot = (slot + 1) & mask;
        }
        int index = closest(palette, r, g, b);
        if (cached < cacheKeys.length * 3 / 4) {
            cacheKeys[slot] = key;
            cacheValues[slot] = (byte) index;
            cached++;
        }
        return index;
    }

    /** Maps the frame (BGR bytes in {@code pixels}) through the fixed palette. */
    @Override
    protected void analyzePixels() {
        int n = pixels.length / 3;
        indexedPixels = new byte[n];
        colorTab = palette.clone();
        Arrays.fill(usedEntry, false);
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            int b = pixels[k] & 0xFF;
            int g = pixels[k + 1] & 0xFF;
            int r = pixels[k + 2] & 0xFF;
            int index = index(r, g, b);
            usedEntry[index] = true;
            indexedPixels[i] = (byte) index;
        }
        pixels = null;
        colorDepth = 8;
        palSize = 7;
    }
}
