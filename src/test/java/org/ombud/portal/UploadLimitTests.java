package org.ombud.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, because only the servlet container enforces {@code spring.servlet.multipart.*}: an upload
 * over the limit gets the form back with a localised message and 413, not a bare CSRF 403, and stores nothing.
 * The limits are lowered here so that the test sends kilobytes, not megabytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=96KB" })
class UploadLimitTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	CaseManagement cases;

	@Autowired
	Intake intake;

	private HttpClient http;

	@BeforeEach
	void newBrowser() {
		http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Test
	void aSmallReportGoesThroughWithItsCsrfTokenInTheMultipartBody() throws Exception {
		long before = Fixtures.caseCount(cases);
		String token = csrfToken("/report");
		HttpResponse<String> response = postMultipart("/report", "en", fields(token, "consent", "on"), "shot.png",
				Fixtures.png());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/report/receipt");
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before + 1);

		HttpResponse<String> receipt = get(response.headers().firstValue("Location").orElseThrow(), "en");
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.body()).contains("Your case number is", "/status/");
	}

	@Test
	void anOversizedReportIsRefusedWith413InThePersonsLanguage() throws Exception {
		long before = Fixtures.caseCount(cases);
		String token = csrfToken("/report");
		HttpResponse<String> response = postMultipart("/report", "ru", fields(token, "consent", "on"), "big.png",
				new byte[200 * 1024]);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
		assertThat(response.body()).contains("<html lang=\"ru\"", "Файлы слишком велики, ничего не отправлено.",
				"Сообщить о проблеме");
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before);
	}

	@Test
	void anOversizedMessageOnTheStatusPageIsRefusedWith413() throws Exception {
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "Please look at this.");
		String path = "/status/" + receipt.statusToken();
		int before = cases.timeline(receipt.caseView().id(), false).size();
		String token = csrfToken(path);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", token);
		fields.put("body", "Here is a large file.");
		HttpResponse<String> response = postMultipart(path + "/messages", "zh", fields, "big.pdf", new byte[200 * 1024]);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("上传内容过大，未发送任何内容。", receipt.number());
		assertThat(cases.timeline(receipt.caseView().id(), false)).hasSize(before);
	}

	@Test
	void aBrokenUploadIsRefusedWith400AndStoresNothing() throws Exception {
		long before = Fixtures.caseCount(cases);
		csrfToken("/report");
		String boundary = "----ombud" + UUID.randomUUID();
		// the body ends in the middle of a part, without its closing boundary
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nhalf";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/report"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request could not be read.", "Report a problem");
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before);
	}

	private Map<String, String> fields(String csrf, String... more) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("category", "other");
		fields.put("description", "The payment went through twice.");
		fields.put("email", Fixtures.email());
		for (int i = 0; i < more.length; i += 2) {
			fields.put(more[i], more[i + 1]);
		}
		return fields;
	}

	private String csrfToken(String path) throws Exception {
		HttpResponse<String> page = get(path, "en");
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> postMultipart(String path, String language, Map<String, String> fields,
			String fileName, byte[] file) throws Exception {
		String boundary = "----ombud" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (var field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : "http://127.0.0.1:" + port + path);
	}
}
