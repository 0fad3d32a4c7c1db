"use client";
import { ServiceProblem } from "@/components/ServiceProblem";

// Never shows the error itself: stack traces can carry personal data.
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <div className="max-w-[640px]">
      <ServiceProblem digest={error.digest} />
    </div>
  );
}
