package org.kinship.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * How a handler's page answers a {@link org.kinship.shared.Refused} the member can act on
 * ({@link RefusalAdvice} does the answering): back to a page with the reason, or a
 * status. Refusals forbidden or not found are 403 and 404 whatever is declared here.
 * Without this annotation a refusal is 422.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnRefusal {

	/**
	 * The page to go back to, a URI template of the request's path variables
	 * ({@code /groups/{slug}}); the reason is flashed to it as {@code problem}. Empty to
	 * answer with {@link #status()} instead.
	 * @return the page
	 */
	String redirectTo() default "";

	/**
	 * Request parameters carried over to the page's query string.
	 * @return their names
	 */
	String[] query() default {};

	/**
	 * A request parameter whose text the page shows again, flashed as {@code typed}, so
	 * that what the member typed is not lost.
	 * @return its name, or empty
	 */
	String typed() default "";

	/**
	 * The answer when there is no page to go back to.
	 * @return the status
	 */
	HttpStatus status() default HttpStatus.UNPROCESSABLE_CONTENT;

}
