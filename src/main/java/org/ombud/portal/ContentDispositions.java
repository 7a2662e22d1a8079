package org.ombud.portal;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} as RFC 6266 recommends: an ASCII {@code filename} for old clients
 * and the exact name, UTF-8 and percent-encoded (RFC 8187), in {@code filename*}, which browsers prefer.
 */
final class ContentDispositions {

	private static final String ATTR_CHARS = "!#$&+-.^_`|~";

	private ContentDispositions() {
	}

	static String attachment(String fileName) {
		return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
	}

	static String asciiFallback(String fileName) {
		StringBuilder out = new StringBuilder();
		fileName.codePoints()
			.forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
		return out.toString();
	}

	static String encode(String fileName) {
		StringBuilder out = new StringBuilder();
		for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ATTR_CHARS.indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}
}
