"use client";
import { useCallback, useEffect, useRef, useState } from "react";

// A full page load, not client navigation: /api/session/end is a route handler that clears the
// session cookie. A POST, as signing out must be (issue 12): the dialog's own form, submitted.
function endSession(form: HTMLFormElement | null) {
  form?.submit();
}

/**
 * GOV.UK timeout warning: a modal dialog shown shortly before an idle session ends, offering to
 * stay signed in. The server enforces the timeout regardless (proxy.ts); this only warns.
 */
export function TimeoutWarning({ idleSeconds, warningSeconds }: { idleSeconds: number; warningSeconds: number }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const timeoutFormRef = useRef<HTMLFormElement>(null);
  // A ref, not state: "Stay signed in" moves the deadline and closes the dialog in one go, so no tick
  // of the timer can come between them with the old deadline and open the dialog again.
  const deadlineRef = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState(idleSeconds);

  useEffect(() => {
    deadlineRef.current = Date.now() + idleSeconds * 1000;
    // Marks the dialog once its timer runs, so a browser test can tell the clock is being watched.
    dialogRef.current?.setAttribute("data-armed", "true");
    const timer = window.setInterval(() => {
      const left = Math.max(0, Math.round((deadlineRef.current - Date.now()) / 1000));
      setSecondsLeft(left);
      const dialog = dialogRef.current;
      if (!dialog) return;
      if (left === 0) {
        endSession(timeoutFormRef.current);
      } else if (left <= warningSeconds) {
        if (!dialog.open) dialog.showModal();
      } else if (dialog.open) {
        dialog.close();
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [idleSeconds, warningSeconds]);

  const staySignedIn = useCallback(async () => {
    const response = await fetch("/api/session/keepalive", { method: "POST", cache: "no-store" });
    if (!response.ok) {
      endSession(timeoutFormRef.current);
      return;
    }
    const { idleSeconds: renewed } = (await response.json()) as { idleSeconds: number };
    deadlineRef.current = Date.now() + renewed * 1000;
    dialogRef.current?.close();
  }, []);

  const minutes = Math.floor(secondsLeft / 60);
  const seconds = secondsLeft % 60;
  const spoken = minutes > 0 ? `${minutes} minute${minutes === 1 ? "" : "s"}` : `${seconds} seconds`;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="timeout-title"
      aria-describedby="timeout-message"
      className="m-auto max-w-[640px] border-[5px] border-govuk-text p-8 backdrop:bg-black/80"
      onCancel={(event) => {
        event.preventDefault();
        void staySignedIn();
      }}
      data-testid="timeout-warning"
    >
      <h2 id="timeout-title" className="govuk-heading-m">
        You’re about to be signed out
      </h2>
      <p id="timeout-message" className="govuk-body">
        For your security, we will sign you out in <strong>{spoken}</strong>. Any answers you have saved will be kept.
      </p>
      <div className="flex flex-wrap items-center gap-6">
        <button type="button" className="govuk-button mb-0!" onClick={() => void staySignedIn()}>
          Stay signed in
        </button>
        <form method="post" action="/api/session/end">
          <input type="hidden" name="reason" value="signed-out" />
          <button type="submit" className="govuk-link cursor-pointer bg-transparent border-0 p-0 underline">
            Sign out
          </button>
        </form>
        <form ref={timeoutFormRef} method="post" action="/api/session/end" hidden>
          <input type="hidden" name="reason" value="timeout" />
        </form>
      </div>
    </dialog>
  );
}
