package org.ombud.live;

import java.util.regex.Pattern;

/**
 * Something an open console may want to refresh. {@code topic} is one of {@link #CONVERSATION}, {@link #CASE},
 * {@link #ALARM}, {@link #CLOCK}; {@code id} is the conversation's or case's id; {@code teamId} the team it
 * belongs to, when known, so a console can ignore what is not in its view.
 * <p>
 * A topic is a short lower-case word (letters, digits, dashes): it becomes an event name in the browser
 * ({@code live-<topic>}) and in the event stream, so nothing else is accepted.
 */
public record LiveSignal(String topic, long id, Long teamId) {

	public static final String CONVERSATION = "conversation";

	public static final String CASE = "case";

	public static final String ALARM = "alarm";

	public static final String CLOCK = "clock";

	private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public LiveSignal {
		if (topic == null || !TOPIC.matcher(topic).matches()) {
			throw new IllegalArgumentException("A live topic is a short lower-case word, not " + topic);
		}
	}

	public static LiveSignal conversation(long conversationId, Long teamId) {
		return new LiveSignal(CONVERSATION, conversationId, teamId);
	}

	public static LiveSignal caseChanged(long caseId, Long teamId) {
		return new LiveSignal(CASE, caseId, teamId);
	}

	public static LiveSignal alarm(long conversationId, Long teamId) {
		return new LiveSignal(ALARM, conversationId, teamId);
	}

	public static LiveSignal clock(long caseId, Long teamId) {
		return new LiveSignal(CLOCK, caseId, teamId);
	}
}
