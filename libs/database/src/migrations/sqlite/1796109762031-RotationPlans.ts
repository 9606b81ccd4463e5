import { MigrationInterface, QueryRunner } from 'typeorm';

export class RotationPlans1796109762031 implements MigrationInterface {
  name = 'RotationPlans1796109762031';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rotation_plan" ("id" varchar(36) PRIMARY KEY NOT NULL, "county_id" varchar(6) NOT NULL, "year" integer NOT NULL, "title" varchar(200), "status" varchar(12) NOT NULL, "last_day" date, "created_by" varchar(36) NOT NULL, "created_by_username" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "submitted_at" datetime(3), "submitted_by" varchar(36), "approved_at" datetime(3), "approved_by" varchar(36), "activated_at" datetime(3), "activated_by" varchar(36), "completed_at" datetime(3), "cancelled_at" datetime(3), "cancelled_by" varchar(36), "cancel_reason" varchar(1000), "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_d8bc60ebca21ddf2ab78d327d5" ON "rotation_plan" ("status", "last_day") `);
    await queryRunner.query(`CREATE INDEX "IDX_573a518a3516d26812086551e6" ON "rotation_plan" ("county_id", "year") `);
    await queryRunner.query(`CREATE TABLE "rotation_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "plan_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "teacher_id" varchar(36) NOT NULL, "from_school_id" varchar(36) NOT NULL, "to_school_id" varchar(36) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "mode" varchar(12) NOT NULL, "kind" varchar(12) NOT NULL, "team_id" varchar(40), "fraction_milli" integer NOT NULL, "subject" varchar(30) NOT NULL, "backbone" varchar(12) NOT NULL, "posting_id" varchar(36), "created_by" varchar(36) NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_9d505fbc60999f58d840d1fb967" UNIQUE ("plan_id", "teacher_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c687432b79d1234b5a2db3a953" ON "rotation_assignment" ("to_school_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_44fcf516c95029d93db68dd614" ON "rotation_assignment" ("teacher_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_295ff0a80dbc35c9fecbac6978" ON "rotation_assignment" ("county_id", "start_date") `);
    await queryRunner.query(`DROP INDEX "IDX_c687432b79d1234b5a2db3a953"`);
    await queryRunner.query(`DROP INDEX "IDX_44fcf516c95029d93db68dd614"`);
    await queryRunner.query(`DROP INDEX "IDX_295ff0a80dbc35c9fecbac6978"`);
    await queryRunner.query(`CREATE TABLE "temporary_rotation_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "plan_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "teacher_id" varchar(36) NOT NULL, "from_school_id" varchar(36) NOT NULL, "to_school_id" varchar(36) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "mode" varchar(12) NOT NULL, "kind" varchar(12) NOT NULL, "team_id" varchar(40), "fraction_milli" integer NOT NULL, "subject" varchar(30) NOT NULL, "backbone" varchar(12) NOT NULL, "posting_id" varchar(36), "created_by" varchar(36) NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_9d505fbc60999f58d840d1fb967" UNIQUE ("plan_id", "teacher_id"), CONSTRAINT "FK_a7fc14cd533ba35153cf021646a" FOREIGN KEY ("plan_id") REFERENCES "rotation_plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1db88a3948008b8e9510feb3194" FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_20e25c5bc60bc63c0511b9f4bd4" FOREIGN KEY ("from_school_id") REFERENCES "school" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_295fe0ce6b24bc8742eb246b1c0" FOREIGN KEY ("to_school_id") REFERENCES "school" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_rotation_assignment"("id", "plan_id", "county_id", "teacher_id", "from_school_id", "to_school_id", "start_date", "end_date", "mode", "kind", "team_id", "fraction_milli", "subject", "backbone", "posting_id", "created_by", "created_at") SELECT "id", "plan_id", "county_id", "teacher_id", "from_school_id", "to_school_id", "start_date", "end_date", "mode", "kind", "team_id", "fraction_milli", "subject", "backbone", "posting_id", "created_by", "created_at" FROM "rotation_assignment"`);
    await queryRunner.query(`DROP TABLE "rotation_assignment"`);
    await queryRunner.query(`ALTER TABLE "temporary_rotation_assignment" RENAME TO "rotation_assignment"`);
    await queryRunner.query(`CREATE INDEX "IDX_c687432b79d1234b5a2db3a953" ON "rotation_assignment" ("to_school_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_44fcf516c95029d93db68dd614" ON "rotation_assignment" ("teacher_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_295ff0a80dbc35c9fecbac6978" ON "rotation_assignment" ("county_id", "start_date") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_295ff0a80dbc35c9fecbac6978"`);
    await queryRunner.query(`DROP INDEX "IDX_44fcf516c95029d93db68dd614"`);
    await queryRunner.query(`DROP INDEX "IDX_c687432b79d1234b5a2db3a953"`);
    await queryRunner.query(`ALTER TABLE "rotation_assignment" RENAME TO "temporary_rotation_assignment"`);
    await queryRunner.query(`CREATE TABLE "rotation_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "plan_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "teacher_id" varchar(36) NOT NULL, "from_school_id" varchar(36) NOT NULL, "to_school_id" varchar(36) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "mode" varchar(12) NOT NULL, "kind" varchar(12) NOT NULL, "team_id" varchar(40), "fraction_milli" integer NOT NULL, "subject" varchar(30) NOT NULL, "backbone" varchar(12) NOT NULL, "posting_id" varchar(36), "created_by" varchar(36) NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_9d505fbc60999f58d840d1fb967" UNIQUE ("plan_id", "teacher_id"))`);
    await queryRunner.query(`INSERT INTO "rotation_assignment"("id", "plan_id", "county_id", "teacher_id", "from_school_id", "to_school_id", "start_date", "end_date", "mode", "kind", "team_id", "fraction_milli", "subject", "backbone", "posting_id", "created_by", "created_at") SELECT "id", "plan_id", "county_id", "teacher_id", "from_school_id", "to_school_id", "start_date", "end_date", "mode", "kind", "team_id", "fraction_milli", "subject", "backbone", "posting_id", "created_by", "created_at" FROM "temporary_rotation_assignment"`);
    await queryRunner.query(`DROP TABLE "temporary_rotation_assignment"`);
    await queryRunner.query(`CREATE INDEX "IDX_295ff0a80dbc35c9fecbac6978" ON "rotation_assignment" ("county_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_44fcf516c95029d93db68dd614" ON "rotation_assignment" ("teacher_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_c687432b79d1234b5a2db3a953" ON "rotation_assignment" ("to_school_id", "start_date") `);
    await queryRunner.query(`DROP INDEX "IDX_295ff0a80dbc35c9fecbac6978"`);
    await queryRunner.query(`DROP INDEX "IDX_44fcf516c95029d93db68dd614"`);
    await queryRunner.query(`DROP INDEX "IDX_c687432b79d1234b5a2db3a953"`);
    await queryRunner.query(`DROP TABLE "rotation_assignment"`);
    await queryRunner.query(`DROP INDEX "IDX_573a518a3516d26812086551e6"`);
    await queryRunner.query(`DROP INDEX "IDX_d8bc60ebca21ddf2ab78d327d5"`);
    await queryRunner.query(`DROP TABLE "rotation_plan"`);
  }
}
