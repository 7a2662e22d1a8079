package org.ombud.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider in the test's own process: discovery, its signing key, an authorization endpoint that
 * at once sends the browser back with a code (the person "logged in" as {@link #next}), and a token endpoint that
 * answers with an id token signed by its RSA key. {@link #next} may also ask for a token signed by another key or
 * naming another issuer.
 */
public final class FakeOidcProvider implements AutoCloseable {

	public static final String CLIENT_ID = "ombud-test";

	public static final String CLIENT_SECRET = "ombud-test-secret";

	/** Who logs in next, and how the id token should be spoiled (if at all). */
	public record Person(String subject, String email, boolean emailVerified, Map<String, Object> claims,
			boolean foreignKey, boolean wrongIssuer) {

		public static Person withEmail(String email) {
			return new Person(UUID.randomUUID().toString(), email, true, Map.of(), false, false);
		}

		public Person unverified() {
			return new Person(subject, email, false, claims, foreignKey, wrongIssuer);
		}

		public Person signedByAnotherKey() {
			return new Person(subject, email, emailVerified, claims, true, wrongIssuer);
		}

		public Person fromAnotherIssuer() {
			return new Person(subject, email, emailVerified, claims, foreignKey, true);
		}
	}

	private final HttpServer server;

	private final RSAKey key;

	private final RSAKey foreignKey;

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	public volatile Person next;

	private record Grant(Person person, String nonce) {
	}

	public FakeOidcProvider() {
		try {
			key = new RSAKeyGenerator(2048).keyID("test-key").generate();
			foreignKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException | JOSEException e) {
			throw new IllegalStateException(e);
		}
		server.createContext("/.well-known/openid-configuration", this::discovery);
		server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
		server.createContext("/authorize", this::authorize);
		server.createContext("/token", this::token);
		server.start();
	}

	public String issuer() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void discovery(HttpExchange exchange) throws IOException {
		String issuer = issuer();
		answer(exchange, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
				"jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
				"id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
				"token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}
				""".formatted(issuer));
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		String code = UUID.randomUUID().toString();
		codes.put(code, new Grant(next, query.get("nonce")));
		String location = query.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Grant grant = codes.remove(body.getOrDefault("code", ""));
		if (grant == null) {
			answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		Person person = grant.person();
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
			.issuer(person.wrongIssuer() ? "http://127.0.0.1:1/elsewhere" : issuer())
			.subject(person.subject())
			.audience(List.of(CLIENT_ID))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("email", person.email())
			.claim("email_verified", person.emailVerified());
		if (grant.nonce() != null) {
			claims.claim("nonce", grant.nonce());
		}
		person.claims().forEach(claims::claim);
		SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims.build());
		try {
			idToken.sign(new RSASSASigner(person.foreignKey() ? foreignKey : key));
		}
		catch (JOSEException e) {
			throw new IOException(e);
		}
		answer(exchange, 200, """
				{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid email profile","id_token":"%s"}
				""".formatted(UUID.randomUUID(), idToken.serialize()));
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> values = new HashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
