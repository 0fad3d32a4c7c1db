"use server";
import { addBankHoliday } from "@/server/partnerships/add-bank-holiday";
import { removeBankHoliday } from "@/server/partnerships/remove-bank-holiday";
import { formAction, goTo } from "@/server/pipeline/action";

// Anyone in a member organisation reads the list (partnership.view); who may change it is the
// partnership policy's call (bank-holidays.manage), made and audited in the use case.

export const addBankHolidayAction = formAction(
  { access: "partnership.view" },
  ({ user, fields, meta }) => addBankHoliday(user, fields, meta),
  { done: () => goTo("/admin/bank-holidays?done=added") },
);

export const removeBankHolidayAction = formAction(
  { access: "partnership.view" },
  ({ user, fields, meta }) => removeBankHoliday(user, fields, meta),
  { done: () => goTo("/admin/bank-holidays?done=removed"), refill: () => null },
);
