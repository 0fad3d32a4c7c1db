import { forbidden, notFound } from "next/navigation";
import type { UseCaseResult } from "@/domain/errors";

/** The query string Next.js gives a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** What Next.js gives a page: its route's parameters and its query string, both as promises. */
export interface PageProps<Params extends Record<string, string> = Record<string, string>> {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}

/** A single-valued query parameter (a repeated one, `?a=1&a=2`, counts as absent). */
export function queryValue(query: SearchParams, name: string): string | undefined {
  const value = query[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * `raw` when it names one of `choices` (an own key only: `constructor` or `__proto__` is not a choice),
 * else `fallback`: for a query or form value that picks one of a fixed set.
 */
export function oneOf<Choices extends object>(
  raw: unknown,
  choices: Choices,
  fallback: keyof Choices & string,
): keyof Choices & string {
  return typeof raw === "string" && Object.hasOwn(choices, raw) ? (raw as keyof Choices & string) : fallback;
}

/**
 * The success message for the page's `?done=` (set by the action that redirected here), or undefined
 * when it names none of `messages` (an own key only: `?done=constructor` finds nothing).
 */
export function doneNotice(query: SearchParams, messages: Record<string, string>): string | undefined {
  const done = queryValue(query, "done");
  return done !== undefined && Object.hasOwn(messages, done) ? messages[done] : undefined;
}

/** A use case's value for a page to show: a refusal answers 403, anything else that failed 404. */
export function shownOrRefused<Value extends object>(result: UseCaseResult<Value>): Value {
  if (!result.ok) {
    if (result.error === "forbidden") forbidden();
    notFound();
  }
  return result;
}
