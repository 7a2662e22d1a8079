/**
 * The agents' console: the case queue, the case page with its timeline and actions, the hotline form and the
 * admin pages (teams, agents, categories, API tokens, Telegram bots). Server-rendered with Thymeleaf; htmx swaps only the
 * parts that change, and every action also works as a plain form without JavaScript.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "contacts", "conversations", "cases", "intake", "outbox",
				"trackers", "telegram" })
package org.ombud.console;
