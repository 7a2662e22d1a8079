/**
 * The agents' console: the case queue, the case page with its timeline and actions, the hotline form, the
 * admin pages (teams, agents, categories, API tokens, SLA policies and calendars, the audit log, trackers, Telegram bots), the
 * SLA clocks on rows and cases, the agent's notifications and settings, delivery state and retry of outbound
 * messages. Server-rendered with Thymeleaf; htmx swaps only the
 * parts that change, and every action also works as a plain form without JavaScript. Open consoles hear what
 * changed through {@code /console/live} (server-sent events) and refresh the part it touches.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "contacts",
		"conversations", "cases", "intake", "audit", "sla", "live", "outbox", "trackers",
		"telegram" })
package org.ombud.console;
