package org.ombud.live.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.ombud.live.LiveSignal;

/**
 * A signal as the text of one {@code NOTIFY}: {@code <node>;<topic>;<id>;<team id or empty>}. The node is the
 * sender's, so a node can skip what it already delivered itself. Anything else on the channel is ignored.
 */
record LivePayload(String node, LiveSignal signal) {

	private static final Pattern NODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	LivePayload {
		if (!NODE.matcher(node).matches()) {
			throw new IllegalArgumentException("node id " + node);
		}
	}

	String text() {
		return node + ";" + signal.topic() + ";" + signal.id() + ";" + (signal.teamId() == null ? "" : signal.teamId());
	}

	static Optional<LivePayload> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String[] parts = text.split(";", -1);
		if (parts.length != 4) {
			return Optional.empty();
		}
		try {
			Long team = parts[3].isEmpty() ? null : Long.valueOf(parts[3]);
			return Optional.of(new LivePayload(parts[0], new LiveSignal(parts[1], Long.parseLong(parts[2]), team)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
