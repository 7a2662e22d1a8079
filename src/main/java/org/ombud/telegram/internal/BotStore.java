package org.ombud.telegram.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ombud.shared.SqlTime;
import org.ombud.telegram.BotMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bots, the updates taken, the poll lease and offset, the help menu and what it achieved, in SQL. */
@Repository
public class BotStore {

	/** A bot's row; {@code token} is null for bots of the configuration. */
	public record BotRow(String key, String username, String token, boolean fromConfiguration, BotMode mode,
			String webhookSecret, String webhookUrl, long pollOffset, Instant createdAt) {

		@Override
		public String toString() {
			return "BotRow[key=" + key + ", username=" + username + ", mode=" + mode + "]";
		}
	}

	private static final String COLUMNS = "bot_key, username, token, source, mode, webhook_secret, webhook_url, poll_offset, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	BotStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<BotRow> bots() {
		return jdbc.sql("select " + COLUMNS + " from telegram_bots order by created_at, bot_key").query(BotStore::row).list();
	}

	public Optional<BotRow> bot(String key) {
		return jdbc.sql("select " + COLUMNS + " from telegram_bots where bot_key = ?").param(key).query(BotStore::row).optional();
	}

	/** Adds a bot; false when one with this key is already there. */
	public boolean insert(String key, String username, String token, boolean fromConfiguration, BotMode mode,
			String webhookSecret) {
		return jdbc.sql("""
				insert into telegram_bots (bot_key, username, token, source, mode, webhook_secret, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(key, username, token, fromConfiguration ? "CONFIG" : "CONSOLE", mode.name(), webhookSecret,
					SqlTime.param(clock.instant()))
			.update() == 1;
	}

	/** A bot of the configuration: its mode follows the configuration, its token is never stored. */
	public void adoptConfigured(String key, BotMode mode) {
		jdbc.sql("update telegram_bots set source = 'CONFIG', token = null, mode = ? where bot_key = ?")
			.params(mode.name(), key)
			.update();
	}

	public void updateUsername(String key, String username) {
		jdbc.sql("update telegram_bots set username = ? where bot_key = ?").params(username, key).update();
	}

	public void updateWebhook(String key, String url, BotMode mode) {
		jdbc.sql("update telegram_bots set webhook_url = ?, mode = ? where bot_key = ?")
			.params(url, mode.name(), key)
			.update();
	}

	public boolean delete(String key) {
		return jdbc.sql("delete from telegram_bots where bot_key = ? and source = 'CONSOLE'").param(key).update() == 1;
	}

	/** Holds the bot's row until the transaction ends: one group chat becomes one organisation. */
	public void lock(String key) {
		jdbc.sql("select bot_key from telegram_bots where bot_key = ? for update").param(key).query(String.class).optional();
	}

	// --- updates

	/**
	 * Takes an update: true when it is new. Written in the transaction that applies the update, so a replay
	 * that finds the row changes nothing, and an update whose effects rolled back is taken again.
	 */
	public boolean take(String key, long updateId, String outcome, String payload) {
		return jdbc.sql("""
				insert into telegram_updates (bot_key, update_id, received_at, outcome, payload)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(key, updateId, SqlTime.param(clock.instant()), outcome, payload)
			.update() == 1;
	}

	public void outcome(String key, long updateId, String outcome) {
		jdbc.sql("update telegram_updates set outcome = ? where bot_key = ? and update_id = ?")
			.params(outcome, key, updateId)
			.update();
	}

	public boolean taken(String key, long updateId) {
		return jdbc.sql("select count(*) from telegram_updates where bot_key = ? and update_id = ?")
			.params(key, updateId)
			.query(Long.class)
			.single() > 0;
	}

	// --- polling

	/**
	 * Takes or renews the poll lease of a bot for {@code owner}: true when this node may poll it until
	 * {@code until}. Another node's lease that has not run out is left alone.
	 */
	public boolean lease(String key, String owner, Instant now, Instant until) {
		return jdbc.sql("""
				update telegram_bots set poll_owner = ?, poll_until = ?
				where bot_key = ? and mode = 'POLLING' and (poll_owner is null or poll_owner = ? or poll_until < ?)""")
			.params(owner, SqlTime.param(until), key, owner, SqlTime.param(now))
			.update() == 1;
	}

	public void release(String key, String owner) {
		jdbc.sql("update telegram_bots set poll_owner = null, poll_until = null where bot_key = ? and poll_owner = ?")
			.params(key, owner)
			.update();
	}

	public void advanceOffset(String key, long offset) {
		jdbc.sql("update telegram_bots set poll_offset = ? where bot_key = ? and poll_offset < ?")
			.params(offset, key, offset)
			.update();
	}

	// --- help menu

	public record HelpTopic(String key, String categoryKey, String title, String body) {
	}

	public List<HelpTopic> topics(String language) {
		String lang = language == null || !List.of("en", "ru", "zh").contains(language) ? "en" : language;
		return jdbc.sql("select topic_key, category_key, title_" + lang + ", body_" + lang
				+ " from telegram_help_topics where active = true order by position, id")
			.query((rs, n) -> new HelpTopic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public Optional<HelpTopic> topic(String key, String language) {
		return topics(language).stream().filter(t -> t.key().equals(key)).findFirst();
	}

	/** One person said a topic helped; false when they had said so already. */
	public boolean helped(String botKey, String chatId, String topicKey) {
		return jdbc.sql("""
				insert into telegram_help_outcomes (bot_key, chat_id, topic_key, helped_at)
				values (?, ?, ?, ?) on conflict do nothing""")
			.params(botKey, chatId, topicKey, SqlTime.param(clock.instant()))
			.update() == 1;
	}

	public long peopleHelped(String botKey) {
		return jdbc.sql("select count(distinct chat_id) from telegram_help_outcomes where bot_key = ?")
			.param(botKey)
			.query(Long.class)
			.single();
	}

	/** People the menu helped who never opened a case in that chat (a read over the conversations and cases). */
	public long helpedWithoutCase(String botKey) {
		return jdbc.sql("""
				select count(distinct o.chat_id) from telegram_help_outcomes o
				where o.bot_key = ? and not exists (
				  select 1 from conversations c join cases k on k.conversation_id = c.id
				  where c.channel = 'telegram' and c.endpoint_key = o.bot_key and c.external_chat_id = o.chat_id)""")
			.param(botKey)
			.query(Long.class)
			.single();
	}

	public Map<String, Long> helpedByTopic(String botKey) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select topic_key, count(*) from telegram_help_outcomes where bot_key = ?
				group by topic_key order by topic_key""")
			.param(botKey)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private static BotRow row(ResultSet rs, int n) throws SQLException {
		return new BotRow(rs.getString("bot_key"), rs.getString("username"), rs.getString("token"),
				"CONFIG".equals(rs.getString("source")), BotMode.valueOf(rs.getString("mode")),
				rs.getString("webhook_secret"), rs.getString("webhook_url"), rs.getLong("poll_offset"),
				SqlTime.get(rs, "created_at"));
	}
}
