import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796087105469 implements MigrationInterface {
  name = 'Outbox1796087105469';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "job_name" varchar(64) NOT NULL, "payload" text NOT NULL, "created_at" datetime(3) NOT NULL, "available_at" datetime(3) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "last_error" varchar(500), "claim_token" varchar(36), "claimed_at" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "IDX_869e02611537bd9e1e4761e80e" ON "outbox_entry" ("claim_token") `);
    await queryRunner.query(`CREATE INDEX "IDX_ca1d49e2c57262e9bd91a8b49b" ON "outbox_entry" ("available_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ca1d49e2c57262e9bd91a8b49b"`);
    await queryRunner.query(`DROP INDEX "IDX_869e02611537bd9e1e4761e80e"`);
    await queryRunner.query(`DROP TABLE "outbox_entry"`);
  }
}
