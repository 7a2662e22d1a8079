package org.ombud.outbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables. Every change of a row's state is a guarded update (the state it must be in, and for a
 * claimed row the claim's token), so two nodes can never both move a row: the loser updates nothing.
 */
@Repository
public class OutboxStore {

	public static final String PENDING = "PENDING";

	public static final String SENDING = "SENDING";

	public static final String SENT = "SENT";

	public static final String FAILED = "FAILED";

	private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

	private final JdbcClient jdbc;

	OutboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row as the worker sends it. */
	public record Row(long id, long laneId, Long messageId, Long conversationId, String channel, String endpointKey,
			String chatId, String body, String replyToExternalId, boolean noLinkPreview, boolean noTyping,
			String keyboard, String state, int attempts, String claimToken, Instant sendAt, Instant createdAt) {
	}

	/** The head of a chat's queue, due now. */
	public record Candidate(long id, long laneId, String channel, String endpointKey) {
	}

	public record NewRow(Long messageId, Long conversationId, String channel, String endpointKey, String chatId,
			String body, String replyToExternalId, boolean noLinkPreview, boolean noTyping, String keyboard) {
	}

	/** The chat's lane, made on first use; safe when two transactions make it at once. */
	public long lane(String channel, String endpointKey, String chatId) {
		jdbc.sql("""
				insert into outbox_lanes (channel, endpoint_key, chat_id, next_send_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(channel, endpointKey, chatId, SqlTime.param(EPOCH))
			.update();
		return jdbc.sql("select id from outbox_lanes where channel = ? and endpoint_key = ? and chat_id = ?")
			.params(channel, endpointKey, chatId)
			.query(Long.class)
			.single();
	}

	public long insert(NewRow row, long laneId, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into outbox (lane_id, message_id, conversation_id, channel, endpoint_key, chat_id, body,
				                    reply_to_external_id, no_link_preview, no_typing, keyboard, state, attempts,
				                    next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(laneId, row.messageId(), row.conversationId(), row.channel(), row.endpointKey(), row.chatId(),
					row.body(), row.replyToExternalId(), row.noLinkPreview(), row.noTyping(), row.keyboard(),
					SqlTime.param(now), SqlTime.param(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Rows that may be sent now: the first unfinished row of its chat (so a chat's messages go in order), due,
	 * its chat not waiting, on a channel this node can speak. Oldest due first.
	 */
	public List<Candidate> due(Collection<String> channels, Instant now, int limit) {
		if (channels.isEmpty() || limit <= 0) {
			return List.of();
		}
		return jdbc.sql("""
				select o.id, o.lane_id, o.channel, o.endpoint_key
				from outbox o join outbox_lanes l on l.id = o.lane_id
				where o.state = 'PENDING' and o.next_attempt_at <= :now and l.next_send_at <= :now
				  and o.channel in (:channels)
				  and not exists (select 1 from outbox p
				                  where p.lane_id = o.lane_id and p.state in ('PENDING', 'SENDING') and p.id < o.id)
				order by o.next_attempt_at, o.id
				limit :limit""")
			.param("now", SqlTime.param(now))
			.param("channels", channels)
			.param("limit", limit)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("lane_id"), rs.getString("channel"),
					rs.getString("endpoint_key")))
			.list();
	}

	/** The endpoint's next free send slot, locked until the transaction ends so nodes take slots one by one. */
	public Instant lockEndpoint(String channel, String endpointKey) {
		jdbc.sql("insert into outbox_endpoints (channel, endpoint_key, next_slot_at) values (?, ?, ?) on conflict do nothing")
			.params(channel, endpointKey, SqlTime.param(EPOCH))
			.update();
		return jdbc.sql("select next_slot_at from outbox_endpoints where channel = ? and endpoint_key = ? for update")
			.params(channel, endpointKey)
			.query((rs, n) -> SqlTime.get(rs, "next_slot_at"))
			.single();
	}

	public void setNextSlot(String channel, String endpointKey, Instant next) {
		jdbc.sql("update outbox_endpoints set next_slot_at = ? where channel = ? and endpoint_key = ?")
			.params(SqlTime.param(next), channel, endpointKey)
			.update();
	}

	/** Holds the whole endpoint back until {@code until} (never brings it forward). */
	public void pauseEndpoint(String channel, String endpointKey, Instant until) {
		lockEndpoint(channel, endpointKey);
		jdbc.sql("update outbox_endpoints set next_slot_at = ? where channel = ? and endpoint_key = ? and next_slot_at < ?")
			.params(SqlTime.param(until), channel, endpointKey, SqlTime.param(until))
			.update();
	}

	/**
	 * Takes a due row for this node: only if it is still pending and still the first unfinished row of its chat.
	 * The claim (with the attempt counted) commits before the channel is called.
	 */
	public boolean claim(long id, String token, Instant until, Instant sendAt, Instant now) {
		return jdbc.sql("""
				update outbox set state = 'SENDING', claim_token = ?, claimed_until = ?, send_at = ?,
				                  attempts = attempts + 1
				where id = ? and state = 'PENDING' and next_attempt_at <= ?
				  and not exists (select 1 from outbox p
				                  where p.lane_id = outbox.lane_id and p.state in ('PENDING', 'SENDING')
				                    and p.id < outbox.id)""")
			.params(token, SqlTime.param(until), SqlTime.param(sendAt), id, SqlTime.param(now))
			.update() == 1;
	}

	/** The chat takes its next message no earlier than {@code at}; never brings it forward. */
	public void paceLane(long laneId, Instant at) {
		jdbc.sql("update outbox_lanes set next_send_at = ? where id = ? and next_send_at < ?")
			.params(SqlTime.param(at), laneId, SqlTime.param(at))
			.update();
	}

	public Optional<Row> row(long id) {
		return jdbc.sql("""
				select id, lane_id, message_id, conversation_id, channel, endpoint_key, chat_id, body,
				       reply_to_external_id, no_link_preview, no_typing, keyboard, state, attempts, claim_token,
				       send_at, created_at
				from outbox where id = ?""").param(id).query(OutboxStore::row).optional();
	}

	/** Delivered. Also accepted after the lease ran out and the row was given up as unclear: it did go out. */
	public boolean sent(long id, String token, String externalIds, Instant now) {
		return jdbc.sql("""
				update outbox set state = 'SENT', external_ids = ?, finished_at = ?, last_error = null
				where id = ? and claim_token = ? and state in ('SENDING', 'FAILED')""")
			.params(externalIds, SqlTime.param(now), id, token)
			.update() == 1;
	}

	/** Back to the queue, to be tried at {@code at}; a wait the channel asked for does not count as an attempt. */
	public boolean retry(long id, String token, Instant at, boolean countAttempt, String error) {
		return jdbc.sql("""
				update outbox set state = 'PENDING', next_attempt_at = ?, claim_token = null, claimed_until = null,
				                  attempts = attempts - ?, last_error = ?
				where id = ? and claim_token = ? and state = 'SENDING'""")
			.params(SqlTime.param(at), countAttempt ? 0 : 1, error, id, token)
			.update() == 1;
	}

	public boolean failed(long id, String token, String reason, Instant now) {
		return jdbc.sql("""
				update outbox set state = 'FAILED', finished_at = ?, last_error = ?
				where id = ? and claim_token = ? and state = 'SENDING'""")
			.params(SqlTime.param(now), reason, id, token)
			.update() == 1;
	}

	/** Gives up a row whose lease ran out; the token stays, so a late answer of its call may still record it sent. */
	public boolean abandon(long id, String token, String reason, Instant now) {
		return jdbc.sql("""
				update outbox set state = 'FAILED', finished_at = ?, last_error = ?
				where id = ? and claim_token = ? and state = 'SENDING' and claimed_until < ?""")
			.params(SqlTime.param(now), reason, id, token, SqlTime.param(now))
			.update() == 1;
	}

	/** Claimed rows whose holder let the lease run out: it died, or its call hung. */
	public List<Row> expired(Instant now, int limit) {
		return jdbc.sql("""
				select id, lane_id, message_id, conversation_id, channel, endpoint_key, chat_id, body,
				       reply_to_external_id, no_link_preview, no_typing, keyboard, state, attempts, claim_token,
				       send_at, created_at
				from outbox where state = 'SENDING' and claimed_until < ? order by id limit ?""")
			.params(SqlTime.param(now), limit)
			.query(OutboxStore::row)
			.list();
	}

	/** A new row with the same content at the end of its chat's queue, for an agent's retry. */
	public long requeue(long id, Instant now) {
		Row old = row(id).orElseThrow();
		return insert(new NewRow(old.messageId(), old.conversationId(), old.channel(), old.endpointKey(), old.chatId(),
				old.body(), old.replyToExternalId(), old.noLinkPreview(), old.noTyping(), old.keyboard()),
				old.laneId(), now);
	}

	/** Forgets delivered rows finished before {@code before}, a batch at a time; failed rows stay for a retry. */
	public int purgeSent(Instant before, int batch) {
		return jdbc.sql("""
				delete from outbox where id in (
				    select id from outbox where state = 'SENT' and finished_at < ? order by id limit ?)""")
			.params(SqlTime.param(before), batch)
			.update();
	}

	/** The latest row that delivered this message. */
	public Optional<Long> latestForMessage(long messageId) {
		return jdbc.sql("select max(id) from outbox where message_id = ?")
			.param(messageId)
			.query(Long.class)
			.optional();
	}

	public List<org.ombud.outbox.OutboxEntry> recent(String channel, String endpointKey, int limit) {
		return jdbc.sql("""
				select id, channel, endpoint_key, state, attempts, external_ids, last_error, created_at, finished_at
				from outbox where channel = ? and endpoint_key = ? order by id desc limit ?""")
			.params(channel, endpointKey, limit)
			.query((rs, n) -> new org.ombud.outbox.OutboxEntry(rs.getLong("id"), rs.getString("channel"),
					rs.getString("endpoint_key"), rs.getString("state"), rs.getInt("attempts"),
					rs.getString("external_ids"), rs.getString("last_error"), SqlTime.get(rs, "created_at"),
					SqlTime.get(rs, "finished_at")))
			.list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("lane_id"), rs.getObject("message_id", Long.class),
				rs.getObject("conversation_id", Long.class), rs.getString("channel"), rs.getString("endpoint_key"),
				rs.getString("chat_id"), rs.getString("body"), rs.getString("reply_to_external_id"),
				rs.getBoolean("no_link_preview"), rs.getBoolean("no_typing"), rs.getString("keyboard"),
				rs.getString("state"), rs.getInt("attempts"), rs.getString("claim_token"), SqlTime.get(rs, "send_at"),
				SqlTime.get(rs, "created_at"));
	}

	/** Blanks the copies of what was sent in a conversation whose messages were erased; rows still to send stay. */
	public int eraseSent(long conversationId) {
		return jdbc.sql("""
				update outbox set body = '', keyboard = null, last_error = null
				where conversation_id = ? and state not in ('PENDING', 'SENDING')""")
			.param(conversationId)
			.update();
	}
}
