package dev.kinship.sandbox.auth;

/**
 * Where the sandbox's portal sends someone who is not signed in.
 */
public final class SignInPaths {

	/** The page where a demo person is picked. */
	public static final String SIGN_IN = "/sign-in";

	private SignInPaths() {
	}

}
