package org.ombud.console;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.ombud.shared.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A picture of an image evidence file that the console may show inline. The file is fetched exactly as its
 * download is (same case lookup, same permission check, same audit), its bytes are decoded as an image within a
 * size limit and re-encoded as PNG, so only pixels reach the browser: no metadata, no script, no polyglot.
 * Anything that does not decode as a bounded image (PDF, audio, video, SVG, a broken or disguised file, a
 * decompression bomb) has no preview and stays a download (404).
 */
@Controller
class EvidencePreviewController {

	/** The largest side and the largest number of pixels a preview is decoded for. */
	static final int MAX_SIDE = 8_000;

	static final long MAX_PIXELS = 24_000_000L;

	private final CaseController downloads;

	EvidencePreviewController(CaseController downloads) {
		this.downloads = downloads;
	}

	@GetMapping("/console/cases/{number}/evidence/{id}/preview")
	ResponseEntity<byte[]> preview(@PathVariable String number, @PathVariable String id) {
		ResponseEntity<byte[]> download = downloads.download(number, id);
		String type = download.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		byte[] png = (type != null && type.startsWith("image/") && download.getBody() != null)
				? pixels(download.getBody()).orElse(null) : null;
		if (png == null) {
			throw new NotFound("preview");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"preview.png\"")
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
			.body(png);
	}

	/** The image's pixels as PNG, or empty when the bytes are no image a reader knows or are too large to decode. */
	static Optional<byte[]> pixels(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE
						|| (long) width * height > MAX_PIXELS) {
					return Optional.empty();
				}
				BufferedImage image = reader.read(0);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				if (image == null || !ImageIO.write(image, "png", out)) {
					return Optional.empty();
				}
				return Optional.of(out.toByteArray());
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			// a truncated, corrupt or hostile file: no preview, the download stays
			return Optional.empty();
		}
	}
}
