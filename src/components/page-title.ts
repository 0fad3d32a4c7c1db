/** Every page's <title> is "{page} – InfoShare" (the root layout's template). */
export const PAGE_TITLE_TEMPLATE = "%s – InfoShare";

export function fullPageTitle(title: string): string {
  return PAGE_TITLE_TEMPLATE.replace("%s", title);
}
