package org.ombud.telegram.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into parts Telegram takes ({@value #LIMIT} UTF-16 units each), at the best boundary inside the
 * limit: a blank line, else a line break, else the end of a sentence, else a space, else anywhere but inside
 * a surrogate pair. Parts are sent as plain text (no parse mode), so nothing needs escaping and no entity can
 * be cut in half.
 */
public final class TextSplitter {

	public static final int LIMIT = 4096;

	private TextSplitter() {
	}

	public static List<String> split(String text) {
		return split(text, LIMIT);
	}

	static List<String> split(String text, int limit) {
		List<String> parts = new ArrayList<>();
		String rest = text == null ? "" : text.strip();
		while (rest.length() > limit) {
			int cut = boundary(rest, limit);
			String part = rest.substring(0, cut).stripTrailing();
			if (!part.isEmpty()) {
				parts.add(part);
			}
			rest = rest.substring(cut).stripLeading();
		}
		if (!rest.isEmpty()) {
			parts.add(rest);
		}
		return parts;
	}

	/** Where to cut: the end of the part, at most {@code limit} units in. */
	static int boundary(String text, int limit) {
		int floor = limit / 2; // a cut this early would make a flurry of short parts
		int at = text.lastIndexOf("\n\n", limit - 2);
		if (at >= floor) {
			return at + 2;
		}
		at = text.lastIndexOf('\n', limit - 1);
		if (at >= floor) {
			return at + 1;
		}
		for (int i = limit - 1; i >= floor; i--) {
			char c = text.charAt(i - 1);
			if ((c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？')
					&& (Character.isWhitespace(text.charAt(i)) || c >= '。')) {
				return i;
			}
		}
		at = text.lastIndexOf(' ', limit - 1);
		if (at >= floor) {
			return at + 1;
		}
		return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
	}
}
