package org.ombud.trackers.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a tracker checks a request came from us: {@code X-Ombud-Signature: sha256=<hex>}, the HMAC-SHA256 with the
 * tracker's secret over {@code <X-Ombud-Timestamp>.<body>}, so an old request cannot be replayed as new.
 */
public final class Signatures {

	public static final String SIGNATURE_HEADER = "X-Ombud-Signature";

	public static final String TIMESTAMP_HEADER = "X-Ombud-Timestamp";

	private Signatures() {
	}

	public static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is missing", e);
		}
	}
}
