/**
 * How pages and sockets say a {@link org.kinship.shared.Refused refusal}: one
 * {@link org.kinship.shared.web.Problem} for every page, the reason in the member's
 * language ({@link org.kinship.shared.web.Reasons}), the HTTP answer
 * ({@link org.kinship.shared.web.RefusalAdvice}, steered by
 * {@link org.kinship.shared.web.OnRefusal}) and the answer to a STOMP frame
 * ({@link org.kinship.shared.web.FrameRefusals}); and which answers are whole pages, for
 * what the layout shows ({@link org.kinship.shared.web.WholePages}).
 */
@org.jspecify.annotations.NullMarked
package org.kinship.shared.web;
