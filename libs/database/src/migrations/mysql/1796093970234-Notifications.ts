import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796093970234 implements MigrationInterface {
  name = 'Notifications1796093970234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`notification\` (\`id\` varchar(36) NOT NULL, \`recipient_user_id\` varchar(36) NOT NULL, \`kind\` varchar(40) NOT NULL, \`title_zh\` varchar(200) NOT NULL, \`title_en\` varchar(200) NOT NULL, \`body_zh\` text NOT NULL, \`body_en\` text NOT NULL, \`params\` text NOT NULL, \`entity\` varchar(40) NOT NULL, \`entity_id\` varchar(64) NOT NULL, \`county_id\` varchar(6) NULL, \`school_id\` varchar(36) NULL, \`dedupe_key\` varchar(200) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`read_at\` datetime(3) NULL, UNIQUE INDEX \`IDX_0329c187ab81dbeb1f8b0fd156\` (\`recipient_user_id\`, \`dedupe_key\`), INDEX \`IDX_25f85e031f345f99cad1c1b781\` (\`recipient_user_id\`, \`read_at\`, \`created_at\`, \`id\`), INDEX \`IDX_ff2f0e1f6330c0251c388f14c1\` (\`recipient_user_id\`, \`created_at\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE INDEX \`IDX_808fbe372b1eb738a60cdce582\` ON \`app_user\` (\`teacher_id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_2692867cd64951048bdb4ec7c9\` ON \`app_user\` (\`school_id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_f2955e0df0c3d0cd84472bffd3\` ON \`app_user\` (\`role\`, \`county_id\`)`);
    await queryRunner.query(`ALTER TABLE \`notification\` ADD CONSTRAINT \`FK_7d7f411e854516f615ba846c6a4\` FOREIGN KEY (\`recipient_user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification\` DROP FOREIGN KEY \`FK_7d7f411e854516f615ba846c6a4\``);
    await queryRunner.query(`DROP INDEX \`IDX_f2955e0df0c3d0cd84472bffd3\` ON \`app_user\``);
    // The school and teacher indexes stand in for the ones MySQL made for the foreign keys (it dropped those when these came):
    // give the keys their own back first, as they were, or the drops are refused.
    await queryRunner.query(`CREATE INDEX \`FK_2692867cd64951048bdb4ec7c9c\` ON \`app_user\` (\`school_id\`)`);
    await queryRunner.query(`CREATE INDEX \`FK_808fbe372b1eb738a60cdce5825\` ON \`app_user\` (\`teacher_id\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_2692867cd64951048bdb4ec7c9\` ON \`app_user\``);
    await queryRunner.query(`DROP INDEX \`IDX_808fbe372b1eb738a60cdce582\` ON \`app_user\``);
    await queryRunner.query(`DROP INDEX \`IDX_ff2f0e1f6330c0251c388f14c1\` ON \`notification\``);
    await queryRunner.query(`DROP INDEX \`IDX_25f85e031f345f99cad1c1b781\` ON \`notification\``);
    await queryRunner.query(`DROP INDEX \`IDX_0329c187ab81dbeb1f8b0fd156\` ON \`notification\``);
    await queryRunner.query(`DROP TABLE \`notification\``);
  }
}
