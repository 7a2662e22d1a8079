package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP, so that Boot's error page and the security filters answer as they do in production. */
class ConsoleErrorPagesTests extends ConsoleTestSupport {

	@LocalServerPort
	int port;

	@Test
	void nonAdminGetsALocalisedForbiddenPageWithoutInternals() throws Exception {
		Browser browser = new Browser();
		browser.login(agent(Role.DUTY_AGENT, "ru"));
		HttpResponse<String> response = browser.get("/console/admin/agents");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<html lang=\"ru\"", "Нет доступа", "href=\"/console/cases\"")
			.doesNotContain("Exception", "trace", "at org.");
	}

	@Test
	void missingCaseIsALocalisedNotFoundPage() throws Exception {
		Browser browser = new Browser();
		browser.login(agent(Role.DUTY_AGENT, "zh"));
		HttpResponse<String> response = browser.get("/console/cases/C-1999-000001");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("未找到").doesNotContain("Exception");
	}

	@Test
	void unknownConsoleAddressIsTheConsolesNotFoundPage() throws Exception {
		Browser browser = new Browser();
		browser.login(agent(Role.DUTY_AGENT, "ru"));
		HttpResponse<String> response = browser.get("/console/no-such-page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Не найдено", "href=\"/console/cases\"").doesNotContain("Whitelabel");
	}

	@Test
	void anonymousErrorPageSpeaksTheBrowsersLanguage() throws Exception {
		HttpResponse<String> response = new Browser().get("/console/cases", "zh-CN,zh;q=0.9");
		assertThat(response.statusCode()).isEqualTo(302);
		HttpResponse<String> forbidden = new Browser().post("/logout", "ru");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("<html lang=\"ru\"", "Нет доступа").doesNotContain("Exception");
	}

	@Test
	void consolePagesCarryTheStrictContentSecurityPolicy() throws Exception {
		Browser browser = new Browser();
		browser.login(agent("en"));
		HttpResponse<String> response = browser.get("/console/cases");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'", "style-src 'self'");
		// nothing in the page itself needs an exception to that policy
		assertThat(response.body()).doesNotContain("style=\"", "onclick", "<style").doesNotContainPattern("<script>");
	}

	@Test
	void uploadOverTheServerLimitGetsAFriendly413() throws Exception {
		Category category = category(team());
		CaseView c = newCase(category, "Upload limits");
		Browser browser = new Browser();
		browser.login(agent("en"));
		String page = browser.get("/console/cases/" + c.number()).body();
		String token = field(page, "<meta name=\"_csrf\" content=\"([^\"]+)\"");
		byte[] big = new byte[12 * 1024 * 1024];
		String path = "/console/cases/" + c.number() + "/evidence";
		HttpResponse<String> htmx = browser.upload(path, token, big, Upload.HTMX);
		assertThat(htmx.statusCode()).isEqualTo(413);
		assertThat(htmx.headers().firstValue("HX-Retarget")).hasValue(UploadTooLarge.ERROR_SLOT);
		assertThat(htmx.body()).contains("The upload is too large: each file may be at most 10 MB.").doesNotContain("<html");
		HttpResponse<String> plain = browser.upload(path, token, big, Upload.HEADER);
		assertThat(plain.statusCode()).isEqualTo(413);
		assertThat(plain.body()).contains("<html", "Too large", "each file may be at most 10 MB");
		// with the token only inside the form, the CSRF check has to read the form, and the container refuses it
		HttpResponse<String> form = browser.upload(path, token, big, Upload.FORM);
		assertThat(form.statusCode()).isEqualTo(413);
		assertThat(cases.evidence(c.id())).isEmpty();
	}

	static String field(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as("pattern %s", regex).isTrue();
		return m.group(1);
	}

	enum Upload {
		/** as htmx sends it: CSRF header and HX-Request */
		HTMX,
		/** a plain request with the CSRF header */
		HEADER,
		/** a plain form without JavaScript: the CSRF token is a form field */
		FORM
	}

	/** A cookie-keeping client that logs in through the real login form. */
	final class Browser {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

		HttpResponse<String> get(String path) throws Exception {
			return get(path, "en");
		}

		HttpResponse<String> get(String path, String languages) throws Exception {
			return client.send(HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.header("Accept-Language", languages)
				.GET()
				.build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String languages) throws Exception {
			return client.send(HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html")
				.header("Accept-Language", languages)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(""))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		void login(Agent agent) throws Exception {
			String page = get("/login").body();
			String token = field(page, "name=\"_csrf\" value=\"([^\"]+)\"");
			String form = "username=" + enc(agent.username()) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token);
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/console");
		}

		HttpResponse<String> upload(String path, String csrf, byte[] bytes, Upload how) throws Exception {
			String boundary = "----ombud" + System.nanoTime();
			String field = how == Upload.FORM ? "--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n" : "";
			byte[] head = (field + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.png\"\r\n"
					+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] body = new byte[head.length + bytes.length + tail.length];
			System.arraycopy(head, 0, body, 0, head.length);
			System.arraycopy(bytes, 0, body, head.length, bytes.length);
			System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept-Language", "en")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (how == Upload.HTMX) {
				request.header("HX-Request", "true");
			}
			if (how != Upload.FORM) {
				request.header("X-CSRF-TOKEN", csrf);
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		private String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}
}
