package org.ombud.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.QueueFilter;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Page;

/** Small helpers the portal tests share: real images, cases opened through Intake, reading rendered HTML. */
final class Fixtures {

	private Fixtures() {
	}

	static long caseCount(CaseManagement cases) {
		return cases.queue(QueueFilter.all(), new Page.Request(0, 1)).total();
	}

	/** A unique address, so tests never meet data from earlier runs on the same PostgreSQL. */
	static String email() {
		return "person-" + UUID.randomUUID() + "@example.org";
	}

	static byte[] png() {
		try {
			var out = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Receipt openCase(Intake intake, String email, String description, EvidenceFile... evidence) {
		return intake.submit(new Submission(Channels.WEBFORM, "Test Person", email, null, null, "en", "content",
				"games", description, "https://example.org/post/1", null, List.of(evidence), Actor.CONTACT));
	}

	/** What Thymeleaf's th:text makes of a text. */
	static String escaped(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	/** The messages shown next to a form field (its {@code <ul id="field-error">}), escaped as in the page. */
	static List<String> fieldErrors(String html, String field) {
		Matcher list = Pattern.compile("<ul class=\"error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</ul>",
				Pattern.DOTALL).matcher(html);
		if (!list.find()) {
			return List.of();
		}
		return Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL)
			.matcher(list.group(1))
			.results()
			.map(m -> m.group(1).strip())
			.toList();
	}
}
