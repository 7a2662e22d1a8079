package org.ombud.telegram.internal;

import org.ombud.telegram.internal.Updates.Update;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one update in one transaction: first its key (bot, {@code update_id}) is stored, then its effects.
 * A replay finds the key and changes nothing; an update whose effects fail leaves no key, so it is taken
 * again. Private chats go to {@link PrivateChats}, groups to {@link GroupChats}.
 */
@Component
class UpdateApplier {

	static final String APPLIED = "APPLIED";

	static final String IGNORED = "IGNORED";

	static final String REPLAYED = "REPLAYED";

	static final String FAILED = "FAILED";

	private final BotStore store;

	private final PrivateChats privateChats;

	private final GroupChats groupChats;

	UpdateApplier(BotStore store, PrivateChats privateChats, GroupChats groupChats) {
		this.store = store;
		this.privateChats = privateChats;
		this.groupChats = groupChats;
	}

	/** The update's outcome: APPLIED, IGNORED (nothing to do with it) or REPLAYED (taken before). */
	@Transactional
	public String apply(String botKey, Update update, Attachment attachment) {
		if (!store.take(botKey, update.updateId(), APPLIED, null)) {
			return REPLAYED;
		}
		String outcome = dispatch(botKey, update, attachment);
		if (!APPLIED.equals(outcome)) {
			store.outcome(botKey, update.updateId(), outcome);
		}
		return outcome;
	}

	/** An update that could not be applied: its key and its JSON, so that it is neither lost nor retried forever. */
	@Transactional
	public boolean keepFailed(String botKey, long updateId, String payload) {
		return store.take(botKey, updateId, FAILED, payload);
	}

	private String dispatch(String botKey, Update update, Attachment attachment) {
		if (update.message() != null) {
			Updates.Message m = update.message();
			if (m.chat().isPrivate()) {
				return privateChats.message(botKey, m, attachment);
			}
			if (m.chat().isGroup()) {
				return groupChats.message(botKey, m);
			}
			return IGNORED;
		}
		if (update.editedMessage() != null) {
			Updates.Message m = update.editedMessage();
			if (m.chat().isPrivate() || m.chat().isGroup()) {
				return privateChats.edited(botKey, m);
			}
			return IGNORED;
		}
		if (update.callbackQuery() != null) {
			return privateChats.callback(botKey, update.callbackQuery());
		}
		if (update.myChatMember() != null) {
			return groupChats.membership(botKey, update.myChatMember());
		}
		return IGNORED;
	}
}
