"use client";
import { type ComponentProps, useEffect, useState } from "react";

const count = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "character" : "characters"}`;

/** What the count says before anything is typed, and without JavaScript (GOV.UK character count). */
export function characterLimitText(minLength: number | undefined, maxLength: number | undefined): string {
  if (minLength && maxLength) return `Enter at least ${count(minLength)}, and no more than ${count(maxLength)}`;
  if (minLength) return `Enter at least ${count(minLength)}`;
  return `You can enter up to ${count(maxLength ?? 0)}`;
}

/** What the count says for what has been typed. */
export function characterCountText(length: number, minLength: number | undefined, maxLength: number | undefined) {
  if (minLength && length > 0 && length < minLength) return `You need ${count(minLength - length)} more`;
  if (maxLength !== undefined && length > maxLength) return `You have ${count(length - maxLength)} too many`;
  if (maxLength !== undefined) return `You have ${count(maxLength - length)} remaining`;
  return length === 0 ? characterLimitText(minLength, maxLength) : `You have entered ${count(length)}`;
}

/**
 * A textarea with GOV.UK's character count: the limits are said below it from the start (without
 * JavaScript too), and as you type the message says how many more are needed or how many remain. Screen
 * readers hear the count once typing pauses, not at every key. Counts what the server counts: the text
 * with spaces at either end trimmed off.
 */
export function CharacterCountTextarea({
  id,
  minLength,
  maxLength,
  defaultValue,
  describedBy,
  ...textarea
}: Omit<ComponentProps<"textarea">, "minLength" | "maxLength"> & {
  id: string;
  minLength?: number;
  maxLength?: number;
  defaultValue?: string;
  describedBy?: string;
}) {
  const [length, setLength] = useState<number | null>(null);
  const [announced, setAnnounced] = useState("");
  const message =
    length === null ? characterLimitText(minLength, maxLength) : characterCountText(length, minLength, maxLength);
  const over = length !== null && ((maxLength !== undefined && length > maxLength) || false);
  useEffect(() => {
    if (length === null) return;
    const timer = setTimeout(() => setAnnounced(message), 1000);
    return () => clearTimeout(timer);
  }, [length, message]);
  const infoId = `${id}-info`;
  return (
    <>
      <textarea
        {...textarea}
        id={id}
        defaultValue={defaultValue}
        aria-describedby={[describedBy, infoId].filter(Boolean).join(" ")}
        onChange={(event) => setLength(event.target.value.trim().length)}
      />
      <div
        id={infoId}
        className={`govuk-hint mt-1 ${over ? "font-bold text-govuk-error!" : ""}`}
        data-testid="character-count"
      >
        {message}
      </div>
      <div className="sr-only" aria-live="polite">
        {announced}
      </div>
    </>
  );
}
