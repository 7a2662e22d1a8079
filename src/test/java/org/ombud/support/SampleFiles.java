package org.ombud.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

/** Small real files for evidence tests, and a few impostors. */
public final class SampleFiles {

	private SampleFiles() {
	}

	public static byte[] png() {
		return image("png");
	}

	public static byte[] jpeg() {
		return image("jpg");
	}

	/** The start of an Ogg Opus recording, as Telegram sends voice messages: enough for the type check. */
	public static byte[] oggOpus() {
		byte[] ogg = new byte[64];
		System.arraycopy("OggS".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, ogg, 0, 4);
		ogg[5] = 2;
		System.arraycopy("OpusHead".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, ogg, 28, 8);
		ogg[36] = 1;
		return ogg;
	}

	/** The start of an MP4 video with the ISO brand, as phones record video notes. */
	public static byte[] mp4() {
		byte[] mp4 = new byte[64];
		mp4[3] = 0x18;
		System.arraycopy("ftypisom".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, mp4, 4, 8);
		System.arraycopy("isomiso2".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, mp4, 16, 8);
		return mp4;
	}

	public static byte[] pdf() {
		return """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII);
	}

	/** A script that claims to be a PNG by its name. */
	public static byte[] scriptPretendingToBePng() {
		return "<script>alert('x')</script>".getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xff0000);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
