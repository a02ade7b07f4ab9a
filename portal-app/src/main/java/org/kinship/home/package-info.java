/**
 * The first page a member sees after a launch, and the way back to it from everywhere
 * else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
@org.jspecify.annotations.NullMarked
package org.kinship.home;
