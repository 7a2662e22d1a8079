package org.ombud.console;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.CaseManagement;
import org.ombud.conversations.ChatRow;
import org.ombud.conversations.Chats;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.shared.Actor;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Chats view for peak hours: a dense list of the agent's chats beside the open chat. htmx refreshes the
 * list when a live signal says a chat changed, and each part of the open chat on its own signal. Actions answer
 * htmx with 204 and a {@code chats-changed} event (the list and the chat refresh themselves), a plain form
 * post with a redirect back; a refused action answers 422 with the reason in the agent's language.
 */
@Controller
class ChatsController {

	static final String PAGE = "console/chats";

	/** The event that tells the list and the open chat to refresh after an action. */
	static final String CHANGED = "chats-changed";

	private final ChatsPage page;

	private final Chats chats;

	private final Conversations conversations;

	private final CaseManagement cases;

	private final AgentDirectory directory;

	private final ConsoleFormat format;

	ChatsController(ChatsPage page, Chats chats, Conversations conversations, CaseManagement cases,
			AgentDirectory directory, ConsoleFormat format) {
		this.page = page;
		this.chats = chats;
		this.conversations = conversations;
		this.cases = cases;
		this.directory = directory;
		this.format = format;
	}

	@GetMapping("/console/chats")
	String list(@ModelAttribute(name = "me", binding = false) Agent me, ChatsForm form, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		page.list(model, me, form, null, locale);
		response.addHeader("Vary", "HX-Request, HX-Target");
		if (Htmx.wantsFragment(request)) {
			pushFilters(form, "/console/chats", request, response);
			return PAGE + " :: list";
		}
		return PAGE;
	}

	/** One chat beside the list; htmx asks for one part by its element id. Opening it reads it. */
	@GetMapping("/console/chats/{id}")
	String chat(@PathVariable String id, @ModelAttribute(name = "me", binding = false) Agent me, ChatsForm form,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		ChatRow chat = page.chat(me, id(id));
		response.addHeader("Vary", "HX-Request, HX-Target");
		String part = Htmx.wantsFragment(request) ? String.valueOf(request.getHeader("HX-Target")) : "";
		switch (part) {
			case "chat-list" -> {
				page.list(model, me, form, chat.id(), locale);
				pushFilters(form, "/console/chats/" + chat.id(), request, response);
				return PAGE + " :: list";
			}
			case "chat-head" -> {
				page.head(model, me, chat, locale);
				return PAGE + " :: chat-head";
			}
			case "chat-messages" -> {
				page.messages(model, me, chat, locale);
				return PAGE + " :: messages";
			}
			default -> {
				page.list(model, me, form, chat.id(), locale);
				page.head(model, me, chat, locale);
				page.messages(model, me, chat, locale);
				model.addAttribute("draft", "");
				return PAGE;
			}
		}
	}

	/** For a browser notification: what the alarm on this chat is about, or 204 when there is nothing to tell. */
	@GetMapping("/console/chats/{id}/notice")
	@ResponseBody
	ResponseEntity<Map<String, String>> notice(@PathVariable String id,
			@ModelAttribute(name = "me", binding = false) Agent me, Locale locale) {
		ChatRow chat = page.chat(me, id(id));
		if (!chat.alarmed() || !me.onDuty()) {
			return ResponseEntity.noContent().build();
		}
		String name = chat.name() == null ? format.message("chats.unnamed", locale, chat.id()) : chat.name();
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(Map.of("title", format.message("chats.alarm.notification", locale, name), "body",
					chat.snippet() == null ? "" : chat.snippet(), "url", "/console/chats/" + chat.id()));
	}

