package org.ombud.contacts;

import java.util.List;
import java.util.Optional;

public record Contact(long id, String displayName, String locale, List<ChannelIdentity> identities) {

	public Contact {
		identities = List.copyOf(identities);
	}

	public Optional<String> identity(String channel) {
		return identities.stream().filter(i -> i.channel().equals(channel)).map(ChannelIdentity::externalId).findFirst();
	}

	/** A name to show: the given name, else an e-mail, phone or any identity. */
	public String label() {
		if (displayName != null && !displayName.isBlank()) {
			return displayName;
		}
		return identity(ChannelIdentity.EMAIL).or(() -> identity(ChannelIdentity.PHONE))
			.orElse(identities.isEmpty() ? "#" + id : identities.get(0).externalId());
	}
}
