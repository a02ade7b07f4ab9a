package org.kinship.shared.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.json.JacksonJsonView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Answers every {@link Refused} that leaves a controller, so that no controller catches
 * one to say it. A refusal forbidden is 403 and one not found 404; any other goes back to
 * the page the handler names in {@link OnRefusal} with the reason flashed as
 * {@code problem} (and what the member typed as {@code typed}), or is answered with the
 * status named there, 422 by default. Handlers that answer JSON get the reason in the
 * member's language as {@code {"reason": ...}}; pages get the error page.
 */
@ControllerAdvice
class RefusalAdvice {

	private final MessageSource messages;

	RefusalAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	@Nullable ModelAndView refused(Refused refused, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) throws IOException {
		OnRefusal declared = handler.getMethodAnnotation(OnRefusal.class);
		if (refused.kind() == Refused.Kind.REFUSED && declared != null && !declared.redirectTo().isEmpty()) {
			return back(declared, refused, request, redirect);
		}
		HttpStatus status = switch (refused.kind()) {
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case REFUSED -> (declared != null) ? declared.status() : HttpStatus.UNPROCESSABLE_CONTENT;
		};
		if (answersJson(handler)) {
			JacksonJsonView json = new JacksonJsonView();
			json.setExtractValueFromSingleKeyModel(true);
			ModelAndView answer = new ModelAndView(json, "refusal",
					new Refusal(Reasons.text(this.messages, locale, refused)));
			answer.setStatus(status);
			return answer;
		}
		response.sendError(status.value());
		return null;
	}

	private static ModelAndView back(OnRefusal declared, Refused refused, HttpServletRequest request,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", Problem.of(refused));
		if (!declared.typed().isEmpty()) {
			redirect.addFlashAttribute("typed", Objects.requireNonNullElse(request.getParameter(declared.typed()), ""));
		}
		return new ModelAndView("redirect:" + page(declared, request));
	}

	/**
	 * The page's address: the template filled in with the request's path variables and
	 * the query parameters carried over, encoded as the pages' own redirects are (a
	 * flashed problem is found by the exact query the browser asks for).
	 */
	@SuppressWarnings("unchecked")
	private static String page(OnRefusal declared, HttpServletRequest request) {
		Map<String, String> variables = new HashMap<>();
		Object pathVariables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (pathVariables instanceof Map<?, ?> known) {
			variables.putAll((Map<String, String>) known);
		}
		UriComponentsBuilder page = UriComponentsBuilder.fromPath(declared.redirectTo());
		for (String name : declared.query()) {
			String value = request.getParameter(name);
			if (value != null) {
				variables.put("query-" + name, value);
				page.queryParam(name, "{query-" + name + "}");
			}
		}
		return page.buildAndExpand(variables).encode().toUriString();
	}

	private static boolean answersJson(HandlerMethod handler) {
		return handler.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
	}

	/**
	 * Why a request was refused, for a page's script.
	 *
	 * @param reason in the member's language
	 */
	record Refusal(String reason) {
	}

}
