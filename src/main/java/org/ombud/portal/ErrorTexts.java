package org.ombud.portal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ombud.shared.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns rejections (message key, arguments, field) into sentences for the person reading the page. */
@Component
class ErrorTexts {

	private final MessageSource messages;

	ErrorTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** Rejections about fields the page does not show are listed for the whole form. */
	FormErrors of(List<Rejection> rejections, Set<String> fields, Locale locale) {
		return new FormErrors(rejections.stream()
			.map(r -> new FormErrors.Item(r.field() != null && fields.contains(r.field()) ? r.field() : null,
					text(r.messageKey(), locale, r.args().toArray())))
			.toList());
	}

	FormErrors general(String messageKey, Locale locale, Object... args) {
		return new FormErrors(List.of(new FormErrors.Item(null, text(messageKey, locale, args))));
	}

	String text(String messageKey, Locale locale, Object... args) {
		return messages.getMessage(messageKey, args, messageKey, locale);
	}
}
