"use client";
import { useActionState } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";

type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * One server action's form state and the props each of its fields takes from it: the error for the
 * field, and after an error what was posted (decision 009: forms work without JavaScript, so the
 * state comes back with the page). `formKey` changes with each answer, so fields that keep their
 * own value remount with the posted one.
 */
export function useActionForm(action: FormAction) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  const errorFor = (name: string) => state.errors.find((e) => e.field === name)?.message;
  const posted = (name: string) => {
    const value = state.values?.[name];
    return typeof value === "string" ? value : null;
  };
  /** `name`, `defaultValue` (what was posted, else `saved`) and `error` for a field. */
  const field = (name: string, saved = "") => ({ name, defaultValue: posted(name) ?? saved, error: errorFor(name) });
  return { state, formAction, pending, errorFor, posted, field, formKey: `form-${state.errors.length}` };
}
