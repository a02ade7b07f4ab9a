package org.kinship.conversations.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.conversations.Conversations;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.shared.web.WholePages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page rendered for a launched member the notice of their private
 * conversations with staff as {@code conversationNotice}: the layout links to them, and
 * says when staff wrote something not yet seen. Clinicians, who are the staff side, get
 * none. Only pages: redirects, fragments and JSON answers make no query.
 */
@Configuration(proxyBeanMethods = false)
class ConversationNoticeInterceptor implements WebMvcConfigurer, HandlerInterceptor {

	private final Conversations conversations;

	ConversationNoticeInterceptor(Conversations conversations) {
		this.conversations = conversations;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (!WholePages.isWholePage(page)) {
			return;
		}
		CurrentPrincipal.get()
			.filter((principal) -> principal.role() != KinshipRole.CLINICIAN)
			.ifPresent((principal) -> page.addObject("conversationNotice", this.conversations.notice(principal)));
	}

}
