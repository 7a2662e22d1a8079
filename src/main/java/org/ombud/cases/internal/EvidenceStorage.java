package org.ombud.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence bytes on disk, outside anything the web server serves, under random names. A file written in a
 * transaction that rolls back is removed again, so a refused request leaves nothing behind.
 */
@Component
public class EvidenceStorage {

	private final Path root;

	EvidenceStorage(@Value("${ombud.storage.dir:./data/files}") Path root) {
		this.root = root.toAbsolutePath().resolve("evidence");
	}

	public String store(byte[] bytes) {
		String key = UUID.randomUUID().toString();
		Path file = root.resolve(key.substring(0, 2)).resolve(key);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						delete(key);
					}
				}
			});
		}
		return key;
	}

	/** Deletes these files once the transaction that erased their rows has committed (at once without one). */
	public void deleteAfterCommit(java.util.List<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			keys.forEach(this::delete);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					keys.forEach(EvidenceStorage.this::delete);
				}
			}
		});
	}

	public byte[] read(String key) {
		try {
			return Files.readAllBytes(path(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Path path(String key) {
		UUID.fromString(key); // keys are ours; never a path from outside
		return root.resolve(key.substring(0, 2)).resolve(key);
	}
}
