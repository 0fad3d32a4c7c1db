// "Ask a partner for information" (issue 14, decision 028), as the journeys and the page scans send it.
import { type Page, expect } from "@playwright/test";

export interface RequestForm {
  partner: string;
  priority: "Red" | "Amber" | "Green";
  caseReference: string;
  childName: string;
  dateOfBirth?: { day: string; month: string; year: string };
  nhsNumber?: string;
  why: string;
  what: string;
  lawfulBasis: string;
}

/** Fills in the request form the page is on and sends it; returns the new request's reference. */
export async function sendRequest(page: Page, form: RequestForm): Promise<string> {
  await page.getByLabel(form.partner).check();
  await page.getByLabel(form.priority).check();
  await page.getByLabel("Your case reference").fill(form.caseReference);
  await page.getByLabel("Child’s full name").fill(form.childName);
  if (form.dateOfBirth) {
    await page.getByLabel("Day").fill(form.dateOfBirth.day);
    await page.getByLabel("Month").fill(form.dateOfBirth.month);
    await page.getByLabel("Year").fill(form.dateOfBirth.year);
  }
  if (form.nhsNumber) await page.getByLabel("NHS number").fill(form.nhsNumber);
  await page.getByLabel("Why do you need this information?").fill(form.why);
  await page.getByLabel("What information do you need?").fill(form.what);
  await page.getByLabel("On what lawful basis are you asking?").fill(form.lawfulBasis);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Your request has been sent")).toBeVisible();
  return (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Request ", "").trim();
}
