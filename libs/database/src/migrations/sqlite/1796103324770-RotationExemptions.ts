import { MigrationInterface, QueryRunner } from 'typeorm';

export class RotationExemptions1796103324770 implements MigrationInterface {
  name = 'RotationExemptions1796103324770';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rotation_exemption" ("id" varchar(36) PRIMARY KEY NOT NULL, "teacher_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "reason" varchar(20) NOT NULL, "note" varchar(500), "valid_from" date NOT NULL, "valid_to" date, "created_by" varchar(36), "created_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_98825d70462a6b59d7f1ea5c80" ON "rotation_exemption" ("teacher_id", "valid_from") `);
    await queryRunner.query(`CREATE INDEX "IDX_e86627223e0087680c9f90a8ba" ON "rotation_exemption" ("county_id", "valid_from") `);
    await queryRunner.query(`DROP INDEX "IDX_98825d70462a6b59d7f1ea5c80"`);
    await queryRunner.query(`DROP INDEX "IDX_e86627223e0087680c9f90a8ba"`);
    await queryRunner.query(`CREATE TABLE "temporary_rotation_exemption" ("id" varchar(36) PRIMARY KEY NOT NULL, "teacher_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "reason" varchar(20) NOT NULL, "note" varchar(500), "valid_from" date NOT NULL, "valid_to" date, "created_by" varchar(36), "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_8be4f5b6e1458acd3b573efbc85" FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_rotation_exemption"("id", "teacher_id", "county_id", "reason", "note", "valid_from", "valid_to", "created_by", "created_at") SELECT "id", "teacher_id", "county_id", "reason", "note", "valid_from", "valid_to", "created_by", "created_at" FROM "rotation_exemption"`);
    await queryRunner.query(`DROP TABLE "rotation_exemption"`);
    await queryRunner.query(`ALTER TABLE "temporary_rotation_exemption" RENAME TO "rotation_exemption"`);
    await queryRunner.query(`CREATE INDEX "IDX_98825d70462a6b59d7f1ea5c80" ON "rotation_exemption" ("teacher_id", "valid_from") `);
    await queryRunner.query(`CREATE INDEX "IDX_e86627223e0087680c9f90a8ba" ON "rotation_exemption" ("county_id", "valid_from") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_e86627223e0087680c9f90a8ba"`);
    await queryRunner.query(`DROP INDEX "IDX_98825d70462a6b59d7f1ea5c80"`);
    await queryRunner.query(`ALTER TABLE "rotation_exemption" RENAME TO "temporary_rotation_exemption"`);
    await queryRunner.query(`CREATE TABLE "rotation_exemption" ("id" varchar(36) PRIMARY KEY NOT NULL, "teacher_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "reason" varchar(20) NOT NULL, "note" varchar(500), "valid_from" date NOT NULL, "valid_to" date, "created_by" varchar(36), "created_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "rotation_exemption"("id", "teacher_id", "county_id", "reason", "note", "valid_from", "valid_to", "created_by", "created_at") SELECT "id", "teacher_id", "county_id", "reason", "note", "valid_from", "valid_to", "created_by", "created_at" FROM "temporary_rotation_exemption"`);
    await queryRunner.query(`DROP TABLE "temporary_rotation_exemption"`);
    await queryRunner.query(`CREATE INDEX "IDX_e86627223e0087680c9f90a8ba" ON "rotation_exemption" ("county_id", "valid_from") `);
    await queryRunner.query(`CREATE INDEX "IDX_98825d70462a6b59d7f1ea5c80" ON "rotation_exemption" ("teacher_id", "valid_from") `);
    await queryRunner.query(`DROP INDEX "IDX_e86627223e0087680c9f90a8ba"`);
    await queryRunner.query(`DROP INDEX "IDX_98825d70462a6b59d7f1ea5c80"`);
    await queryRunner.query(`DROP TABLE "rotation_exemption"`);
  }
}
