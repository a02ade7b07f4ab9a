/**
 * What every feature module needs and none owns: a refusal the member can act on
 * ({@link org.kinship.shared.Refused}), the Markdown subset that chat and broadcasts
 * render, the language of a socket's page, and the group-commit writer that chat's sends
 * and broadcasts' acknowledgements are stored by
 * ({@link org.kinship.shared.BatchWriter}), and the schedule that starts a module's
 * incomplete event publications again ({@link org.kinship.shared.Resubmissions}). Open to
 * every module; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.kinship.shared;
