package org.nanum.catalogue.infrastructure;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded JPEG, PNG or WebP into what Nanum stores: a JPEG of at most 1600 px a side
 * and a 320 px thumbnail, written afresh so that nothing of the original file but its pixels
 * survives (no EXIF, no GPS, no camera serial). Sizes are checked before pixels are decoded, so a
 * small file that claims to be huge cannot exhaust memory.
 */
public final class PhotoProcessor {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_SIDE_IN = 12_000;
    static final long MAX_PIXELS_IN = 50_000_000L;
    static final int MAX_SIDE = 1600;
    static final int THUMB_SIDE = 320;

    /** The upload could not be used, and why, in words a resident understands. */
    public static class UnusableImageException extends Exception {
        public UnusableImageException(String message) {
            super(message);
        }
    }

    public record Processed(byte[] image, int width, int height, byte[] thumbnail) {
    }

    private PhotoProcessor() {
    }

    public static Processed process(byte[] upload, String contentType) throws UnusableImageException {
        BufferedImage decoded = decode(upload, contentType);
        BufferedImage large = scaled(decoded, MAX_SIDE);
        BufferedImage thumb = scaled(decoded, THUMB_SIDE);
        return new Processed(jpeg(large, 0.85f), large.getWidth(), large.getHeight(), jpeg(thumb, 0.8f));
    }

    private static BufferedImage decode(byte[] upload, String contentType) throws UnusableImageException {
        ImageReader reader = readerFor(contentType);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w <= 0 || h <= 0 || w > MAX_SIDE_IN || h > MAX_SIDE_IN || (long) w * h > MAX_PIXELS_IN) {
                throw new UnusableImageException("the image is " + w + "×" + h
                        + " pixels; at most 12,000 a side and 50 megapixels");
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new UnusableImageException("the image could not be read");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new UnusableImageException("the file is not a readable " + contentType + " image");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(String contentType) throws UnusableImageException {
        if ("image/webp".equals(contentType)) {
            try {
                return new WebPImageReaderSpi().createReaderInstance();
            } catch (IOException e) {
                throw new UnusableImageException("WebP images cannot be read here");
            }
        }
        String format = switch (contentType == null ? "" : contentType) {
            case "image/jpeg" -> "jpeg";
            case "image/png" -> "png";
            default -> throw new UnusableImageException("send a JPEG, PNG or WebP image");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new UnusableImageException(format + " images cannot be read here");
        }
        return readers.next();
    }

    private static BufferedImage scaled(BufferedImage source, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent PNG/WebP areas become white
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
