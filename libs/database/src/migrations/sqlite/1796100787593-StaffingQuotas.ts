import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffingQuotas1796100787593 implements MigrationInterface {
  name = 'StaffingQuotas1796100787593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "county_quota" ("county_id" varchar(6) NOT NULL, "year" integer NOT NULL, "approved_total" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL, PRIMARY KEY ("county_id", "year"))`);
    await queryRunner.query(`CREATE TABLE "quota_change" ("id" varchar(36) PRIMARY KEY NOT NULL, "county_id" varchar(6) NOT NULL, "school_id" varchar(36), "year" integer NOT NULL, "kind" varchar(20) NOT NULL, "previous_value" integer, "new_value" integer NOT NULL, "move_id" varchar(36), "other_school_id" varchar(36), "reason" varchar(500), "actor_id" varchar(36), "actor_username" varchar(64) NOT NULL, "at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_d337c6ece2cfc0dc695c8cb2fe" ON "quota_change" ("county_id", "year", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_ede00bcc15601e45ae6f63ab0b" ON "quota_change" ("school_id", "year", "at") `);
    await queryRunner.query(`CREATE TABLE "school_quota_allocation" ("school_id" varchar(36) NOT NULL, "year" integer NOT NULL, "county_id" varchar(6) NOT NULL, "allocated" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL, PRIMARY KEY ("school_id", "year"))`);
    await queryRunner.query(`CREATE INDEX "IDX_da9e56630fbbf4dbc7fda575b0" ON "school_quota_allocation" ("county_id", "year") `);
    await queryRunner.query(`CREATE TABLE "temporary_county_quota" ("county_id" varchar(6) NOT NULL, "year" integer NOT NULL, "approved_total" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_09d9710b288c735eed0ce237a57" FOREIGN KEY ("county_id") REFERENCES "county" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("county_id", "year"))`);
    await queryRunner.query(`INSERT INTO "temporary_county_quota"("county_id", "year", "approved_total", "version", "updated_at") SELECT "county_id", "year", "approved_total", "version", "updated_at" FROM "county_quota"`);
    await queryRunner.query(`DROP TABLE "county_quota"`);
    await queryRunner.query(`ALTER TABLE "temporary_county_quota" RENAME TO "county_quota"`);
    await queryRunner.query(`DROP INDEX "IDX_da9e56630fbbf4dbc7fda575b0"`);
    await queryRunner.query(`CREATE TABLE "temporary_school_quota_allocation" ("school_id" varchar(36) NOT NULL, "year" integer NOT NULL, "county_id" varchar(6) NOT NULL, "allocated" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_c5963843e27ea67f0c87d644371" FOREIGN KEY ("school_id") REFERENCES "school" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("school_id", "year"))`);
    await queryRunner.query(`INSERT INTO "temporary_school_quota_allocation"("school_id", "year", "county_id", "allocated", "version", "updated_at") SELECT "school_id", "year", "county_id", "allocated", "version", "updated_at" FROM "school_quota_allocation"`);
    await queryRunner.query(`DROP TABLE "school_quota_allocation"`);
    await queryRunner.query(`ALTER TABLE "temporary_school_quota_allocation" RENAME TO "school_quota_allocation"`);
    await queryRunner.query(`CREATE INDEX "IDX_da9e56630fbbf4dbc7fda575b0" ON "school_quota_allocation" ("county_id", "year") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_da9e56630fbbf4dbc7fda575b0"`);
    await queryRunner.query(`ALTER TABLE "school_quota_allocation" RENAME TO "temporary_school_quota_allocation"`);
    await queryRunner.query(`CREATE TABLE "school_quota_allocation" ("school_id" varchar(36) NOT NULL, "year" integer NOT NULL, "county_id" varchar(6) NOT NULL, "allocated" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL, PRIMARY KEY ("school_id", "year"))`);
    await queryRunner.query(`INSERT INTO "school_quota_allocation"("school_id", "year", "county_id", "allocated", "version", "updated_at") SELECT "school_id", "year", "county_id", "allocated", "version", "updated_at" FROM "temporary_school_quota_allocation"`);
    await queryRunner.query(`DROP TABLE "temporary_school_quota_allocation"`);
    await queryRunner.query(`CREATE INDEX "IDX_da9e56630fbbf4dbc7fda575b0" ON "school_quota_allocation" ("county_id", "year") `);
    await queryRunner.query(`ALTER TABLE "county_quota" RENAME TO "temporary_county_quota"`);
    await queryRunner.query(`CREATE TABLE "county_quota" ("county_id" varchar(6) NOT NULL, "year" integer NOT NULL, "approved_total" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "updated_at" datetime(3) NOT NULL, PRIMARY KEY ("county_id", "year"))`);
    await queryRunner.query(`INSERT INTO "county_quota"("county_id", "year", "approved_total", "version", "updated_at") SELECT "county_id", "year", "approved_total", "version", "updated_at" FROM "temporary_county_quota"`);
    await queryRunner.query(`DROP TABLE "temporary_county_quota"`);
    await queryRunner.query(`DROP INDEX "IDX_da9e56630fbbf4dbc7fda575b0"`);
    await queryRunner.query(`DROP TABLE "school_quota_allocation"`);
    await queryRunner.query(`DROP INDEX "IDX_ede00bcc15601e45ae6f63ab0b"`);
    await queryRunner.query(`DROP INDEX "IDX_d337c6ece2cfc0dc695c8cb2fe"`);
    await queryRunner.query(`DROP TABLE "quota_change"`);
    await queryRunner.query(`DROP TABLE "county_quota"`);
  }
}