	@PostMapping("/console/chats/{id}/reply")
	String reply(@PathVariable String id, @RequestParam(required = false) String body,
			@ModelAttribute(name = "me", binding = false) Agent me, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		ChatRow chat = page.chat(me, id(id));
		boolean fragment = Htmx.wantsFragment(request);
		try {
			if (chat.openCaseId() != null && cases.get(chat.openCaseId()).filter(c -> c.status().isOpen()).isPresent()) {
				cases.reply(chat.openCaseId(), body, Actor.agent(me.id()));
			}
			else {
				conversations.append(chat.id(), MessageKind.OUTBOUND, me.id(), body);
			}
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", format.errors(rejected, locale));
			model.addAttribute("draft", body);
			model.addAttribute("chatId", chat.id());
			if (fragment) {
				return PAGE + " :: reply";
			}
			page.list(model, me, ChatsForm.empty(), chat.id(), locale);
			page.head(model, me, chat, locale);
			page.messages(model, me, chat, locale);
			return PAGE;
		}
		if (!fragment) {
			return "redirect:/console/chats/" + chat.id();
		}
		response.setHeader("HX-Trigger", CHANGED);
		model.addAttribute("chatId", chat.id());
		model.addAttribute("draft", "");
		return PAGE + " :: reply";
	}

	/** The agent's marks on one chat (pin, star, read) and the chat's alarm, each one address. */
	@PostMapping({ "/console/chats/{id}/{action:pin|unpin|star|unstar|alarm|read}",
			"/console/chats/{id}/alarm/{action:clear}" })
	String mark(@PathVariable String id, @PathVariable String action,
			@ModelAttribute(name = "me", binding = false) Agent me,
			@RequestHeader(value = "Referer", required = false) String referer, HttpServletRequest request,
			HttpServletResponse response) {
		ChatRow chat = page.chat(me, id(id));
		switch (action) {
			case "pin" -> chats.pin(me.id(), chat.id());
			case "unpin" -> chats.unpin(me.id(), chat.id());
			case "star" -> chats.star(me.id(), chat.id(), true);
			case "unstar" -> chats.star(me.id(), chat.id(), false);
			case "alarm" -> chats.raiseAlarm(chat.id(), me.id());
			case "clear" -> chats.clearAlarm(chat.id(), me.id());
			default -> chats.read(me.id(), chat.id());
		}
		return done(referer, request, response);
	}

	@PostMapping("/console/chats/read-all")
	String readAll(@ModelAttribute(name = "me", binding = false) Agent me,
			@RequestHeader(value = "Referer", required = false) String referer, HttpServletRequest request,
			HttpServletResponse response) {
		chats.readAll(me.id());
		return done(referer, request, response);
	}

	/** On or off duty: only agents on duty get alarms. */
	@PostMapping("/console/duty")
	String duty(@ModelAttribute(name = "me", binding = false) Agent me, @RequestParam(required = false) String on,
			@RequestHeader(value = "Referer", required = false) String referer) {
		directory.changeDuty(me.id(), "true".equals(on));
		return "redirect:" + LoginController.back(referer);
	}

	/** A refused action: the reason in the agent's language, where the action's form shows errors (422). */
	@ExceptionHandler(Rejected.class)
	ModelAndView rejected(Rejected rejected, Locale locale, HttpServletRequest request) {
		if (!Htmx.wantsFragment(request)) {
			ModelAndView error = ConsoleErrors.page(HttpStatus.UNPROCESSABLE_CONTENT, request);
			error.addObject("messages", format.errors(rejected, locale).messages());
			return error;
		}
		ModelAndView errors = new ModelAndView("console/fragments :: messages", HttpStatus.UNPROCESSABLE_CONTENT);
		errors.addObject("messages", format.errors(rejected, locale).messages());
		return errors;
	}

	private static String done(String referer, HttpServletRequest request, HttpServletResponse response) {
		if (Htmx.wantsFragment(request)) {
			response.setHeader("HX-Trigger", CHANGED);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		String back = LoginController.back(referer);
		return "redirect:" + (back.startsWith("/console/chats") ? back : "/console/chats");
	}

	/** Only the filter form's own requests change the address bar, to the tidy URL of the filters. */
	private static void pushFilters(ChatsForm form, String path, HttpServletRequest request,
			HttpServletResponse response) {
		if ("chat-filters".equals(request.getHeader("HX-Trigger"))) {
			response.setHeader("HX-Push-Url", form.url(path));
		}
	}

	private static long id(String text) {
		Long id = CaseController.id(text);
		if (id == null) {
			throw new NotFound("conversation");
		}
		return id;
	}
}
