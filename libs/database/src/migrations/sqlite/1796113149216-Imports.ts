import { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1796113149216 implements MigrationInterface {
  name = 'Imports1796113149216';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "registry_import" ("id" varchar(36) PRIMARY KEY NOT NULL, "county_id" varchar(6) NOT NULL, "kind" varchar(20) NOT NULL, "status" varchar(10) NOT NULL, "format" varchar(6) NOT NULL, "file_name" varchar(255), "charset" varchar(20), "size_bytes" integer NOT NULL, "rows_read" integer NOT NULL DEFAULT (0), "error_count" integer NOT NULL DEFAULT (0), "sheet" varchar(100), "counts" text, "failure" varchar(1000), "created_by" varchar(36) NOT NULL, "created_at" datetime(3) NOT NULL, "started_at" datetime(3), "finished_at" datetime(3), "committed_at" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "IDX_18f089578ef1fa80f3a86f5db8" ON "registry_import" ("county_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "registry_import_chunk" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "data" text NOT NULL, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "registry_import_error" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "sheet" varchar(100) NOT NULL, "row_number" integer NOT NULL, "column_name" varchar(40), "code" varchar(40) NOT NULL, "message" varchar(1000) NOT NULL, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "registry_import_rows" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "data" text NOT NULL, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "temporary_registry_import_chunk" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "data" text NOT NULL, CONSTRAINT "FK_2956f87c558fa58f59bbb491f1a" FOREIGN KEY ("import_id") REFERENCES "registry_import" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "temporary_registry_import_chunk"("import_id", "seq", "data") SELECT "import_id", "seq", "data" FROM "registry_import_chunk"`);
    await queryRunner.query(`DROP TABLE "registry_import_chunk"`);
    await queryRunner.query(`ALTER TABLE "temporary_registry_import_chunk" RENAME TO "registry_import_chunk"`);
    await queryRunner.query(`CREATE TABLE "temporary_registry_import_error" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "sheet" varchar(100) NOT NULL, "row_number" integer NOT NULL, "column_name" varchar(40), "code" varchar(40) NOT NULL, "message" varchar(1000) NOT NULL, CONSTRAINT "FK_e75d171249046c411ed99262106" FOREIGN KEY ("import_id") REFERENCES "registry_import" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "temporary_registry_import_error"("import_id", "seq", "sheet", "row_number", "column_name", "code", "message") SELECT "import_id", "seq", "sheet", "row_number", "column_name", "code", "message" FROM "registry_import_error"`);
    await queryRunner.query(`DROP TABLE "registry_import_error"`);
    await queryRunner.query(`ALTER TABLE "temporary_registry_import_error" RENAME TO "registry_import_error"`);
    await queryRunner.query(`CREATE TABLE "temporary_registry_import_rows" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "data" text NOT NULL, CONSTRAINT "FK_a37370f1443f04c0e3e184e2e8e" FOREIGN KEY ("import_id") REFERENCES "registry_import" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "temporary_registry_import_rows"("import_id", "seq", "data") SELECT "import_id", "seq", "data" FROM "registry_import_rows"`);
    await queryRunner.query(`DROP TABLE "registry_import_rows"`);
    await queryRunner.query(`ALTER TABLE "temporary_registry_import_rows" RENAME TO "registry_import_rows"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registry_import_rows" RENAME TO "temporary_registry_import_rows"`);
    await queryRunner.query(`CREATE TABLE "registry_import_rows" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "data" text NOT NULL, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "registry_import_rows"("import_id", "seq", "data") SELECT "import_id", "seq", "data" FROM "temporary_registry_import_rows"`);
    await queryRunner.query(`DROP TABLE "temporary_registry_import_rows"`);
    await queryRunner.query(`ALTER TABLE "registry_import_error" RENAME TO "temporary_registry_import_error"`);
    await queryRunner.query(`CREATE TABLE "registry_import_error" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "sheet" varchar(100) NOT NULL, "row_number" integer NOT NULL, "column_name" varchar(40), "code" varchar(40) NOT NULL, "message" varchar(1000) NOT NULL, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "registry_import_error"("import_id", "seq", "sheet", "row_number", "column_name", "code", "message") SELECT "import_id", "seq", "sheet", "row_number", "column_name", "code", "message" FROM "temporary_registry_import_error"`);
    await queryRunner.query(`DROP TABLE "temporary_registry_import_error"`);
    await queryRunner.query(`ALTER TABLE "registry_import_chunk" RENAME TO "temporary_registry_import_chunk"`);
    await queryRunner.query(`CREATE TABLE "registry_import_chunk" ("import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "data" text NOT NULL, PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "registry_import_chunk"("import_id", "seq", "data") SELECT "import_id", "seq", "data" FROM "temporary_registry_import_chunk"`);
    await queryRunner.query(`DROP TABLE "temporary_registry_import_chunk"`);
    await queryRunner.query(`DROP TABLE "registry_import_rows"`);
    await queryRunner.query(`DROP TABLE "registry_import_error"`);
    await queryRunner.query(`DROP TABLE "registry_import_chunk"`);
    await queryRunner.query(`DROP INDEX "IDX_18f089578ef1fa80f3a86f5db8"`);
    await queryRunner.query(`DROP TABLE "registry_import"`);
  }
}
