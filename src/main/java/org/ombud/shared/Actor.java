package org.ombud.shared;

/** Who did something: an agent (with id), the complainant, an API client (with token id) or Ombud itself. */
public record Actor(Kind kind, Long id) {

	public enum Kind { AGENT, CONTACT, API, SYSTEM }

	public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null);
	public static final Actor CONTACT = new Actor(Kind.CONTACT, null);

	public static Actor agent(long agentId) {
		return new Actor(Kind.AGENT, agentId);
	}

	public static Actor api(long tokenId) {
		return new Actor(Kind.API, tokenId);
	}

	public Long agentId() {
		return kind == Kind.AGENT ? id : null;
	}
}
