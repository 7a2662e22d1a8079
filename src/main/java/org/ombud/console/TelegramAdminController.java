package org.ombud.console;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.shared.Rejected;
import org.ombud.telegram.HelpStats;
import org.ombud.telegram.TelegramBot;
import org.ombud.telegram.TelegramBots;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin: the desk's Telegram bots. A bot is added by its token (Telegram confirms it and names the bot); the
 * token is never put back on a page, in a redirect or in the session, not even when it is refused.
 */
@Controller
@RequestMapping("/console/admin/telegram")
class TelegramAdminController {

	static final String PAGE = "console/admin/telegram";

	private final TelegramBots bots;

	private final ConsoleFormat format;

	TelegramAdminController(TelegramBots bots, ConsoleFormat format) {
		this.bots = bots;
		this.format = format;
	}

	@GetMapping
	String page(Model model) {
		Map<TelegramBot, HelpStats> list = new LinkedHashMap<>();
		for (TelegramBot bot : bots.bots()) {
			list.put(bot, bots.helpStats(bot.key()));
		}
		model.addAttribute("bots", list);
		return PAGE;
	}

	@PostMapping
	String add(@RequestParam(required = false) String token, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			TelegramBot bot = bots.add(token);
			redirect.addFlashAttribute("notice", "console.admin.telegram.added");
			return "redirect:/console/admin/telegram#bot-" + bot.key();
		}
		catch (Rejected rejected) {
			return refused(rejected, locale, model, response);
		}
	}

	@PostMapping("/{key}/remove")
	String remove(@PathVariable String key, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			bots.remove(key);
			redirect.addFlashAttribute("notice", "console.admin.telegram.removed");
			return "redirect:/console/admin/telegram";
		}
		catch (Rejected rejected) {
			return refused(rejected, locale, model, response);
		}
	}

	@PostMapping("/{key}/webhook")
	String setWebhook(@PathVariable String key, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			bots.setWebhook(key);
			redirect.addFlashAttribute("notice", "console.admin.telegram.webhookSet");
			return "redirect:/console/admin/telegram";
		}
		catch (Rejected rejected) {
			return refused(rejected, locale, model, response);
		}
	}

	@PostMapping("/{key}/webhook/remove")
	String removeWebhook(@PathVariable String key, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			bots.removeWebhook(key);
			redirect.addFlashAttribute("notice", "console.admin.telegram.webhookRemoved");
			return "redirect:/console/admin/telegram";
		}
		catch (Rejected rejected) {
			return refused(rejected, locale, model, response);
		}
	}

	private String refused(Rejected rejected, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("errors", format.errors(rejected, locale));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return page(model);
	}
}
