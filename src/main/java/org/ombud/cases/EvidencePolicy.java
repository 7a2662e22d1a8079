package org.ombud.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.tika.Tika;
import org.ombud.shared.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which files are accepted as evidence: images, PDF, voice (Ogg, MP3) and video (MP4), at most {@code maxFiles} files of at most
 * {@code maxBytes} each. A file must be what its name says by its bytes (magic numbers, read by Tika), so
 * a script renamed to {@code .png} is refused.
 */
@Component
public class EvidencePolicy {

	private static final Map<String, String> ALLOWED = Map.of("image/png", "png", "image/jpeg", "jpg", "image/gif",
			"gif", "image/webp", "webp", "application/pdf", "pdf", "audio/ogg", "ogg", "audio/mpeg", "mp3", "video/mp4",
			"mp4");

	/**
	 * Types that Tika tells apart more finely than evidence needs, by bytes or by name: Ogg audio (a voice message
	 * is Opus in Ogg, named .ogg or .oga), and MP4 video (a phone's video note may carry the ISO brand, which reads
	 * as QuickTime).
	 */
	private static final Map<String, String> FAMILY = Map.of("audio/opus", "audio/ogg", "audio/vorbis", "audio/ogg",
			"application/ogg", "audio/ogg", "video/quicktime", "video/mp4", "video/x-m4v", "video/mp4");

	private final Tika tika = new Tika();

	private final int maxFiles;

	private final long maxBytes;

	EvidencePolicy(@Value("${ombud.evidence.max-files:5}") int maxFiles,
			@Value("${ombud.evidence.max-bytes:10485760}") long maxBytes) {
		this.maxFiles = maxFiles;
		this.maxBytes = maxBytes;
	}

	public int maxFiles() {
		return maxFiles;
	}

	public long maxBytes() {
		return maxBytes;
	}

	public long maxMegabytes() {
		return maxBytes / (1024 * 1024);
	}

	/** The problems with a set of files, one rejection per bad file; empty when all may be stored. */
	public List<Rejection> check(String field, List<EvidenceFile> files) {
		List<Rejection> problems = new ArrayList<>();
		if (files.size() > maxFiles) {
			problems.add(Rejection.of(field, "error.evidence.count", maxFiles));
			return problems;
		}
		for (EvidenceFile file : files) {
			String name = safeName(file.fileName());
			if (file.bytes().length == 0) {
				problems.add(Rejection.of(field, "error.evidence.empty", name));
			}
			else if (file.bytes().length > maxBytes) {
				problems.add(Rejection.of(field, "error.evidence.size", name, maxMegabytes()));
			}
			else if (detect(file) == null) {
				problems.add(Rejection.of(field, "error.evidence.type", name));
			}
		}
		return problems;
	}

	/** The content type of an acceptable file, or null when its bytes and its name disagree or are not allowed. */
	public String detect(EvidenceFile file) {
		String byBytes = family(tika.detect(file.bytes()));
		String byName = family(tika.detect(safeName(file.fileName())));
		if (!ALLOWED.containsKey(byBytes) || !byBytes.equals(byName)) {
			return null;
		}
		return byBytes;
	}

	private static String family(String type) {
		return FAMILY.getOrDefault(type, type);
	}

	/** The file name without any path, control characters or quotes, at most 200 characters. */
	public static String safeName(String fileName) {
		String name = fileName == null ? "" : fileName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>]", "").strip();
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		return name.isEmpty() ? "file" : name;
	}
}
