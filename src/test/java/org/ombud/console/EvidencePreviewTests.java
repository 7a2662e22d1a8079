package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.cases.Evidence;
import org.ombud.cases.EvidenceFile;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.shared.Actor;
import org.ombud.shared.Rejected;
import org.ombud.support.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

class EvidencePreviewTests extends ConsoleTestSupport {

	@Autowired
	JdbcClient jdbc;

	Agent agent;

	CaseView c;

	@BeforeEach
	void aCase() {
		Team team = team();
		Category category = category(team);
		agent = agent(Role.DUTY_AGENT, "en", team);
		c = newCase(category, "Evidence with pictures");
	}

	@Test
	void pngAndJpegArePreviewedAsPngOfTheSameSize() throws Exception {
		for (String format : List.of("png", "jpg")) {
			Evidence evidence = attach("shot." + format, image(format, 37, 23));
			MockHttpServletResponse preview = preview(evidence).andExpect(status().isOk()).andReturn().getResponse();
			assertThat(preview.getContentType()).isEqualTo("image/png");
			assertThat(preview.getHeader("Content-Disposition")).startsWith("inline");
			assertThat(preview.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(preview.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
			assertThat(preview.getHeader("Cache-Control")).startsWith("private");
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(preview.getContentAsByteArray()));
			assertThat(decoded.getWidth()).as(format).isEqualTo(37);
			assertThat(decoded.getHeight()).as(format).isEqualTo(23);
			assertThat(Arrays.copyOf(preview.getContentAsByteArray(), 4)).isEqualTo(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
			// seeing the pixels of evidence is on the audit log, as its download is
			Await.until(Duration.ofSeconds(10), "the preview on the audit log", () -> jdbc.sql(
					"select count(*) from audit_log where action = 'evidence.previewed' and subject_id = ? and actor_id = ?")
				.params(String.valueOf(evidence.id()), agent.id()).query(Long.class).single() == 1);
		}
	}

	@Test
	void thePageShowsAThumbnailForAnImageAndOnlyALinkForAPdf() throws Exception {
		Evidence png = attach("shot.png", image("png", 4, 4));
		Evidence pdf = attach("letter.pdf", pdf());
		String html = mvc.perform(get("/console/cases/" + c.number()).with(as(agent)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).containsPattern("<img class=\"thumb\" loading=\"lazy\"\\s+src=\"" + url(png)
				+ "\"\\s+alt=\"Preview of shot.png\">")
			.contains("href=\"/console/cases/" + c.number() + "/evidence/" + pdf.id() + "\"")
			.doesNotContain(url(pdf));
	}

	@Test
	void aPdfABrokenImageOrADecompressionBombHasNoPreview() throws Exception {
		byte[] whole = image("png", 64, 64);
		Evidence pdf = attach("letter.pdf", pdf());
		Evidence truncated = attach("cut.png", Arrays.copyOf(whole, whole.length / 2));
		Evidence bomb = attach("bomb.png", hugePngHeader());
		assertThat(List.of(pdf.contentType(), truncated.contentType(), bomb.contentType()))
			.containsExactly("application/pdf", "image/png", "image/png");
		for (Evidence evidence : List.of(pdf, truncated, bomb)) {
			MockHttpServletResponse response = preview(evidence).andExpect(status().isNotFound()).andReturn().getResponse();
			assertThat(response.getContentType()).as(evidence.fileName()).doesNotStartWith("image/");
			// the download is still there
			mvc.perform(get("/console/cases/" + c.number() + "/evidence/" + evidence.id()).with(as(agent)))
				.andExpect(status().isOk());
		}
	}

	@Test
	void anHtmlFileNamedPngIsNotEvenStored() {
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> attach("cat.png", html)).isInstanceOf(Rejected.class);
		assertThat(cases.evidence(c.id())).isEmpty();
	}

	@Test
	void previewsOfAnotherCaseOrUnknownAreNotFoundAndStrangersGoToLogin() throws Exception {
		Evidence evidence = attach("shot.png", image("png", 3, 3));
		CaseView other = newCase(category(team()), "other");
		mvc.perform(get("/console/cases/" + other.number() + "/evidence/" + evidence.id() + "/preview").with(as(agent)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/console/cases/" + c.number() + "/evidence/x/preview").with(as(agent)))
			.andExpect(status().isNotFound());
		String location = mvc.perform(get(url(evidence))).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).endsWith("/login");
	}

	private org.springframework.test.web.servlet.ResultActions preview(Evidence evidence) throws Exception {
		return mvc.perform(get(url(evidence)).with(as(agent)));
	}

	private String url(Evidence evidence) {
		return "/console/cases/" + c.number() + "/evidence/" + evidence.id() + "/preview";
	}

	private Evidence attach(String name, byte[] bytes) {
		return cases.attachEvidence(c.id(), List.of(new EvidenceFile(name, bytes)), Actor.agent(agent.id())).get(0);
	}

	static byte[] image(String format, int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xFF0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).isTrue();
		return out.toByteArray();
	}

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** A valid PNG signature and header claiming 100 000 × 100 000 pixels, then a tiny compressed stream. */
	static byte[] hugePngHeader() {
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}
}
