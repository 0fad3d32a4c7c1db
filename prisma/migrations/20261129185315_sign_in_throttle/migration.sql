-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "next_attempt_at" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- Grants (decision 018): the app counts and resets attempts; rows are never deleted by it.
REVOKE ALL ON "sign_in_throttle" FROM infoshare_app;
GRANT SELECT, INSERT, UPDATE ON "sign_in_throttle" TO infoshare_app;
