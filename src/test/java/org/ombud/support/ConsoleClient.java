package org.ombud.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A browser's worth of HTTP against a running node: a cookie jar, the real login form with its CSRF token,
 * and the console's live event stream read as the browser's EventSource reads it.
 */
public final class ConsoleClient implements AutoCloseable {

	private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	public ConsoleClient(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public static ConsoleClient loggedIn(String base, String username, String password) {
		ConsoleClient client = new ConsoleClient(base);
		HttpResponse<String> answer = client.login(username, password);
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new AssertionError("login of " + username + " failed: " + answer.statusCode() + " " + location);
		}
		return client;
	}

	/** Posts the login form as a browser does; answers the server's reply (a redirect). */
	public HttpResponse<String> login(String username, String password) {
		String token = find(FORM_CSRF, get("/login").body()).orElseThrow(() -> new AssertionError("no CSRF token on /login"));
		return postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
	}

	public void logout() {
		String page = get("/console/cases").body();
		String token = find(META_CSRF, page).orElseThrow(() -> new AssertionError("no CSRF token on the console"));
		postForm("/logout", Map.of("_csrf", token));
	}

	/** The value of a cookie in the jar (the session cookie, say). */
	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst();
	}

	/** The CSRF token of a console page, as htmx sends it in its header. */
	public String csrfToken() {
		String page = get("/console/cases").body();
		return find(META_CSRF, page).orElseThrow(() -> new AssertionError("no CSRF token on the console"));
	}

	/** Sends a request built on this client's base address with its cookies. */
	public HttpResponse<String> send(HttpRequest.Builder request, String path) {
		return send(request.uri(URI.create(base + path)).build());
	}

	/** Follows a redirect to an absolute address (another site's, say), with this client's cookies. */
	public HttpResponse<String> follow(String url) {
		return send(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? base + url : url)).GET().build());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Opens {@code /console/live} and waits for the answer's head (not for any event). */
	public LiveEvents live() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/console/live"))
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		try {
			return new LiveEvents(http.send(request, HttpResponse.BodyHandlers.ofLines()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static Optional<String> find(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? Optional.of(m.group(1)) : Optional.empty();
	}

	@Override
	public void close() {
		http.shutdownNow();
	}

	/** One server-sent event as EventSource would dispatch it. */
	public record Event(String name, String data) {
	}

	/** The events of one open stream, read on a thread of their own as they arrive. */
	public static final class LiveEvents implements AutoCloseable {

		private final HttpResponse<Stream<String>> response;

		private final java.util.List<Event> all = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final java.util.Set<Integer> claimed = new java.util.HashSet<>();

		private final CountDownLatch ended = new CountDownLatch(1);

		LiveEvents(HttpResponse<Stream<String>> response) {
			this.response = response;
			Thread.ofPlatform().daemon().name("test-live-reader").start(this::read);
		}

		public int status() {
			return response.statusCode();
		}

		public String contentType() {
			return response.headers().firstValue("Content-Type").orElse("");
		}

		private void read() {
			String name = "message";
			StringBuilder data = new StringBuilder();
			try (Stream<String> lines = response.body()) {
				for (String line : (Iterable<String>) lines::iterator) {
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							synchronized (claimed) {
								all.add(new Event(name, data.toString()));
								claimed.notifyAll();
							}
						}
						name = "message";
						data.setLength(0);
					}
					else if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						if (!data.isEmpty()) {
							data.append('\n');
						}
						data.append(line.substring(5).strip());
					}
				}
			}
			catch (RuntimeException e) {
				// closed by the test, or the connection broke: either way the stream has ended
			}
			finally {
				ended.countDown();
			}
		}

		/**
		 * The first event, in the order received, that matches and no earlier {@code await} returned; fails
		 * if none has come within {@code within}.
		 */
		public Event await(Predicate<Event> wanted, Duration within) {
			long deadline = System.nanoTime() + within.toNanos();
			synchronized (claimed) {
				while (true) {
					for (int i = 0; i < all.size(); i++) {
						if (!claimed.contains(i) && wanted.test(all.get(i))) {
							claimed.add(i);
							return all.get(i);
						}
					}
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						throw new AssertionError("no such event within " + within.toMillis() + " ms; received " + all);
					}
					try {
						claimed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(e);
					}
				}
			}
		}

		/** Every event received so far that matches, awaited or not. */
		public java.util.List<Event> received(Predicate<Event> wanted) {
			return all.stream().filter(wanted).toList();
		}

		/** Whether the server ended the stream within {@code within}. */
		public boolean endsWithin(Duration within) {
			try {
				return ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public void close() {
			response.body().close();
		}
	}
}
