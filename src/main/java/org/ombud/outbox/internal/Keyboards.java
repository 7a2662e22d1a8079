package org.ombud.outbox.internal;

import java.util.List;

import org.ombud.channels.OutboundMessage.Button;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Buttons kept in the outbox row as JSON. */
final class Keyboards {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<List<Button>>> TYPE = new TypeReference<>() {
	};

	private Keyboards() {
	}

	static String write(List<List<Button>> keyboard) {
		return keyboard == null || keyboard.isEmpty() ? null : JSON.writeValueAsString(keyboard);
	}

	static List<List<Button>> read(String json) {
		return json == null || json.isBlank() ? List.of() : JSON.readValue(json, TYPE);
	}
}
