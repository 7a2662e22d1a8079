package org.ombud;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Ombud where to find it, once it is ready. */
@Component
class ReadyBanner {

	private final String publicUrl;

	ReadyBanner(@Value("${ombud.public-url}") String publicUrl) {
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		System.out.printf("%n  Ombud is ready.%n    Console (agents):  %s/console%n    Complaint form:    %s/report%n"
				+ "    API docs:          %s/swagger-ui.html%n%n", publicUrl, publicUrl, publicUrl);
	}
}
