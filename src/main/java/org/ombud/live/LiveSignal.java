package org.ombud.live;

/**
 * Something an open console may want to refresh. {@code topic} is one of {@link #CONVERSATION}, {@link #CASE},
 * {@link #ALARM}, {@link #CLOCK}; {@code id} is the conversation's or case's id; {@code teamId} the team it
 * belongs to, when known, so a console can ignore what is not in its view.
 */
public record LiveSignal(String topic, long id, Long teamId) {

	public static final String CONVERSATION = "conversation";

	public static final String CASE = "case";

	public static final String ALARM = "alarm";

	public static final String CLOCK = "clock";

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
