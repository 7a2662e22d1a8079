package org.ombud.outbox;

/** Takes messages to deliver; must be called inside the transaction that stores what caused them. */
public interface Outbox {

	/** Queues one message for delivery and returns its delivery id. */
	long enqueue(Outgoing message);
}
