import { MigrationInterface, QueryRunner } from 'typeorm';

export class ShortageScans1796098828298 implements MigrationInterface {
  name = 'ShortageScans1796098828298';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "shortage_flag" ("id" varchar(36) PRIMARY KEY NOT NULL, "school_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "kind" varchar(30) NOT NULL, "subject" varchar(30), "subject_key" varchar(30) NOT NULL, "severity" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "required_milli" integer NOT NULL, "actual_milli" integer NOT NULL, "gap_milli" integer NOT NULL, "opened_at" datetime(3) NOT NULL, "last_seen_at" datetime(3) NOT NULL, "resolved_at" datetime(3), "policy_version" varchar(40) NOT NULL, "explanation" text NOT NULL, "last_scan_id" varchar(36) NOT NULL, "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_9ecb65bef12bf81878cd9e366d" ON "shortage_flag" ("status", "opened_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f9f6de40e1d849e2498ebc59e9" ON "shortage_flag" ("county_id", "status", "severity") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa999a7912ba6a085d7bf22d6" ON "shortage_flag" ("school_id", "kind", "subject_key") `);
    await queryRunner.query(`CREATE TABLE "shortage_scan" ("id" varchar(36) PRIMARY KEY NOT NULL, "trigger" varchar(10) NOT NULL, "county_id" varchar(6), "city_id" varchar(6), "school_id" varchar(36), "requested_by" varchar(36), "as_of" date NOT NULL, "night_of" date, "status" varchar(10) NOT NULL, "schools_total" integer NOT NULL DEFAULT (0), "schools_scanned" integer NOT NULL DEFAULT (0), "schools_failed" integer NOT NULL DEFAULT (0), "flags_opened" integer NOT NULL DEFAULT (0), "flags_updated" integer NOT NULL DEFAULT (0), "flags_resolved" integer NOT NULL DEFAULT (0), "error" varchar(1000), "created_at" datetime(3) NOT NULL, "started_at" datetime(3), "finished_at" datetime(3))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f7c1291772b99d035b09c63780" ON "shortage_scan" ("night_of") `);
    await queryRunner.query(`CREATE INDEX "IDX_56fcf06a8812dc22481a20a70f" ON "shortage_scan" ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5f2350636e6da6f6e53c93826" ON "shortage_scan" ("city_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_02aff7ee5d2be0668e6d3d448c" ON "shortage_scan" ("county_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "shortage_scan_batch" ("id" varchar(36) PRIMARY KEY NOT NULL, "scan_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "pending" text NOT NULL, "status" varchar(10) NOT NULL, "failed_tries" integer NOT NULL DEFAULT (0), "last_error" varchar(1000), "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_817e9a36b4878164989fcde7bf" ON "shortage_scan_batch" ("status", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c5fc054e92747efe98cef49d10" ON "shortage_scan_batch" ("scan_id", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_ca1d49e2c57262e9bd91a8b49b"`);
    await queryRunner.query(`DROP INDEX "IDX_869e02611537bd9e1e4761e80e"`);
    await queryRunner.query(`CREATE TABLE "temporary_outbox_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "job_name" varchar(64) NOT NULL, "payload" text NOT NULL, "created_at" datetime(3) NOT NULL, "available_at" datetime(3) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "last_error" varchar(500), "claim_token" varchar(36), "claimed_at" datetime(3), "dedupe_key" varchar(120))`);
    await queryRunner.query(`INSERT INTO "temporary_outbox_entry"("id", "job_name", "payload", "created_at", "available_at", "attempts", "last_error", "claim_token", "claimed_at") SELECT "id", "job_name", "payload", "created_at", "available_at", "attempts", "last_error", "claim_token", "claimed_at" FROM "outbox_entry"`);
    await queryRunner.query(`DROP TABLE "outbox_entry"`);
    await queryRunner.query(`ALTER TABLE "temporary_outbox_entry" RENAME TO "outbox_entry"`);
    await queryRunner.query(`CREATE INDEX "IDX_ca1d49e2c57262e9bd91a8b49b" ON "outbox_entry" ("available_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_869e02611537bd9e1e4761e80e" ON "outbox_entry" ("claim_token") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_20462d0c3d847a833ca613d3f5" ON "outbox_entry" ("dedupe_key") `);
    await queryRunner.query(`DROP INDEX "IDX_9ecb65bef12bf81878cd9e366d"`);
    await queryRunner.query(`DROP INDEX "IDX_f9f6de40e1d849e2498ebc59e9"`);
    await queryRunner.query(`DROP INDEX "IDX_3fa999a7912ba6a085d7bf22d6"`);
    await queryRunner.query(`CREATE TABLE "temporary_shortage_flag" ("id" varchar(36) PRIMARY KEY NOT NULL, "school_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "kind" varchar(30) NOT NULL, "subject" varchar(30), "subject_key" varchar(30) NOT NULL, "severity" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "required_milli" integer NOT NULL, "actual_milli" integer NOT NULL, "gap_milli" integer NOT NULL, "opened_at" datetime(3) NOT NULL, "last_seen_at" datetime(3) NOT NULL, "resolved_at" datetime(3), "policy_version" varchar(40) NOT NULL, "explanation" text NOT NULL, "last_scan_id" varchar(36) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_5e425cfaf83fcc03910eabf7c2c" FOREIGN KEY ("school_id") REFERENCES "school" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_shortage_flag"("id", "school_id", "county_id", "kind", "subject", "subject_key", "severity", "status", "required_milli", "actual_milli", "gap_milli", "opened_at", "last_seen_at", "resolved_at", "policy_version", "explanation", "last_scan_id", "updated_at") SELECT "id", "school_id", "county_id", "kind", "subject", "subject_key", "severity", "status", "required_milli", "actual_milli", "gap_milli", "opened_at", "last_seen_at", "resolved_at", "policy_version", "explanation", "last_scan_id", "updated_at" FROM "shortage_flag"`);
    await queryRunner.query(`DROP TABLE "shortage_flag"`);
    await queryRunner.query(`ALTER TABLE "temporary_shortage_flag" RENAME TO "shortage_flag"`);
    await queryRunner.query(`CREATE INDEX "IDX_9ecb65bef12bf81878cd9e366d" ON "shortage_flag" ("status", "opened_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f9f6de40e1d849e2498ebc59e9" ON "shortage_flag" ("county_id", "status", "severity") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa999a7912ba6a085d7bf22d6" ON "shortage_flag" ("school_id", "kind", "subject_key") `);
    await queryRunner.query(`DROP INDEX "IDX_817e9a36b4878164989fcde7bf"`);
    await queryRunner.query(`DROP INDEX "IDX_c5fc054e92747efe98cef49d10"`);
    await queryRunner.query(`CREATE TABLE "temporary_shortage_scan_batch" ("id" varchar(36) PRIMARY KEY NOT NULL, "scan_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "pending" text NOT NULL, "status" varchar(10) NOT NULL, "failed_tries" integer NOT NULL DEFAULT (0), "last_error" varchar(1000), "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_dc10dd0d0f68d81553abd143eb7" FOREIGN KEY ("scan_id") REFERENCES "shortage_scan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_shortage_scan_batch"("id", "scan_id", "county_id", "pending", "status", "failed_tries", "last_error", "updated_at") SELECT "id", "scan_id", "county_id", "pending", "status", "failed_tries", "last_error", "updated_at" FROM "shortage_scan_batch"`);
    await queryRunner.query(`DROP TABLE "shortage_scan_batch"`);
    await queryRunner.query(`ALTER TABLE "temporary_shortage_scan_batch" RENAME TO "shortage_scan_batch"`);
    await queryRunner.query(`CREATE INDEX "IDX_817e9a36b4878164989fcde7bf" ON "shortage_scan_batch" ("status", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c5fc054e92747efe98cef49d10" ON "shortage_scan_batch" ("scan_id", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c5fc054e92747efe98cef49d10"`);
    await queryRunner.query(`DROP INDEX "IDX_817e9a36b4878164989fcde7bf"`);
    await queryRunner.query(`ALTER TABLE "shortage_scan_batch" RENAME TO "temporary_shortage_scan_batch"`);
    await queryRunner.query(`CREATE TABLE "shortage_scan_batch" ("id" varchar(36) PRIMARY KEY NOT NULL, "scan_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "pending" text NOT NULL, "status" varchar(10) NOT NULL, "failed_tries" integer NOT NULL DEFAULT (0), "last_error" varchar(1000), "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "shortage_scan_batch"("id", "scan_id", "county_id", "pending", "status", "failed_tries", "last_error", "updated_at") SELECT "id", "scan_id", "county_id", "pending", "status", "failed_tries", "last_error", "updated_at" FROM "temporary_shortage_scan_batch"`);
    await queryRunner.query(`DROP TABLE "temporary_shortage_scan_batch"`);
    await queryRunner.query(`CREATE INDEX "IDX_c5fc054e92747efe98cef49d10" ON "shortage_scan_batch" ("scan_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_817e9a36b4878164989fcde7bf" ON "shortage_scan_batch" ("status", "updated_at") `);
    await queryRunner.query(`DROP INDEX "IDX_3fa999a7912ba6a085d7bf22d6"`);
    await queryRunner.query(`DROP INDEX "IDX_f9f6de40e1d849e2498ebc59e9"`);
    await queryRunner.query(`DROP INDEX "IDX_9ecb65bef12bf81878cd9e366d"`);
    await queryRunner.query(`ALTER TABLE "shortage_flag" RENAME TO "temporary_shortage_flag"`);
    await queryRunner.query(`CREATE TABLE "shortage_flag" ("id" varchar(36) PRIMARY KEY NOT NULL, "school_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "kind" varchar(30) NOT NULL, "subject" varchar(30), "subject_key" varchar(30) NOT NULL, "severity" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "required_milli" integer NOT NULL, "actual_milli" integer NOT NULL, "gap_milli" integer NOT NULL, "opened_at" datetime(3) NOT NULL, "last_seen_at" datetime(3) NOT NULL, "resolved_at" datetime(3), "policy_version" varchar(40) NOT NULL, "explanation" text NOT NULL, "last_scan_id" varchar(36) NOT NULL, "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "shortage_flag"("id", "school_id", "county_id", "kind", "subject", "subject_key", "severity", "status", "required_milli", "actual_milli", "gap_milli", "opened_at", "last_seen_at", "resolved_at", "policy_version", "explanation", "last_scan_id", "updated_at") SELECT "id", "school_id", "county_id", "kind", "subject", "subject_key", "severity", "status", "required_milli", "actual_milli", "gap_milli", "opened_at", "last_seen_at", "resolved_at", "policy_version", "explanation", "last_scan_id", "updated_at" FROM "temporary_shortage_flag"`);
    await queryRunner.query(`DROP TABLE "temporary_shortage_flag"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa999a7912ba6a085d7bf22d6" ON "shortage_flag" ("school_id", "kind", "subject_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_f9f6de40e1d849e2498ebc59e9" ON "shortage_flag" ("county_id", "status", "severity") `);
    await queryRunner.query(`CREATE INDEX "IDX_9ecb65bef12bf81878cd9e366d" ON "shortage_flag" ("status", "opened_at") `);
    await queryRunner.query(`DROP INDEX "IDX_20462d0c3d847a833ca613d3f5"`);
    await queryRunner.query(`DROP INDEX "IDX_869e02611537bd9e1e4761e80e"`);
    await queryRunner.query(`DROP INDEX "IDX_ca1d49e2c57262e9bd91a8b49b"`);
    await queryRunner.query(`ALTER TABLE "outbox_entry" RENAME TO "temporary_outbox_entry"`);
    await queryRunner.query(`CREATE TABLE "outbox_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "job_name" varchar(64) NOT NULL, "payload" text NOT NULL, "created_at" datetime(3) NOT NULL, "available_at" datetime(3) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "last_error" varchar(500), "claim_token" varchar(36), "claimed_at" datetime(3))`);
    await queryRunner.query(`INSERT INTO "outbox_entry"("id", "job_name", "payload", "created_at", "available_at", "attempts", "last_error", "claim_token", "claimed_at") SELECT "id", "job_name", "payload", "created_at", "available_at", "attempts", "last_error", "claim_token", "claimed_at" FROM "temporary_outbox_entry"`);
    await queryRunner.query(`DROP TABLE "temporary_outbox_entry"`);
    await queryRunner.query(`CREATE INDEX "IDX_869e02611537bd9e1e4761e80e" ON "outbox_entry" ("claim_token") `);
    await queryRunner.query(`CREATE INDEX "IDX_ca1d49e2c57262e9bd91a8b49b" ON "outbox_entry" ("available_at") `);
    await queryRunner.query(`DROP INDEX "IDX_c5fc054e92747efe98cef49d10"`);
    await queryRunner.query(`DROP INDEX "IDX_817e9a36b4878164989fcde7bf"`);
    await queryRunner.query(`DROP TABLE "shortage_scan_batch"`);
    await queryRunner.query(`DROP INDEX "IDX_02aff7ee5d2be0668e6d3d448c"`);
    await queryRunner.query(`DROP INDEX "IDX_e5f2350636e6da6f6e53c93826"`);
    await queryRunner.query(`DROP INDEX "IDX_56fcf06a8812dc22481a20a70f"`);
    await queryRunner.query(`DROP INDEX "IDX_f7c1291772b99d035b09c63780"`);
    await queryRunner.query(`DROP TABLE "shortage_scan"`);
    await queryRunner.query(`DROP INDEX "IDX_3fa999a7912ba6a085d7bf22d6"`);
    await queryRunner.query(`DROP INDEX "IDX_f9f6de40e1d849e2498ebc59e9"`);
    await queryRunner.query(`DROP INDEX "IDX_9ecb65bef12bf81878cd9e366d"`);
    await queryRunner.query(`DROP TABLE "shortage_flag"`);
  }
}
