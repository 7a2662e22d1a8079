package org.ombud.conversations.internal;

import java.util.List;
import java.util.Optional;

import org.ombud.conversations.MessageDelivery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery columns of messages: state, the channel's id, the error, the reply target and the options. */
@Repository
public class DeliveryStore {

	private static final String COLUMNS = """
			id, conversation_id, delivery_state, external_id, delivery_error, reply_to_message_id, no_link_preview,
			no_typing""";

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void setOptions(long messageId, Long replyToMessageId, Boolean noLinkPreview, Boolean noTyping) {
		jdbc.sql("update messages set reply_to_message_id = ?, no_link_preview = ?, no_typing = ? where id = ?")
			.params(replyToMessageId, noLinkPreview, noTyping, messageId)
			.update();
	}

	/** Sets the state; {@code externalId} and {@code error} replace what was there. */
	public boolean setState(long messageId, String state, String externalId, String error) {
		return jdbc.sql("update messages set delivery_state = ?, external_id = ?, delivery_error = ? where id = ?")
			.params(state, externalId, error, messageId)
			.update() == 1;
	}

	/** Moves the state only from {@code from}: of two agents retrying at once, one does. */
	public boolean transition(long messageId, String from, String to) {
		return jdbc.sql("update messages set delivery_state = ?, delivery_error = null where id = ? and delivery_state = ?")
			.params(to, messageId, from)
			.update() == 1;
	}

	public Optional<MessageDelivery> delivery(long messageId) {
		return jdbc.sql("select " + COLUMNS + " from messages where id = ?")
			.param(messageId)
			.query(DeliveryStore::row)
			.optional();
	}

	public List<MessageDelivery> deliveries(long conversationId) {
		return jdbc.sql("select " + COLUMNS + " from messages where conversation_id = ? and (delivery_state is not null or external_id is not null) order by id")
			.param(conversationId)
			.query(DeliveryStore::row)
			.list();
	}

	private static MessageDelivery row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new MessageDelivery(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("delivery_state"),
				rs.getString("external_id"), rs.getString("delivery_error"),
				rs.getObject("reply_to_message_id", Long.class), rs.getObject("no_link_preview", Boolean.class),
				rs.getObject("no_typing", Boolean.class));
	}
}
