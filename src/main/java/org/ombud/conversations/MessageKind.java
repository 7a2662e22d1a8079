package org.ombud.conversations;

/** INBOUND from the contact, OUTBOUND to the contact, NOTE internal and never sent. */
public enum MessageKind {
	INBOUND, OUTBOUND, NOTE;

	public boolean isPublic() {
		return this != NOTE;
	}
}
