/** The sign-in page's title: its metadata, and its "Error: " title when the form comes back with errors. */
export const SIGN_IN_TITLE = "Sign in";
