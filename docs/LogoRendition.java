// Draws src/main/resources/static/img/logo.svg with Java2D, once, by hand (not part of the build):
//   java docs/LogoRendition.java src/main/resources/static
// writes img/logo.png (512 px, for JSON-LD publisher.logo and apple-touch-icon) and favicon.ico (a 32-px PNG
// inside an ICO, for clients that ask for /favicon.ico without reading the page).
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.*;
import javax.imageio.ImageIO;

/** Draws img/logo.svg's shapes with Java2D: logo.png (512 px) and favicon.ico (a 32-px PNG inside an ICO). */
public class LogoRendition {
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 512.0, size / 512.0);
        g.setColor(new Color(0xb3001b));
        g.fill(new RoundRectangle2D.Double(0, 0, 512, 512, 128, 128));
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(96, 96, 320, 88, 16, 16));
        int[][] rects = {{96, 212, 320, 20}, {96, 264, 144, 28}, {96, 320, 144, 28}, {96, 376, 104, 28}, {272, 264, 144, 28}, {272, 320, 144, 28}, {272, 376, 144, 28}};
        for (int[] r : rects) g.fill(new Rectangle2D.Double(r[0], r[1], r[2], r[3]));
        g.dispose();
        return img;
    }
    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.write(dir.resolve("img/logo.png"), png(draw(512)));
        byte[] small = png(draw(32));
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + small.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);          // ICONDIR: reserved, type icon, one image
        ico.put((byte) 32).put((byte) 32).put((byte) 0).put((byte) 0);             // ICONDIRENTRY: 32x32, no palette
        ico.putShort((short) 1).putShort((short) 32).putInt(small.length).putInt(22); // planes, bpp, size, offset
        ico.put(small);
        Files.write(dir.resolve("favicon.ico"), ico.array());
    }
}
