/**
 * The Telegram channel: bots from the configuration or the console, their webhook and their long-polling
 * (one poller per bot across nodes, by a database lease), exactly-once intake of updates (each update's key is
 * stored in the transaction that applies it), private chats that become cases, client group chats that
 * become an organisation's conversation, the self-service menu, ratings, and the {@code ChannelAdapter} that
 * sends what the outbox delivers. Speaks the Bot API over HTTP at {@code ombud.telegram.api-url}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "channels", "outbox", "intake",
		"cases", "conversations", "contacts", "identity", "live" })
package org.ombud.telegram;
