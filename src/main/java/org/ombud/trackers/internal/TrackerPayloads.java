package org.ombud.trackers.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ombud.trackers.Tracker;
import org.ombud.trackers.TrackerTask;

import tools.jackson.databind.json.JsonMapper;

/**
 * The body each format expects. Generic: our own JSON. Bitrix24: the {@code fields} of {@code tasks.task.add}
 * (BBCode in the description). Jira: the create-issue body of {@code /rest/api/2/issue} (wiki markup).
 */
public final class TrackerPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TrackerPayloads() {
	}

	public static String body(Tracker tracker, TrackerTask task) {
		Map<String, Object> body = new LinkedHashMap<>();
		switch (tracker.format()) {
			case GENERIC -> {
				body.put("type", "ombud.task");
				body.put("title", task.title());
				Map<String, Object> quote = new LinkedHashMap<>();
				quote.put("text", task.quote());
				quote.put("author", task.author());
				quote.put("writtenAt", task.writtenAt() == null ? null : task.writtenAt().toString());
				body.put("quote", quote);
				body.put("case", task.caseNumber());
				body.put("link", task.link());
			}
			case BITRIX24 -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("TITLE", task.title());
				fields.put("DESCRIPTION", "[QUOTE]" + bbcode(task.quote()) + "[/QUOTE]\n" + bbcode(byline(task))
						+ "\n[URL=" + task.link() + "]" + bbcode(caseLabel(task)) + "[/URL]");
				fields.put("RESPONSIBLE_ID", Long.parseLong(tracker.target()));
				body.put("fields", fields);
			}
			case JIRA -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("project", Map.of("key", tracker.target()));
				fields.put("summary", task.title());
				fields.put("description", "{quote}" + wiki(task.quote()) + "{quote}\n" + wiki(byline(task)) + "\n["
						+ wiki(caseLabel(task)).replace("|", " ") + "|" + task.link() + "]");
				fields.put("issuetype", Map.of("name", "Task"));
				body.put("fields", fields);
			}
		}
		return JSON.writeValueAsString(body);
	}

	private static String byline(TrackerTask task) {
		return "— " + (task.author() == null ? "" : task.author())
				+ (task.writtenAt() == null ? "" : ", " + task.writtenAt());
	}

	private static String caseLabel(TrackerTask task) {
		return task.caseNumber() == null ? "Ombud" : "Ombud " + task.caseNumber();
	}

	/** Client text may not close our quote or open tags of its own. */
	private static String bbcode(String text) {
		return text == null ? "" : text.replace("[", "(").replace("]", ")");
	}

	private static String wiki(String text) {
		return text == null ? "" : text.replace("{", "(").replace("}", ")").replace("[", "(").replace("]", ")");
	}
}
