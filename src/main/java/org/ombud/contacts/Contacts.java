package org.ombud.contacts;

import java.util.List;
import java.util.Optional;

import org.ombud.contacts.internal.ContactStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the contact behind a set of identities, creating it (and linking new identities) as needed. */
@Service
public class Contacts {

	private final ContactStore store;

	Contacts(ContactStore store) {
		this.store = store;
	}

	/**
	 * The contact known by any of these identities, or a new one. Identities not yet known are linked to it;
	 * an identity that already belongs to someone else stays theirs.
	 */
	@Transactional
	public long identify(List<ChannelIdentity> identities, String displayName, String locale) {
		if (identities.isEmpty()) {
			throw new IllegalArgumentException("a contact needs at least one identity");
		}
		Optional<Long> known = identities.stream()
			.map(i -> store.contactOf(i.channel(), i.externalId()))
			.flatMap(Optional::stream)
			.findFirst();
		long contactId = known.orElseGet(() -> store.insertContact(displayName, locale));
		for (ChannelIdentity identity : identities) {
			if (!store.link(contactId, identity.channel(), identity.externalId())) {
				long owner = store.contactOf(identity.channel(), identity.externalId()).orElseThrow();
				if (known.isEmpty() && owner != contactId) {
					// another request created this person a moment ago: use theirs, drop ours
					store.deleteContactWithIdentities(contactId);
					return identify(identities, displayName, locale);
				}
			}
		}
		if (known.isPresent() && displayName != null && !displayName.isBlank()) {
			store.fillDisplayName(contactId, displayName);
		}
		return contactId;
	}

	/** Erases the person's name and identities (e-mail, phone, channel ids); the contact stays, nameless. */
	@org.springframework.transaction.annotation.Transactional
	public void erase(long contactId, java.time.Instant at) {
		store.erase(contactId, at);
	}

	public Optional<Contact> contact(long id) {
		return store.contact(id);
	}

	public Optional<Long> findByIdentity(String channel, String externalId) {
		return store.contactOf(channel, externalId);
	}
}
