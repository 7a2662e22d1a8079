package org.ombud.telegram.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The parts of a Bot API {@code Update} Ombud acts on, read from its JSON (field names as in the Bot API
 * documentation). Everything else in an update is ignored.
 */
public final class Updates {

	/** The update kinds we ask Telegram for. */
	public static final List<String> ALLOWED = List.of("message", "edited_message", "callback_query", "my_chat_member");

	private Updates() {
	}

	public record User(long id, boolean bot, String firstName, String lastName, String username, String languageCode) {

		public String displayName() {
			String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
			if (name.isEmpty()) {
				name = username == null ? "Telegram " + id : "@" + username;
			}
			return name.length() > 200 ? name.substring(0, 200) : name;
		}
	}

	public record Chat(long id, String type, String title) {

		public boolean isPrivate() {
			return "private".equals(type);
		}

		public boolean isGroup() {
			return "group".equals(type) || "supergroup".equals(type);
		}

		public String chatId() {
			return String.valueOf(id);
		}
	}

	/** A file in a message: {@code kind} photo, document, voice or video_note. */
	public record FileRef(String kind, String fileId, String fileUniqueId, String fileName, Long fileSize,
			String mimeType) {
	}

	public record Message(long messageId, Chat chat, User from, String text, String caption, FileRef file,
			List<User> newMembers) {

		public String externalId() {
			return String.valueOf(messageId);
		}

		/** What the person wrote: the text, or the caption of a file. */
		public String words() {
			String words = text != null ? text : caption;
			return words == null || words.isBlank() ? null : words;
		}
	}

	public record CallbackQuery(String id, User from, Message message, String data) {
	}

	public record MemberUpdate(Chat chat, User from, String newStatus) {

		public boolean joined() {
			return "member".equals(newStatus) || "administrator".equals(newStatus);
		}
	}

	public record Update(long updateId, Message message, Message editedMessage, CallbackQuery callbackQuery,
			MemberUpdate myChatMember) {
	}

	/** The update, or null when the JSON is no update (no numeric {@code update_id}). */
	public static Update parse(JsonNode node) {
		if (node == null || !node.path("update_id").isIntegralNumber()) {
			return null;
		}
		JsonNode callback = node.get("callback_query");
		JsonNode member = node.get("my_chat_member");
		return new Update(node.get("update_id").asLong(), message(node.get("message")),
				message(node.get("edited_message")),
				callback == null || !callback.isObject() ? null
						: new CallbackQuery(text(callback, "id"), user(callback.get("from")),
								message(callback.get("message")), text(callback, "data")),
				member == null || !member.isObject() ? null
						: new MemberUpdate(chat(member.get("chat")), user(member.get("from")),
								text(member.path("new_chat_member"), "status")));
	}

	static Message message(JsonNode m) {
		if (m == null || !m.isObject() || !m.path("message_id").isIntegralNumber() || chat(m.get("chat")) == null) {
			return null;
		}
		List<User> newMembers = new ArrayList<>();
		for (JsonNode u : m.path("new_chat_members")) {
			User user = user(u);
			if (user != null) {
				newMembers.add(user);
			}
		}
		return new Message(m.get("message_id").asLong(), chat(m.get("chat")), user(m.get("from")), text(m, "text"),
				text(m, "caption"), file(m), newMembers);
	}

	static FileRef file(JsonNode m) {
		JsonNode photos = m.get("photo");
		if (photos != null && photos.isArray() && !photos.isEmpty()) {
			// sizes come smallest first; the largest is the evidence
			JsonNode largest = photos.get(photos.size() - 1);
			return ref("photo", largest, "photo-" + text(largest, "file_unique_id") + ".jpg", "image/jpeg");
		}
		JsonNode document = m.get("document");
		if (document != null && document.isObject()) {
			String name = text(document, "file_name");
			return ref("document", document, name == null ? "document-" + text(document, "file_unique_id") : name,
					text(document, "mime_type"));
		}
		JsonNode voice = m.get("voice");
		if (voice != null && voice.isObject()) {
			return ref("voice", voice, "voice-" + text(voice, "file_unique_id") + ".ogg", text(voice, "mime_type"));
		}
		JsonNode videoNote = m.get("video_note");
		if (videoNote != null && videoNote.isObject()) {
			return ref("video_note", videoNote, "video-note-" + text(videoNote, "file_unique_id") + ".mp4", "video/mp4");
		}
		return null;
	}

	private static FileRef ref(String kind, JsonNode file, String name, String mimeType) {
		String fileId = text(file, "file_id");
		if (fileId == null) {
			return null;
		}
		JsonNode size = file.get("file_size");
		return new FileRef(kind, fileId, text(file, "file_unique_id"), name,
				size != null && size.isIntegralNumber() ? size.asLong() : null, mimeType);
	}

	static Chat chat(JsonNode c) {
		if (c == null || !c.path("id").isIntegralNumber()) {
			return null;
		}
		return new Chat(c.get("id").asLong(), text(c, "type"), text(c, "title"));
	}

	static User user(JsonNode u) {
		if (u == null || !u.path("id").isIntegralNumber()) {
			return null;
		}
		return new User(u.get("id").asLong(), u.path("is_bot").asBoolean(false), text(u, "first_name"),
				text(u, "last_name"), text(u, "username"), text(u, "language_code"));
	}

	/** A text field, or null when absent, null or not text. */
	public static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value == null || !value.isString() ? null : value.asString();
	}
}
