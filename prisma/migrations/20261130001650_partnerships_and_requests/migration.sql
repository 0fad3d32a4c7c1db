-- CreateEnum
CREATE TYPE "RequestPriority" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateEnum
CREATE TYPE "InformationRequestStatus" AS ENUM ('RECEIVED', 'ACKNOWLEDGED', 'ANSWERED', 'RECEIPT_CONFIRMED');

-- CreateEnum
CREATE TYPE "RequestAnswerKind" AS ENUM ('SHARE', 'NO_SHARE');

-- CreateTable
CREATE TABLE "partnership" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnership_member" (
    "partnership_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contact_team_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnership_member_pkey" PRIMARY KEY ("partnership_id","organisation_id")
);

-- CreateTable
CREATE TABLE "lead_safeguarding_partner" (
    "partnership_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "appointed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_safeguarding_partner_pkey" PRIMARY KEY ("partnership_id","user_id")
);

-- CreateTable
CREATE TABLE "partnership_response_time" (
    "partnership_id" UUID NOT NULL,
    "priority" "RequestPriority" NOT NULL,
    "working_hours" INTEGER NOT NULL,

    CONSTRAINT "partnership_response_time_pkey" PRIMARY KEY ("partnership_id","priority")
);

-- CreateTable
CREATE TABLE "bank_holiday" (
    "division" TEXT NOT NULL DEFAULT 'england-and-wales',
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "bank_holiday_pkey" PRIMARY KEY ("division","day")
);

-- CreateTable
CREATE TABLE "information_request" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "partnership_id" UUID NOT NULL,
    "requesting_organisation_id" UUID NOT NULL,
    "requesting_team_id" UUID,
    "requester_id" UUID NOT NULL,
    "responding_organisation_id" UUID NOT NULL,
    "contact_team_id" UUID NOT NULL,
    "case_reference" TEXT NOT NULL,
    "child_name" TEXT NOT NULL,
    "child_date_of_birth" DATE,
    "nhs_number" TEXT,
    "purpose" TEXT NOT NULL,
    "information_needed" TEXT NOT NULL,
    "lawful_basis" TEXT NOT NULL,
    "priority" "RequestPriority" NOT NULL,
    "response_hours" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "InformationRequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "assigned_to_id" UUID,

    CONSTRAINT "information_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "information_request_event" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" UUID,
    "organisation_id" UUID,
    "detail" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "information_request_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "information_request_answer" (
    "request_id" UUID NOT NULL,
    "kind" "RequestAnswerKind" NOT NULL,
    "body" TEXT NOT NULL,
    "decision_id" UUID,
    "answered_by_id" UUID NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "information_request_answer_pkey" PRIMARY KEY ("request_id")
);

-- CreateTable
CREATE TABLE "request_timer" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_at" TIMESTAMPTZ(3),

    CONSTRAINT "request_timer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "partnership_name_key" ON "partnership"("name");

-- CreateIndex
CREATE INDEX "partnership_member_organisation_id_idx" ON "partnership_member"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "information_request_reference_key" ON "information_request"("reference");

-- CreateIndex
CREATE INDEX "information_request_responding_organisation_id_due_at_id_idx" ON "information_request"("responding_organisation_id", "due_at", "id");

-- CreateIndex
CREATE INDEX "information_request_requester_id_received_at_idx" ON "information_request"("requester_id", "received_at");

-- CreateIndex
CREATE INDEX "information_request_requesting_organisation_id_received_at_idx" ON "information_request"("requesting_organisation_id", "received_at");

-- CreateIndex
CREATE INDEX "information_request_event_request_id_id_idx" ON "information_request_event"("request_id", "id");

