/**
 * External trackers (a generic JSON webhook, Bitrix24, Jira) that an agent sends a client's message to as a
 * task. An admin configures each (URL, format, secret); a task is queued in the outbox and delivered by the
 * webhook channel of this module, signed with HMAC-SHA256, retried like every other outbound message.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "channels", "outbox" })
package org.ombud.trackers;
