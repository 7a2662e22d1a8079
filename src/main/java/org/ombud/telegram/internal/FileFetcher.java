package org.ombud.telegram.internal;

import java.util.Map;

import org.ombud.cases.EvidencePolicy;
import org.springframework.stereotype.Component;

/**
 * Fetches a file of a message through the configured Bot API address ({@code getFile}, then the download),
 * never more than the evidence limit: a file announced or found larger is not read further. Runs outside the
 * update's transaction, so no database connection waits on Telegram.
 */
@Component
class FileFetcher {

	private final BotApi api;

	private final long maxBytes;

	FileFetcher(BotApi api, EvidencePolicy policy, TelegramProperties properties) {
		this.api = api;
		this.maxBytes = properties.maxFileBytes() == null ? policy.maxBytes()
				: Math.min(properties.maxFileBytes(), policy.maxBytes());
	}

	long maxMegabytes() {
		return Math.max(1, maxBytes / (1024 * 1024));
	}

	Attachment fetch(String token, Updates.FileRef file) {
		String name = file.fileName();
		if (file.fileSize() != null && file.fileSize() > maxBytes) {
			return Attachment.refused(name, "telegram.file.tooBig", name, maxMegabytes());
		}
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				BotApi.Answer answer = api.call(token, "getFile", Map.of("file_id", file.fileId()));
				if (!answer.ok() || answer.result() == null) {
					if (answer.description() != null && answer.description().contains("too big")) {
						return Attachment.refused(name, "telegram.file.tooBig", name, maxMegabytes());
					}
					if (answer.status() >= 500 || answer.is(429)) {
						continue;
					}
					return Attachment.refused(name, "telegram.file.unavailable", name);
				}
				long size = answer.result().path("file_size").asLong(0);
				if (size > maxBytes) {
					return Attachment.refused(name, "telegram.file.tooBig", name, maxMegabytes());
				}
				String path = Updates.text(answer.result(), "file_path");
				if (path == null || path.contains("..")) {
					return Attachment.refused(name, "telegram.file.unavailable", name);
				}
				byte[] bytes = api.download(token, path, maxBytes);
				if (bytes == null) {
					return Attachment.refused(name, "telegram.file.tooBig", name, maxMegabytes());
				}
				return Attachment.of(name, bytes);
			}
			catch (BotApi.Unreachable e) {
				// try again; after the last attempt the file is noted as not fetched
			}
		}
		return Attachment.refused(name, "telegram.file.unavailable", name);
	}
}