-- CreateIndex
CREATE INDEX "request_timer_fired_at_due_at_idx" ON "request_timer"("fired_at", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "request_timer_request_id_kind_key" ON "request_timer"("request_id", "kind");

-- AddForeignKey
ALTER TABLE "partnership_member" ADD CONSTRAINT "partnership_member_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_member" ADD CONSTRAINT "partnership_member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_member" ADD CONSTRAINT "partnership_member_contact_team_id_fkey" FOREIGN KEY ("contact_team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_safeguarding_partner" ADD CONSTRAINT "lead_safeguarding_partner_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_safeguarding_partner" ADD CONSTRAINT "lead_safeguarding_partner_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_response_time" ADD CONSTRAINT "partnership_response_time_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_requesting_organisation_id_fkey" FOREIGN KEY ("requesting_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_responding_organisation_id_fkey" FOREIGN KEY ("responding_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request" ADD CONSTRAINT "information_request_contact_team_id_fkey" FOREIGN KEY ("contact_team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request_event" ADD CONSTRAINT "information_request_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "information_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request_answer" ADD CONSTRAINT "information_request_answer_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "information_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_timer" ADD CONSTRAINT "request_timer_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "information_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The app's role (decision 005, database hardening): explicit grants, append-only where a record
-- must not change. Partnerships and their people are set up by the seed and, later, an admin page.
REVOKE ALL ON "partnership" FROM infoshare_app;
GRANT SELECT ON "partnership" TO infoshare_app;
REVOKE ALL ON "partnership_member" FROM infoshare_app;
GRANT SELECT ON "partnership_member" TO infoshare_app;
REVOKE ALL ON "lead_safeguarding_partner" FROM infoshare_app;
GRANT SELECT ON "lead_safeguarding_partner" TO infoshare_app;
REVOKE ALL ON "partnership_response_time" FROM infoshare_app;
GRANT SELECT ON "partnership_response_time" TO infoshare_app;
-- Bank holidays are data an admin keeps up to date (a later page): read, add and correct.
REVOKE ALL ON "bank_holiday" FROM infoshare_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "bank_holiday" TO infoshare_app;
-- A request's content never changes; only its status and assignee, which summarise its events.
REVOKE ALL ON "information_request" FROM infoshare_app;
GRANT SELECT, INSERT ON "information_request" TO infoshare_app;
GRANT UPDATE ("status", "assigned_to_id") ON "information_request" TO infoshare_app;
REVOKE ALL ON "information_request_event" FROM infoshare_app;
GRANT SELECT, INSERT ON "information_request_event" TO infoshare_app;
GRANT USAGE, SELECT ON SEQUENCE "information_request_event_id_seq" TO infoshare_app;
REVOKE ALL ON "information_request_answer" FROM infoshare_app;
GRANT SELECT, INSERT ON "information_request_answer" TO infoshare_app;
-- A timer is written with its request and only ever marked fired.
REVOKE ALL ON "request_timer" FROM infoshare_app;
GRANT SELECT, INSERT ON "request_timer" TO infoshare_app;
GRANT UPDATE ("fired_at") ON "request_timer" TO infoshare_app;
GRANT USAGE, SELECT ON SEQUENCE "request_timer_id_seq" TO infoshare_app;

-- Bank holidays in England and Wales, 2025 to 2027, as www.gov.uk/bank-holidays publishes them
-- (substitute days included: Boxing Day 2026 and Christmas 2027 fall on a Saturday).
INSERT INTO "bank_holiday" ("division", "day", "name") VALUES
    ('england-and-wales', '2025-01-01', 'New Year''s Day'),
    ('england-and-wales', '2025-04-18', 'Good Friday'),
    ('england-and-wales', '2025-04-21', 'Easter Monday'),
    ('england-and-wales', '2025-05-05', 'Early May bank holiday'),
    ('england-and-wales', '2025-05-26', 'Spring bank holiday'),
    ('england-and-wales', '2025-08-25', 'Summer bank holiday'),
    ('england-and-wales', '2025-12-25', 'Christmas Day'),
    ('england-and-wales', '2025-12-26', 'Boxing Day'),
    ('england-and-wales', '2026-01-01', 'New Year''s Day'),
    ('england-and-wales', '2026-04-03', 'Good Friday'),
    ('england-and-wales', '2026-04-06', 'Easter Monday'),
    ('england-and-wales', '2026-05-04', 'Early May bank holiday'),
    ('england-and-wales', '2026-05-25', 'Spring bank holiday'),
    ('england-and-wales', '2026-08-31', 'Summer bank holiday'),
    ('england-and-wales', '2026-12-25', 'Christmas Day'),
    ('england-and-wales', '2026-12-28', 'Boxing Day (substitute day)'),
    ('england-and-wales', '2027-01-01', 'New Year''s Day'),
    ('england-and-wales', '2027-03-26', 'Good Friday'),
    ('england-and-wales', '2027-03-29', 'Easter Monday'),
    ('england-and-wales', '2027-05-03', 'Early May bank holiday'),
    ('england-and-wales', '2027-05-31', 'Spring bank holiday'),
    ('england-and-wales', '2027-08-30', 'Summer bank holiday'),
    ('england-and-wales', '2027-12-27', 'Christmas Day (substitute day)'),
    ('england-and-wales', '2027-12-28', 'Boxing Day (substitute day)');
