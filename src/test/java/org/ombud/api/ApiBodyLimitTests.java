package org.ombud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.identity.ApiTokens;
import org.ombud.shared.Tokens;
import org.ombud.support.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API reads no more than the evidence policy could need: with two files of at most 3,000 bytes allowed, a body
 * over about 1 MB is refused with 413 while it is being read, and a file over the limit with 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ombud.evidence.max-bytes=3000", "ombud.evidence.max-files=2" })
class ApiBodyLimitTests {

	// two files of 3,000 bytes in Base64 plus the allowance for text
	static final long LIMIT = 2 * 4000 + ApiConfiguration.TEXT_ALLOWANCE;

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	ApiHttp http;

	String token;

	@BeforeEach
	void setUp() {
		http = new ApiHttp(port);
		token = tokens.create("limits-" + Tokens.random(4), null).secret();
	}

	long cases() {
		return jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

	String oversizedRequest() {
		return """
				{"category":"content","description":"%s","complainant":{"email":"big@example.org"}}"""
			.formatted("a".repeat((int) LIMIT));
	}

	@Test
	void aBodyOverTheLimitIsRefusedWith413() {
		long before = cases();

		ApiHttp.Reply reply = http.post("/api/v1/cases").token(token).json(oversizedRequest()).send();

		ApiTests.assertProblem(reply, 413);
		assertThat(reply.json().get("code").asString()).isEqualTo("api.error.tooLarge");
		assertThat(reply.json().get("detail").asString()).isEqualTo("The request body is larger than 1 MB.");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aStreamedBodyWithoutALengthIsCutOffToo() throws Exception {
		long before = cases();
		byte[] body = oversizedRequest().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept-Language", "ru")
			// a stream of unknown length goes out chunked, with no Content-Length to refuse up front
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("Тело запроса больше 1 МБ.");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aFileOverThePolicysLimitIsAFieldError() throws Exception {
		long before = cases();
		byte[] noise = noisyPng();
		assertThat(noise.length).isGreaterThan(3000);
		Map<String, Object> request = ApiHttp.newCase("big file", "file-" + Tokens.random(6).toLowerCase() + "@example.org");
		request.put("evidence", List.of(ApiTests.evidence("small.png", SampleFiles.png()),
				ApiTests.evidence("noise.png", noise)));

		ApiHttp.Reply reply = http.post("/api/v1/cases").token(token).json(request).send();

		ApiTests.assertProblem(reply, 400);
		assertThat(ApiTests.fields(reply)).containsExactly("evidence[1]");
		assertThat(reply.json().get("errors").get(0).get("code").asString()).isEqualTo("error.evidence.size");
		assertThat(cases()).isEqualTo(before);
	}

	// random pixels do not compress: 40 × 40 of them make a PNG of several kilobytes
	static byte[] noisyPng() throws Exception {
		BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int x = 0; x < 40; x++) {
			for (int y = 0; y < 40; y++) {
				image.setRGB(x, y, random.nextInt(0xffffff));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
