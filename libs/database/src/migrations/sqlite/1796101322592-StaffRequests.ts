import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffRequests1796101322592 implements MigrationInterface {
  name = 'StaffRequests1796101322592';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "staff_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "county_id" varchar(6) NOT NULL, "school_id" varchar(36) NOT NULL, "subject" varchar(30) NOT NULL, "headcount" integer NOT NULL, "needed_from" date NOT NULL, "reason" varchar(1000), "status" varchar(12) NOT NULL, "quota_year" integer NOT NULL, "allocated_quota" integer, "headcount_milli" integer NOT NULL, "over_quota" boolean NOT NULL, "covered_milli" integer NOT NULL DEFAULT (0), "submitted_on" date NOT NULL, "submitted_at" datetime(3) NOT NULL, "submitted_by" varchar(36) NOT NULL, "submitted_by_username" varchar(64) NOT NULL, "decided_at" datetime(3), "decided_by" varchar(36), "decided_by_username" varchar(64), "decision_note" varchar(1000), "cancelled_at" datetime(3), "fulfilled_at" datetime(3), "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_c1204feaf07da57bb28c005aeb" ON "staff_request" ("school_id", "status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_5845bc8eaa0b5541482a214814" ON "staff_request" ("county_id", "status", "submitted_at") `);
    await queryRunner.query(`CREATE TABLE "staff_request_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "request_id" varchar(36) NOT NULL, "event" varchar(24) NOT NULL, "status_after" varchar(12) NOT NULL, "at" datetime(3) NOT NULL, "actor_id" varchar(36), "actor_username" varchar(64) NOT NULL, "actor_role" varchar(20) NOT NULL, "note" varchar(1000), "posting_id" varchar(36), "fraction_milli" integer)`);
    await queryRunner.query(`CREATE INDEX "IDX_d2dd6fd077b692b10593512c22" ON "staff_request_event" ("request_id", "at") `);
    await queryRunner.query(`CREATE TABLE "staff_request_flag" ("request_id" varchar(36) NOT NULL, "flag_id" varchar(36) NOT NULL, PRIMARY KEY ("request_id", "flag_id"))`);
    await queryRunner.query(`CREATE TABLE "staff_request_fulfilment" ("id" varchar(36) PRIMARY KEY NOT NULL, "request_id" varchar(36) NOT NULL, "posting_id" varchar(36) NOT NULL, "teacher_id" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "start_date" date NOT NULL, "end_date" date, "fraction_milli" integer NOT NULL, "recorded_at" datetime(3) NOT NULL, "recorded_by" varchar(36), "recorded_by_username" varchar(64) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5699b3756f303d812951db360d" ON "staff_request_fulfilment" ("posting_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_560e6d7718b283a8cb494f76ed" ON "staff_request_fulfilment" ("request_id", "recorded_at") `);
    await queryRunner.query(`DROP INDEX "IDX_c1204feaf07da57bb28c005aeb"`);
    await queryRunner.query(`DROP INDEX "IDX_5845bc8eaa0b5541482a214814"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "county_id" varchar(6) NOT NULL, "school_id" varchar(36) NOT NULL, "subject" varchar(30) NOT NULL, "headcount" integer NOT NULL, "needed_from" date NOT NULL, "reason" varchar(1000), "status" varchar(12) NOT NULL, "quota_year" integer NOT NULL, "allocated_quota" integer, "headcount_milli" integer NOT NULL, "over_quota" boolean NOT NULL, "covered_milli" integer NOT NULL DEFAULT (0), "submitted_on" date NOT NULL, "submitted_at" datetime(3) NOT NULL, "submitted_by" varchar(36) NOT NULL, "submitted_by_username" varchar(64) NOT NULL, "decided_at" datetime(3), "decided_by" varchar(36), "decided_by_username" varchar(64), "decision_note" varchar(1000), "cancelled_at" datetime(3), "fulfilled_at" datetime(3), "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_a2476d2da6d56e2b251ed73505c" FOREIGN KEY ("school_id") REFERENCES "school" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_staff_request"("id", "county_id", "school_id", "subject", "headcount", "needed_from", "reason", "status", "quota_year", "allocated_quota", "headcount_milli", "over_quota", "covered_milli", "submitted_on", "submitted_at", "submitted_by", "submitted_by_username", "decided_at", "decided_by", "decided_by_username", "decision_note", "cancelled_at", "fulfilled_at", "version", "updated_at") SELECT "id", "county_id", "school_id", "subject", "headcount", "needed_from", "reason", "status", "quota_year", "allocated_quota", "headcount_milli", "over_quota", "covered_milli", "submitted_on", "submitted_at", "submitted_by", "submitted_by_username", "decided_at", "decided_by", "decided_by_username", "decision_note", "cancelled_at", "fulfilled_at", "version", "updated_at" FROM "staff_request"`);
    await queryRunner.query(`DROP TABLE "staff_request"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_request" RENAME TO "staff_request"`);
    await queryRunner.query(`CREATE INDEX "IDX_c1204feaf07da57bb28c005aeb" ON "staff_request" ("school_id", "status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_5845bc8eaa0b5541482a214814" ON "staff_request" ("county_id", "status", "submitted_at") `);
    await queryRunner.query(`DROP INDEX "IDX_d2dd6fd077b692b10593512c22"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff_request_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "request_id" varchar(36) NOT NULL, "event" varchar(24) NOT NULL, "status_after" varchar(12) NOT NULL, "at" datetime(3) NOT NULL, "actor_id" varchar(36), "actor_username" varchar(64) NOT NULL, "actor_role" varchar(20) NOT NULL, "note" varchar(1000), "posting_id" varchar(36), "fraction_milli" integer, CONSTRAINT "FK_05cc9ba2cf3549bd04ca0d4f024" FOREIGN KEY ("request_id") REFERENCES "staff_request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_staff_request_event"("id", "request_id", "event", "status_after", "at", "actor_id", "actor_username", "actor_role", "note", "posting_id", "fraction_milli") SELECT "id", "request_id", "event", "status_after", "at", "actor_id", "actor_username", "actor_role", "note", "posting_id", "fraction_milli" FROM "staff_request_event"`);
    await queryRunner.query(`DROP TABLE "staff_request_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_request_event" RENAME TO "staff_request_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_d2dd6fd077b692b10593512c22" ON "staff_request_event" ("request_id", "at") `);
    await queryRunner.query(`CREATE TABLE "temporary_staff_request_flag" ("request_id" varchar(36) NOT NULL, "flag_id" varchar(36) NOT NULL, CONSTRAINT "FK_e1bb411b0af1a0e45e4c79606a1" FOREIGN KEY ("request_id") REFERENCES "staff_request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f5a9f4266adbd9857f7ce0f0bae" FOREIGN KEY ("flag_id") REFERENCES "shortage_flag" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("request_id", "flag_id"))`);
    await queryRunner.query(`INSERT INTO "temporary_staff_request_flag"("request_id", "flag_id") SELECT "request_id", "flag_id" FROM "staff_request_flag"`);
    await queryRunner.query(`DROP TABLE "staff_request_flag"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_request_flag" RENAME TO "staff_request_flag"`);
    await queryRunner.query(`DROP INDEX "IDX_5699b3756f303d812951db360d"`);
    await queryRunner.query(`DROP INDEX "IDX_560e6d7718b283a8cb494f76ed"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff_request_fulfilment" ("id" varchar(36) PRIMARY KEY NOT NULL, "request_id" varchar(36) NOT NULL, "posting_id" varchar(36) NOT NULL, "teacher_id" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "start_date" date NOT NULL, "end_date" date, "fraction_milli" integer NOT NULL, "recorded_at" datetime(3) NOT NULL, "recorded_by" varchar(36), "recorded_by_username" varchar(64) NOT NULL, CONSTRAINT "FK_4c7f2b3f7ee5e9171cc49830db2" FOREIGN KEY ("request_id") REFERENCES "staff_request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_staff_request_fulfilment"("id", "request_id", "posting_id", "teacher_id", "kind", "start_date", "end_date", "fraction_milli", "recorded_at", "recorded_by", "recorded_by_username") SELECT "id", "request_id", "posting_id", "teacher_id", "kind", "start_date", "end_date", "fraction_milli", "recorded_at", "recorded_by", "recorded_by_username" FROM "staff_request_fulfilment"`);
    await queryRunner.query(`DROP TABLE "staff_request_fulfilment"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_request_fulfilment" RENAME TO "staff_request_fulfilment"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5699b3756f303d812951db360d" ON "staff_request_fulfilment" ("posting_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_560e6d7718b283a8cb494f76ed" ON "staff_request_fulfilment" ("request_id", "recorded_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_560e6d7718b283a8cb494f76ed"`);
    await queryRunner.query(`DROP INDEX "IDX_5699b3756f303d812951db360d"`);
    await queryRunner.query(`ALTER TABLE "staff_request_fulfilment" RENAME TO "temporary_staff_request_fulfilment"`);
    await queryRunner.query(`CREATE TABLE "staff_request_fulfilment" ("id" varchar(36) PRIMARY KEY NOT NULL, "request_id" varchar(36) NOT NULL, "posting_id" varchar(36) NOT NULL, "teacher_id" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "start_date" date NOT NULL, "end_date" date, "fraction_milli" integer NOT NULL, "recorded_at" datetime(3) NOT NULL, "recorded_by" varchar(36), "recorded_by_username" varchar(64) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "staff_request_fulfilment"("id", "request_id", "posting_id", "teacher_id", "kind", "start_date", "end_date", "fraction_milli", "recorded_at", "recorded_by", "recorded_by_username") SELECT "id", "request_id", "posting_id", "teacher_id", "kind", "start_date", "end_date", "fraction_milli", "recorded_at", "recorded_by", "recorded_by_username" FROM "temporary_staff_request_fulfilment"`);
    await queryRunner.query(`DROP TABLE "temporary_staff_request_fulfilment"`);
    await queryRunner.query(`CREATE INDEX "IDX_560e6d7718b283a8cb494f76ed" ON "staff_request_fulfilment" ("request_id", "recorded_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5699b3756f303d812951db360d" ON "staff_request_fulfilment" ("posting_id") `);
    await queryRunner.query(`ALTER TABLE "staff_request_flag" RENAME TO "temporary_staff_request_flag"`);
    await queryRunner.query(`CREATE TABLE "staff_request_flag" ("request_id" varchar(36) NOT NULL, "flag_id" varchar(36) NOT NULL, PRIMARY KEY ("request_id", "flag_id"))`);
    await queryRunner.query(`INSERT INTO "staff_request_flag"("request_id", "flag_id") SELECT "request_id", "flag_id" FROM "temporary_staff_request_flag"`);
    await queryRunner.query(`DROP TABLE "temporary_staff_request_flag"`);
    await queryRunner.query(`DROP INDEX "IDX_d2dd6fd077b692b10593512c22"`);
    await queryRunner.query(`ALTER TABLE "staff_request_event" RENAME TO "temporary_staff_request_event"`);
    await queryRunner.query(`CREATE TABLE "staff_request_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "request_id" varchar(36) NOT NULL, "event" varchar(24) NOT NULL, "status_after" varchar(12) NOT NULL, "at" datetime(3) NOT NULL, "actor_id" varchar(36), "actor_username" varchar(64) NOT NULL, "actor_role" varchar(20) NOT NULL, "note" varchar(1000), "posting_id" varchar(36), "fraction_milli" integer)`);
    await queryRunner.query(`INSERT INTO "staff_request_event"("id", "request_id", "event", "status_after", "at", "actor_id", "actor_username", "actor_role", "note", "posting_id", "fraction_milli") SELECT "id", "request_id", "event", "status_after", "at", "actor_id", "actor_username", "actor_role", "note", "posting_id", "fraction_milli" FROM "temporary_staff_request_event"`);
    await queryRunner.query(`DROP TABLE "temporary_staff_request_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_d2dd6fd077b692b10593512c22" ON "staff_request_event" ("request_id", "at") `);
    await queryRunner.query(`DROP INDEX "IDX_5845bc8eaa0b5541482a214814"`);
    await queryRunner.query(`DROP INDEX "IDX_c1204feaf07da57bb28c005aeb"`);
    await queryRunner.query(`ALTER TABLE "staff_request" RENAME TO "temporary_staff_request"`);
    await queryRunner.query(`CREATE TABLE "staff_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "county_id" varchar(6) NOT NULL, "school_id" varchar(36) NOT NULL, "subject" varchar(30) NOT NULL, "headcount" integer NOT NULL, "needed_from" date NOT NULL, "reason" varchar(1000), "status" varchar(12) NOT NULL, "quota_year" integer NOT NULL, "allocated_quota" integer, "headcount_milli" integer NOT NULL, "over_quota" boolean NOT NULL, "covered_milli" integer NOT NULL DEFAULT (0), "submitted_on" date NOT NULL, "submitted_at" datetime(3) NOT NULL, "submitted_by" varchar(36) NOT NULL, "submitted_by_username" varchar(64) NOT NULL, "decided_at" datetime(3), "decided_by" varchar(36), "decided_by_username" varchar(64), "decision_note" varchar(1000), "cancelled_at" datetime(3), "fulfilled_at" datetime(3), "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "staff_request"("id", "county_id", "school_id", "subject", "headcount", "needed_from", "reason", "status", "quota_year", "allocated_quota", "headcount_milli", "over_quota", "covered_milli", "submitted_on", "submitted_at", "submitted_by", "submitted_by_username", "decided_at", "decided_by", "decided_by_username", "decision_note", "cancelled_at", "fulfilled_at", "version", "updated_at") SELECT "id", "county_id", "school_id", "subject", "headcount", "needed_from", "reason", "status", "quota_year", "allocated_quota", "headcount_milli", "over_quota", "covered_milli", "submitted_on", "submitted_at", "submitted_by", "submitted_by_username", "decided_at", "decided_by", "decided_by_username", "decision_note", "cancelled_at", "fulfilled_at", "version", "updated_at" FROM "temporary_staff_request"`);
    await queryRunner.query(`DROP TABLE "temporary_staff_request"`);
    await queryRunner.query(`CREATE INDEX "IDX_5845bc8eaa0b5541482a214814" ON "staff_request" ("county_id", "status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c1204feaf07da57bb28c005aeb" ON "staff_request" ("school_id", "status", "submitted_at") `);
    await queryRunner.query(`DROP INDEX "IDX_560e6d7718b283a8cb494f76ed"`);
    await queryRunner.query(`DROP INDEX "IDX_5699b3756f303d812951db360d"`);
    await queryRunner.query(`DROP TABLE "staff_request_fulfilment"`);
    await queryRunner.query(`DROP TABLE "staff_request_flag"`);
    await queryRunner.query(`DROP INDEX "IDX_d2dd6fd077b692b10593512c22"`);
    await queryRunner.query(`DROP TABLE "staff_request_event"`);
    await queryRunner.query(`DROP INDEX "IDX_5845bc8eaa0b5541482a214814"`);
    await queryRunner.query(`DROP INDEX "IDX_c1204feaf07da57bb28c005aeb"`);
    await queryRunner.query(`DROP TABLE "staff_request"`);
  }
}
