package org.ombud.trackers;

/** The body a tracker expects: our own JSON, Bitrix24's {@code tasks.task.add}, Jira's create-issue. */
public enum TrackerFormat {
	GENERIC, BITRIX24, JIRA;

	public String messageKey() {
		return "trackers.format." + name();
	}
}
