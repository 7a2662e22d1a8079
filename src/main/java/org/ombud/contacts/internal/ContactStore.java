package org.ombud.contacts.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contact;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ContactStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContactStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Long> contactOf(String channel, String externalId) {
		return jdbc.sql("select contact_id from channel_identities where channel = ? and external_id = ?")
			.params(channel, externalId)
			.query(Long.class)
			.optional();
	}

	public long insertContact(String displayName, String locale) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into contacts (display_name, locale, created_at) values (?, ?, ?)")
			.params(displayName == null || displayName.isBlank() ? null : displayName.trim(), locale,
					SqlTime.param(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Links an identity; false when it already exists (for this or another contact). */
	public boolean link(long contactId, String channel, String externalId) {
		return jdbc.sql("""
				insert into channel_identities (contact_id, channel, external_id, created_at)
				values (?, ?, ?, ?) on conflict do nothing""")
			.params(contactId, channel, externalId, SqlTime.param(clock.instant()))
			.update() == 1;
	}

	public void fillDisplayName(long contactId, String displayName) {
		jdbc.sql("update contacts set display_name = ? where id = ? and display_name is null")
			.params(displayName.trim(), contactId)
			.update();
	}

	public void deleteContactWithIdentities(long contactId) {
		jdbc.sql("delete from channel_identities where contact_id = ?").param(contactId).update();
		jdbc.sql("delete from contacts where id = ?").param(contactId).update();
	}

	/** The person's name and every way to reach them are gone; the row stays for the counts. */
	public void erase(long contactId, java.time.Instant at) {
		jdbc.sql("delete from channel_identities where contact_id = ?").param(contactId).update();
		jdbc.sql("update contacts set display_name = null, erased_at = ? where id = ?")
			.params(org.ombud.shared.SqlTime.param(at), contactId)
			.update();
	}

	public Optional<Contact> contact(long id) {
		List<ChannelIdentity> identities = jdbc
			.sql("select channel, external_id from channel_identities where contact_id = ? order by id")
			.param(id)
			.query((rs, n) -> new ChannelIdentity(rs.getString(1), rs.getString(2)))
			.list();
		return jdbc.sql("select id, display_name, locale from contacts where id = ?")
			.param(id)
			.query((rs, n) -> new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), identities))
			.optional();
	}
}
