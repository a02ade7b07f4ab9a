package org.kinship.broadcast.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.shared.web.WholePages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page rendered for a launched member the header's broadcast strip (unread
 * badge and banner) as {@code broadcastStrip}. Only pages: redirects, fragments and JSON
 * answers make no query.
 */
@Configuration(proxyBeanMethods = false)
class BroadcastStripInterceptor implements WebMvcConfigurer, HandlerInterceptor {

	private final BroadcastInbox inbox;

	BroadcastStripInterceptor(BroadcastInbox inbox) {
		this.inbox = inbox;
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
		CurrentPrincipal.get().ifPresent((principal) -> page.addObject("broadcastStrip", this.inbox.strip(principal)));
	}

}
