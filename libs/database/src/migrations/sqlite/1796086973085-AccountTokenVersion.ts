import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountTokenVersion1796086973085 implements MigrationInterface {
  name = 'AccountTokenVersion1796086973085';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c480e576dd71729addbc2d51b6"`);
    await queryRunner.query(`DROP INDEX "IDX_a5959edb1f407d782b0d8b4ed7"`);
    await queryRunner.query(`CREATE TABLE "temporary_app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "password_hash" varchar(255) NOT NULL, "role" varchar(20) NOT NULL, "city_id" varchar(6), "county_id" varchar(6), "school_id" varchar(36), "teacher_id" varchar(36), "active" boolean NOT NULL DEFAULT (1), "version" integer NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "last_login_at" datetime(3), "token_version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_808fbe372b1eb738a60cdce5825" FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c" FOREIGN KEY ("school_id") REFERENCES "school" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a5959edb1f407d782b0d8b4ed77" FOREIGN KEY ("county_id") REFERENCES "county" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_59fb93aae2d95bb2ef768120641" FOREIGN KEY ("city_id") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_app_user"("id", "username", "password_hash", "role", "city_id", "county_id", "school_id", "teacher_id", "active", "version", "created_at", "last_login_at") SELECT "id", "username", "password_hash", "role", "city_id", "county_id", "school_id", "teacher_id", "active", "version", "created_at", "last_login_at" FROM "app_user"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_app_user" RENAME TO "app_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c480e576dd71729addbc2d51b6" ON "app_user" ("username") `);
    await queryRunner.query(`CREATE INDEX "IDX_a5959edb1f407d782b0d8b4ed7" ON "app_user" ("county_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_a5959edb1f407d782b0d8b4ed7"`);
    await queryRunner.query(`DROP INDEX "IDX_c480e576dd71729addbc2d51b6"`);
    await queryRunner.query(`ALTER TABLE "app_user" RENAME TO "temporary_app_user"`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "password_hash" varchar(255) NOT NULL, "role" varchar(20) NOT NULL, "city_id" varchar(6), "county_id" varchar(6), "school_id" varchar(36), "teacher_id" varchar(36), "active" boolean NOT NULL DEFAULT (1), "version" integer NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "last_login_at" datetime(3), CONSTRAINT "FK_808fbe372b1eb738a60cdce5825" FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c" FOREIGN KEY ("school_id") REFERENCES "school" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a5959edb1f407d782b0d8b4ed77" FOREIGN KEY ("county_id") REFERENCES "county" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_59fb93aae2d95bb2ef768120641" FOREIGN KEY ("city_id") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "app_user"("id", "username", "password_hash", "role", "city_id", "county_id", "school_id", "teacher_id", "active", "version", "created_at", "last_login_at") SELECT "id", "username", "password_hash", "role", "city_id", "county_id", "school_id", "teacher_id", "active", "version", "created_at", "last_login_at" FROM "temporary_app_user"`);
    await queryRunner.query(`DROP TABLE "temporary_app_user"`);
    await queryRunner.query(`CREATE INDEX "IDX_a5959edb1f407d782b0d8b4ed7" ON "app_user" ("county_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c480e576dd71729addbc2d51b6" ON "app_user" ("username") `);
  }
}
