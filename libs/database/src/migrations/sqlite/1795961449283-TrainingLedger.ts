import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingLedger1795961449283 implements MigrationInterface {
  name = 'TrainingLedger1795961449283';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "training_record" ("id" varchar(36) PRIMARY KEY NOT NULL, "teacher_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "title" varchar(200) NOT NULL, "provider" varchar(200) NOT NULL, "category" varchar(16) NOT NULL, "hours" decimal(7,2) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" varchar(10) NOT NULL, "kind" varchar(10) NOT NULL, "reverses_id" varchar(36), "reason" varchar(500), "submitted_by" varchar(36), "submitted_at" datetime(3) NOT NULL, "decided_by" varchar(36), "decided_at" datetime(3), "version" integer NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2e43eade4b3890fa16cfd11995" ON "training_record" ("reverses_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_db63ed9d7f4ef3033d1e5ef179" ON "training_record" ("county_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_b5fc7f4f43fc3ca3563c6f993d" ON "training_record" ("teacher_id", "start_date") `);
    await queryRunner.query(`DROP INDEX "IDX_2e43eade4b3890fa16cfd11995"`);
    await queryRunner.query(`DROP INDEX "IDX_db63ed9d7f4ef3033d1e5ef179"`);
    await queryRunner.query(`DROP INDEX "IDX_b5fc7f4f43fc3ca3563c6f993d"`);
    await queryRunner.query(`CREATE TABLE "temporary_training_record" ("id" varchar(36) PRIMARY KEY NOT NULL, "teacher_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "title" varchar(200) NOT NULL, "provider" varchar(200) NOT NULL, "category" varchar(16) NOT NULL, "hours" decimal(7,2) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" varchar(10) NOT NULL, "kind" varchar(10) NOT NULL, "reverses_id" varchar(36), "reason" varchar(500), "submitted_by" varchar(36), "submitted_at" datetime(3) NOT NULL, "decided_by" varchar(36), "decided_at" datetime(3), "version" integer NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_7c880b3aa55f6c3718af425094b" FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2e43eade4b3890fa16cfd119950" FOREIGN KEY ("reverses_id") REFERENCES "training_record" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_training_record"("id", "teacher_id", "county_id", "title", "provider", "category", "hours", "start_date", "end_date", "status", "kind", "reverses_id", "reason", "submitted_by", "submitted_at", "decided_by", "decided_at", "version", "created_at", "updated_at") SELECT "id", "teacher_id", "county_id", "title", "provider", "category", "hours", "start_date", "end_date", "status", "kind", "reverses_id", "reason", "submitted_by", "submitted_at", "decided_by", "decided_at", "version", "created_at", "updated_at" FROM "training_record"`);
    await queryRunner.query(`DROP TABLE "training_record"`);
    await queryRunner.query(`ALTER TABLE "temporary_training_record" RENAME TO "training_record"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2e43eade4b3890fa16cfd11995" ON "training_record" ("reverses_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_db63ed9d7f4ef3033d1e5ef179" ON "training_record" ("county_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_b5fc7f4f43fc3ca3563c6f993d" ON "training_record" ("teacher_id", "start_date") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_b5fc7f4f43fc3ca3563c6f993d"`);
    await queryRunner.query(`DROP INDEX "IDX_db63ed9d7f4ef3033d1e5ef179"`);
    await queryRunner.query(`DROP INDEX "IDX_2e43eade4b3890fa16cfd11995"`);
    await queryRunner.query(`ALTER TABLE "training_record" RENAME TO "temporary_training_record"`);
    await queryRunner.query(`CREATE TABLE "training_record" ("id" varchar(36) PRIMARY KEY NOT NULL, "teacher_id" varchar(36) NOT NULL, "county_id" varchar(6) NOT NULL, "title" varchar(200) NOT NULL, "provider" varchar(200) NOT NULL, "category" varchar(16) NOT NULL, "hours" decimal(7,2) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" varchar(10) NOT NULL, "kind" varchar(10) NOT NULL, "reverses_id" varchar(36), "reason" varchar(500), "submitted_by" varchar(36), "submitted_at" datetime(3) NOT NULL, "decided_by" varchar(36), "decided_at" datetime(3), "version" integer NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "training_record"("id", "teacher_id", "county_id", "title", "provider", "category", "hours", "start_date", "end_date", "status", "kind", "reverses_id", "reason", "submitted_by", "submitted_at", "decided_by", "decided_at", "version", "created_at", "updated_at") SELECT "id", "teacher_id", "county_id", "title", "provider", "category", "hours", "start_date", "end_date", "status", "kind", "reverses_id", "reason", "submitted_by", "submitted_at", "decided_by", "decided_at", "version", "created_at", "updated_at" FROM "temporary_training_record"`);
    await queryRunner.query(`DROP TABLE "temporary_training_record"`);
    await queryRunner.query(`CREATE INDEX "IDX_b5fc7f4f43fc3ca3563c6f993d" ON "training_record" ("teacher_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_db63ed9d7f4ef3033d1e5ef179" ON "training_record" ("county_id", "start_date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2e43eade4b3890fa16cfd11995" ON "training_record" ("reverses_id") `);
    await queryRunner.query(`DROP INDEX "IDX_b5fc7f4f43fc3ca3563c6f993d"`);
    await queryRunner.query(`DROP INDEX "IDX_db63ed9d7f4ef3033d1e5ef179"`);
    await queryRunner.query(`DROP INDEX "IDX_2e43eade4b3890fa16cfd11995"`);
    await queryRunner.query(`DROP TABLE "training_record"`);
  }
}
