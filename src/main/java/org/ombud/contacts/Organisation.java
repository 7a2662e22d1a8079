package org.ombud.contacts;

import java.time.Instant;

/** A client company; its members talk to us in group chats, its account manager owns them. */
public record Organisation(long id, String name, Long accountManagerId, Long teamId, Instant createdAt) {
}
