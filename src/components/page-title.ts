/** Every page's <title> is "{page} – InfoShare" (the root layout's template). */
export const PAGE_TITLE_TEMPLATE = "%s – InfoShare";

export function fullPageTitle(title: string): string {
  return PAGE_TITLE_TEMPLATE.replace("%s", title);
}

/**
 * The metadata of a page whose form renders the page's <title> (ErrorSummary's `pageTitle`): none, so
 * the form's title, "Error: " first after a refused post, is the only one, with or without JavaScript.
 */
export const TITLE_FROM_FORM = { title: null };
