import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796093970234 implements MigrationInterface {
  name = 'Notifications1796093970234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "recipient_user_id" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "title_zh" varchar(200) NOT NULL, "title_en" varchar(200) NOT NULL, "body_zh" text NOT NULL, "body_en" text NOT NULL, "params" text NOT NULL, "entity" varchar(40) NOT NULL, "entity_id" varchar(64) NOT NULL, "county_id" varchar(6), "school_id" varchar(36), "dedupe_key" varchar(200) NOT NULL, "created_at" datetime(3) NOT NULL, "read_at" datetime(3))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0329c187ab81dbeb1f8b0fd156" ON "notification" ("recipient_user_id", "dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_25f85e031f345f99cad1c1b781" ON "notification" ("recipient_user_id", "read_at", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ff2f0e1f6330c0251c388f14c1" ON "notification" ("recipient_user_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_808fbe372b1eb738a60cdce582" ON "app_user" ("teacher_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2692867cd64951048bdb4ec7c9" ON "app_user" ("school_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f2955e0df0c3d0cd84472bffd3" ON "app_user" ("role", "county_id") `);
    await queryRunner.query(`DROP INDEX "IDX_0329c187ab81dbeb1f8b0fd156"`);
    await queryRunner.query(`DROP INDEX "IDX_25f85e031f345f99cad1c1b781"`);
    await queryRunner.query(`DROP INDEX "IDX_ff2f0e1f6330c0251c388f14c1"`);
    await queryRunner.query(`CREATE TABLE "temporary_notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "recipient_user_id" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "title_zh" varchar(200) NOT NULL, "title_en" varchar(200) NOT NULL, "body_zh" text NOT NULL, "body_en" text NOT NULL, "params" text NOT NULL, "entity" varchar(40) NOT NULL, "entity_id" varchar(64) NOT NULL, "county_id" varchar(6), "school_id" varchar(36), "dedupe_key" varchar(200) NOT NULL, "created_at" datetime(3) NOT NULL, "read_at" datetime(3), CONSTRAINT "FK_7d7f411e854516f615ba846c6a4" FOREIGN KEY ("recipient_user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_notification"("id", "recipient_user_id", "kind", "title_zh", "title_en", "body_zh", "body_en", "params", "entity", "entity_id", "county_id", "school_id", "dedupe_key", "created_at", "read_at") SELECT "id", "recipient_user_id", "kind", "title_zh", "title_en", "body_zh", "body_en", "params", "entity", "entity_id", "county_id", "school_id", "dedupe_key", "created_at", "read_at" FROM "notification"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`ALTER TABLE "temporary_notification" RENAME TO "notification"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0329c187ab81dbeb1f8b0fd156" ON "notification" ("recipient_user_id", "dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_25f85e031f345f99cad1c1b781" ON "notification" ("recipient_user_id", "read_at", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ff2f0e1f6330c0251c388f14c1" ON "notification" ("recipient_user_id", "created_at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ff2f0e1f6330c0251c388f14c1"`);
    await queryRunner.query(`DROP INDEX "IDX_25f85e031f345f99cad1c1b781"`);
    await queryRunner.query(`DROP INDEX "IDX_0329c187ab81dbeb1f8b0fd156"`);
    await queryRunner.query(`ALTER TABLE "notification" RENAME TO "temporary_notification"`);
    await queryRunner.query(`CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "recipient_user_id" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "title_zh" varchar(200) NOT NULL, "title_en" varchar(200) NOT NULL, "body_zh" text NOT NULL, "body_en" text NOT NULL, "params" text NOT NULL, "entity" varchar(40) NOT NULL, "entity_id" varchar(64) NOT NULL, "county_id" varchar(6), "school_id" varchar(36), "dedupe_key" varchar(200) NOT NULL, "created_at" datetime(3) NOT NULL, "read_at" datetime(3))`);
    await queryRunner.query(`INSERT INTO "notification"("id", "recipient_user_id", "kind", "title_zh", "title_en", "body_zh", "body_en", "params", "entity", "entity_id", "county_id", "school_id", "dedupe_key", "created_at", "read_at") SELECT "id", "recipient_user_id", "kind", "title_zh", "title_en", "body_zh", "body_en", "params", "entity", "entity_id", "county_id", "school_id", "dedupe_key", "created_at", "read_at" FROM "temporary_notification"`);
    await queryRunner.query(`DROP TABLE "temporary_notification"`);
    await queryRunner.query(`CREATE INDEX "IDX_ff2f0e1f6330c0251c388f14c1" ON "notification" ("recipient_user_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_25f85e031f345f99cad1c1b781" ON "notification" ("recipient_user_id", "read_at", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0329c187ab81dbeb1f8b0fd156" ON "notification" ("recipient_user_id", "dedupe_key") `);
    await queryRunner.query(`DROP INDEX "IDX_f2955e0df0c3d0cd84472bffd3"`);
    await queryRunner.query(`DROP INDEX "IDX_2692867cd64951048bdb4ec7c9"`);
    await queryRunner.query(`DROP INDEX "IDX_808fbe372b1eb738a60cdce582"`);
    await queryRunner.query(`DROP INDEX "IDX_ff2f0e1f6330c0251c388f14c1"`);
    await queryRunner.query(`DROP INDEX "IDX_25f85e031f345f99cad1c1b781"`);
    await queryRunner.query(`DROP INDEX "IDX_0329c187ab81dbeb1f8b0fd156"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
