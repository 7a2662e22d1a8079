package org.ombud.telegram;

import java.util.Map;

/**
 * What the self-service menu achieved for one bot: people who said an article helped, those of them who never
 * opened a case in that chat, and how often each topic helped.
 */
public record HelpStats(String botKey, long peopleHelped, long helpedWithoutCase, Map<String, Long> byTopic) {

	public HelpStats {
		byTopic = Map.copyOf(byTopic);
	}
}
